import { type RefObject, useEffect, useRef } from 'react'

/**
 * "Load more" buttons vanish once the last page is in: focus would fall back to the page's start.
 * After a click whose answer removed the button, focus goes to `target` (the list's heading or count).
 */
export function useFocusAfterMore(hasMore: boolean, loading: boolean, target: RefObject<HTMLElement | null>) {
  const clicked = useRef(false)
  useEffect(() => {
    if (!clicked.current || loading) return
    clicked.current = false
    if (!hasMore) target.current?.focus()
  }, [hasMore, loading, target])
  return () => {
    clicked.current = true
  }
}
