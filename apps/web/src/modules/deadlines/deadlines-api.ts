import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { apiRequest } from '../../app/api/api-client'
import {
  asRecord,
  readBoolean,
  readList,
  readNullableString,
  readNumber,
  readOneOf,
  readString,
} from '../../app/api/parse'

const SOURCES = ['registry', 'payments', 'appointments'] as const
export type DeadlineSource = (typeof SOURCES)[number]

export interface DeadlineItem {
  id: string
  source: DeadlineSource
  kind: string
  title: string | null
  reference: string | null
  section: string | null
  date: string
  daysLeft: number
  status: 'expired' | 'due-soon' | 'upcoming'
  amountCents: number | null
  /** Appointments: when it starts and ends, and the office with its address. */
  startsAt: string | null
  endsAt: string | null
  place: string | null
}

function parseItem(value: unknown): DeadlineItem {
  const record = asRecord(value, 'deadline')
  return {
    id: readString(record, 'id'),
    source: readOneOf(record, 'source', SOURCES),
    kind: readString(record, 'kind'),
    title: readNullableString(record, 'title'),
    reference: readNullableString(record, 'reference'),
    section: readNullableString(record, 'section'),
    date: readString(record, 'date'),
    daysLeft: readNumber(record, 'daysLeft'),
    status: readOneOf(record, 'status', ['expired', 'due-soon', 'upcoming'] as const),
    amountCents: record.amountCents === null ? null : readNumber(record, 'amountCents'),
    startsAt: readNullableString(record, 'startsAt'),
    endsAt: readNullableString(record, 'endsAt'),
    place: readNullableString(record, 'place'),
  }
}

export function useMyDeadlines() {
  return useQuery({
    queryKey: ['deadlines'],
    queryFn: ({ signal }) =>
      apiRequest({
        path: '/deadlines',
        signal,
        parse: (value) => {
          const record = asRecord(value, 'deadlines')
          return {
            items: readList(record.items, 'items', parseItem),
            hidden: readList(record.hidden, 'hidden', (item) => readOneOf({ item }, 'item', SOURCES)),
          }
        },
      }),
  })
}

const FEED_KEY = ['deadlines', 'feed']

export interface FeedStatus {
  active: boolean
  createdAt: string | null
  lastReadAt: string | null
}

export function useFeedStatus() {
  return useQuery({
    queryKey: FEED_KEY,
    queryFn: ({ signal }) =>
      apiRequest({
        path: '/deadlines/feed',
        signal,
        parse: (value): FeedStatus => {
          const record = asRecord(value, 'feed')
          return {
            active: readBoolean(record, 'active'),
            createdAt: readNullableString(record, 'createdAt'),
            lastReadAt: readNullableString(record, 'lastReadAt'),
          }
        },
      }),
  })
}

/** A new private address; the old one, if any, stops working. */
export function useCreateFeed() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: () =>
      apiRequest({
        path: '/deadlines/feed',
        method: 'POST',
        parse: (value) => {
          const record = asRecord(value, 'feed')
          return { url: readString(record, 'url'), webcalUrl: readString(record, 'webcalUrl') }
        },
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: FEED_KEY }),
  })
}

export function useDeleteFeed() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: () => apiRequest({ path: '/deadlines/feed', method: 'DELETE', parse: () => undefined }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: FEED_KEY }),
  })
}
