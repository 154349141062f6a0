import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { apiRequest } from '../../app/api/api-client'
import {
  asRecord,
  readBoolean,
  readList,
  readNullableString,
  readNumber,
  readOneOf,
  readString,
  readStringArray,
} from '../../app/api/parse'

export const CHANNELS = ['push', 'email', 'sms', 'io'] as const
export type Channel = (typeof CHANNELS)[number]
export const TOPICS = [
  'account',
  'deadlines',
  'payments',
  'appointments',
  'certificates',
  'tickets',
  'reports',
  'city',
] as const
export type Topic = (typeof TOPICS)[number]

export interface InboxMessage {
  id: string
  topic: Topic
  legal: boolean
  subject: string
  /** Rendered by the server from markdown with raw HTML disabled. */
  bodyHtml: string
  createdAt: string
  readAt: string | null
  archivedAt: string | null
  dueDate: string | null
  payment: { noticeNumber: string; amountCents: number } | null
  action: { url: string; label: string } | null
  deliveries: { channel: Channel; status: string }[]
}

export interface InboxPage {
  items: InboxMessage[]
  unread: number
  nextBefore: string | null
}

export interface Preferences {
  topics: { topic: Topic; legal: boolean; channels: Channel[] }[]
  quietFrom: string | null
  quietUntil: string | null
  reachable: Record<Channel, boolean>
}

function channelsOf(value: unknown, what: string): Channel[] {
  return readStringArray({ [what]: value }, what).filter((entry): entry is Channel =>
    (CHANNELS as readonly string[]).includes(entry),
  )
}

function parseMessage(value: unknown): InboxMessage {
  const record = asRecord(value, 'message')
  const payment = record.payment ? asRecord(record.payment, 'payment') : null
  const action = record.action ? asRecord(record.action, 'action') : null
  return {
    id: readString(record, 'id'),
    topic: readOneOf(record, 'topic', TOPICS),
    legal: readBoolean(record, 'legal'),
    subject: readString(record, 'subject'),
    bodyHtml: readString(record, 'bodyHtml'),
    createdAt: readString(record, 'createdAt'),
    readAt: readNullableString(record, 'readAt'),
    archivedAt: readNullableString(record, 'archivedAt'),
    dueDate: readNullableString(record, 'dueDate'),
    payment: payment
      ? { noticeNumber: readString(payment, 'noticeNumber'), amountCents: readNumber(payment, 'amountCents') }
      : null,
    action: action ? { url: readString(action, 'url'), label: readString(action, 'label') } : null,
    deliveries: readList(record.deliveries, 'deliveries', (entry) => {
      const delivery = asRecord(entry, 'delivery')
      return { channel: readOneOf(delivery, 'channel', CHANNELS), status: readString(delivery, 'status') }
    }),
  }
}

function parseInboxPage(value: unknown): InboxPage {
  const record = asRecord(value, 'inbox')
  return {
    items: readList(record.items, 'items', parseMessage),
    unread: readNumber(record, 'unread'),
    nextBefore: readNullableString(record, 'nextBefore'),
  }
}

function parsePreferences(value: unknown): Preferences {
  const record = asRecord(value, 'preferences')
  const reachable = asRecord(record.reachable, 'reachable')
  return {
    topics: readList(record.topics, 'topics', (entry) => {
      const topic = asRecord(entry, 'topic')
      return {
        topic: readOneOf(topic, 'topic', TOPICS),
        legal: readBoolean(topic, 'legal'),
        channels: channelsOf(topic.channels, 'channels'),
      }
    }),
    quietFrom: readNullableString(record, 'quietFrom'),
    quietUntil: readNullableString(record, 'quietUntil'),
    reachable: Object.fromEntries(
      CHANNELS.map((channel) => [channel, readBoolean(reachable, channel)]),
    ) as Record<Channel, boolean>,
  }
}

export const NOTIFICATIONS_QUERY_KEY = ['notifications'] as const

export function useInbox(options: {
  box: 'inbox' | 'archived'
  unread?: boolean
  q?: string
  limit?: number
}) {
  const params = new URLSearchParams({ box: options.box, limit: String(options.limit ?? 20) })
  if (options.unread) params.set('unread', 'true')
  if (options.q) params.set('q', options.q)
  return useQuery({
    queryKey: [...NOTIFICATIONS_QUERY_KEY, 'inbox', options],
    placeholderData: keepPreviousData,
    queryFn: ({ signal }) => apiRequest({ path: `/notifications?${params}`, signal, parse: parseInboxPage }),
  })
}

export function useInboxMessage(id: string | undefined) {
  return useQuery({
    queryKey: [...NOTIFICATIONS_QUERY_KEY, 'message', id],
    enabled: id !== undefined,
    queryFn: ({ signal }) =>
      apiRequest({ path: `/notifications/${encodeURIComponent(id ?? '')}`, signal, parse: parseMessage }),
  })
}

export function useChangeMessage() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (input: { id: string; read?: boolean; archived?: boolean }) =>
      apiRequest({
        path: `/notifications/${encodeURIComponent(input.id)}`,
        method: 'PATCH',
        body: {
          ...(input.read === undefined ? {} : { read: input.read }),
          ...(input.archived === undefined ? {} : { archived: input.archived }),
        },
        parse: parseMessage,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: NOTIFICATIONS_QUERY_KEY }),
  })
}

const PREFERENCES_KEY = [...NOTIFICATIONS_QUERY_KEY, 'preferences'] as const

export function usePreferences() {
  return useQuery({
    queryKey: PREFERENCES_KEY,
    queryFn: ({ signal }) =>
      apiRequest({ path: '/me/notification-preferences', signal, parse: parsePreferences }),
  })
}

export function useSavePreferences() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (input: {
      channelsByTopic: Partial<Record<Topic, Channel[]>>
      quietFrom: string | null
      quietUntil: string | null
    }) =>
      apiRequest({
        path: '/me/notification-preferences',
        method: 'PUT',
        body: input,
        parse: parsePreferences,
      }),
    onSuccess: (saved) => queryClient.setQueryData(PREFERENCES_KEY, saved),
  })
}

export async function fetchPushKey(): Promise<string> {
  return apiRequest({ path: '/push/key', parse: (value) => readString(asRecord(value, 'key'), 'publicKey') })
}

export function savePushSubscription(subscription: PushSubscriptionJSON): Promise<unknown> {
  return apiRequest({
    path: '/push/subscriptions',
    method: 'POST',
    body: { endpoint: subscription.endpoint, keys: subscription.keys },
    parse: (value) => value,
  })
}

export function forgetPushSubscription(endpoint: string): Promise<unknown> {
  return apiRequest({
    path: '/push/subscriptions/remove',
    method: 'POST',
    body: { endpoint },
    parse: () => undefined,
  })
}
