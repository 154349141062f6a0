/** Ids of the landmarks the skip links and focus management point at. */
export const MAIN_CONTENT_ID = 'main-container'
export const FOOTER_ID = 'footer'

/**
 * Moves keyboard focus to a landmark, making it focusable just for this purpose if needed.
 * Skip links also scroll to it; after a navigation the page stays at the top, header in view.
 */
export function focusLandmark(id: string, options: { scroll: boolean }): void {
  const target = document.getElementById(id)
  if (!target) return
  if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1')
  target.focus({ preventScroll: true })
  if (options.scroll) target.scrollIntoView({ block: 'start' })
}
