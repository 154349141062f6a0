import { useEffect, useRef } from 'react'
import { useLocation } from 'react-router'
import { focusLandmark, MAIN_CONTENT_ID } from './landmarks'

/**
 * After a client-side navigation nothing tells a screen reader the page changed: move focus to
 * the new content, as a full page load would put the reader at the top of the new page.
 */
export function useFocusMainOnNavigation(): void {
  const { pathname } = useLocation()
  const previousPath = useRef(pathname)
  useEffect(() => {
    if (previousPath.current === pathname) return
    previousPath.current = pathname
    focusLandmark(MAIN_CONTENT_ID, { scroll: false })
  }, [pathname])
}
