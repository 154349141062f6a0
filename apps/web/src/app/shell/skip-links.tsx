import type { MouseEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { FOOTER_ID, focusLandmark, MAIN_CONTENT_ID } from './landmarks'

/**
 * The first focusable elements of every page. Focus is moved by script because a fragment link
 * alone scrolls but, in a client-routed app, does not reliably move keyboard focus.
 */
export function SkipLinks() {
  const { t } = useTranslation()
  const jumpTo = (id: string) => (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault()
    focusLandmark(id, { scroll: true })
  }
  return (
    <nav className="skiplinks" aria-label={t('skipLinks.label')}>
      <a className="visually-hidden-focusable" href={`#${MAIN_CONTENT_ID}`} onClick={jumpTo(MAIN_CONTENT_ID)}>
        {t('skipLinks.content')}
      </a>
      <a className="visually-hidden-focusable" href={`#${FOOTER_ID}`} onClick={jumpTo(FOOTER_ID)}>
        {t('skipLinks.footer')}
      </a>
    </nav>
  )
}
