import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useEffect } from 'react'
import { useSession } from '../../app/session/session-api'
import { NOTIFICATIONS_QUERY_KEY } from './notifications-api'

const UNREAD_KEY = [...NOTIFICATIONS_QUERY_KEY, 'unread'] as const

/** The unread count as the open stream last said it; undefined until it speaks. */
export function useUnreadCount(): number | undefined {
  return useQuery<number>({
    queryKey: UNREAD_KEY,
    queryFn: () => Promise.reject(new Error('from the stream only')),
    enabled: false,
  }).data
}

/**
 * Keeps one server-sent-event stream open while a citizen is signed in: a new message refreshes the
 * inbox and the unread count at once, whichever server process wrote it. EventSource reconnects by
 * itself after a network loss.
 */
export function InboxStream() {
  const session = useSession().data
  const queryClient = useQueryClient()
  const citizen = session?.authenticated === true && session.kind === 'citizen'
  useEffect(() => {
    if (!citizen || typeof EventSource === 'undefined') return
    const source = new EventSource('/api/v1/notifications/stream')
    const onUnread = (event: MessageEvent<string>) => {
      const unread = Number((JSON.parse(event.data) as { unread?: unknown }).unread)
      if (!Number.isFinite(unread)) return
      const previous = queryClient.getQueryData<number>(UNREAD_KEY)
      queryClient.setQueryData(UNREAD_KEY, unread)
      if (previous !== undefined && previous !== unread) {
        void queryClient.invalidateQueries({ queryKey: [...NOTIFICATIONS_QUERY_KEY, 'inbox'] })
      }
    }
    source.addEventListener('unread', onUnread as EventListener)
    return () => source.close()
  }, [citizen, queryClient])
  return null
}
