import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { apiRequest } from '../../app/api/api-client'
import {
  asRecord,
  readBoolean,
  readList,
  readNullableString,
  readNumber,
  readString,
} from '../../app/api/parse'
import { readNullableNumber } from './crm-parse'

/** Someone the city has heard from: a citizen by fiscal code, or an anonymous writer or caller. */
export interface ContactMatch {
  id: string
  fiscalCode: string | null
  displayName: string
  email: string | null
  emailVerified: boolean
  phone: string | null
  mergedIntoId: string | null
  ticketCount: number
}

export const TIMELINE_KINDS = ['ticket', 'call', 'appointment', 'payment', 'certificate', 'message'] as const
export type TimelineKind = (typeof TIMELINE_KINDS)[number]

export interface TimelineEntry {
  kind: TimelineKind
  at: string
  reference: string
  status: string
  summary: string
  channel: string | null
  amountCents: number | null
  /** For tickets: whether the reader's teams may open it. */
  openable: boolean
}

export interface TimelinePage {
  fiscalCode: string
  person: { givenName: string; familyName: string; birthDate: string } | null
  entries: TimelineEntry[]
  nextBefore: string | null
}

const TIMELINE_PAGE = 20

function parseContact(value: unknown): ContactMatch {
  const record = asRecord(value, 'contact')
  return {
    id: readString(record, 'id'),
    fiscalCode: readNullableString(record, 'fiscalCode'),
    displayName: readString(record, 'displayName'),
    email: readNullableString(record, 'email'),
    emailVerified: readBoolean(record, 'emailVerified'),
    phone: readNullableString(record, 'phone'),
    mergedIntoId: readNullableString(record, 'mergedIntoId'),
    ticketCount: readNumber(record, 'ticketCount'),
  }
}

function parseEntry(value: unknown): TimelineEntry {
  const record = asRecord(value, 'timeline entry')
  const kind = readString(record, 'kind')
  if (!(TIMELINE_KINDS as readonly string[]).includes(kind)) throw new TypeError('unknown timeline kind')
  return {
    kind: kind as TimelineKind,
    at: readString(record, 'at'),
    reference: readString(record, 'reference'),
    status: readString(record, 'status'),
    summary: readString(record, 'summary'),
    channel: readNullableString(record, 'channel'),
    amountCents: readNullableNumber(record, 'amountCents'),
    openable: readBoolean(record, 'openable'),
  }
}

function parseTimeline(value: unknown): TimelinePage {
  const record = asRecord(value, 'timeline')
  const person = record.person === null ? null : asRecord(record.person, 'person')
  return {
    fiscalCode: readString(record, 'fiscalCode'),
    person: person
      ? {
          givenName: readString(person, 'givenName'),
          familyName: readString(person, 'familyName'),
          birthDate: readString(person, 'birthDate'),
        }
      : null,
    entries: readList(record.entries, 'entries', parseEntry),
    nextBefore: readNullableString(record, 'nextBefore'),
  }
}

/** Contacts matching a fiscal code, an e-mail address or a phone number; the server audits it. */
export function useContactSearch(query: string | null) {
  return useQuery({
    queryKey: ['crm', 'contacts', query],
    enabled: query !== null,
    retry: false,
    queryFn: ({ signal }) =>
      apiRequest({
        path: `/staff/contacts?q=${encodeURIComponent(query ?? '')}`,
        signal,
        parse: (value) => readList(asRecord(value, 'contacts').items, 'items', parseContact),
      }),
  })
}

/** Joins an anonymous contact to the citizen it turned out to be. */
export function useMergeContact() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (input: { contactId: string; fiscalCode: string }) =>
      apiRequest({
        path: `/staff/contacts/${encodeURIComponent(input.contactId)}/merge`,
        method: 'POST',
        body: { fiscalCode: input.fiscalCode },
        parse: (value) => asRecord(value, 'merged'),
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['crm'] }),
  })
}

/** The 360° timeline, newest first, one page at a time ("load more" asks for the older ones). */
export function useCitizenTimeline(fiscalCode: string) {
  return useInfiniteQuery({
    queryKey: ['crm', 'timeline', fiscalCode],
    initialPageParam: null as string | null,
    retry: false,
    queryFn: ({ pageParam, signal }) => {
      const params = new URLSearchParams({ limit: String(TIMELINE_PAGE) })
      if (pageParam) params.set('before', pageParam)
      return apiRequest({
        path: `/staff/citizens/${encodeURIComponent(fiscalCode)}/timeline?${params.toString()}`,
        signal,
        parse: parseTimeline,
      })
    },
    getNextPageParam: (last) => last.nextBefore,
  })
}
