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
import { currentLanguage } from '../../app/i18n/i18n'
import type { TicketStatus } from './crm-labels'

export interface Named {
  code: string
  name: string
}

export interface QueueItem {
  code: string
  subject: string
  status: TicketStatus
  channel: string
  teamCode: string
  assignee: { id: string; name: string } | null
  category: Named | null
  contactName: string
  createdAt: string
  lastActivityAt: string
  firstResponseDueAt: string | null
  resolutionDueAt: string | null
  firstRespondedAt: string | null
  slaPaused: boolean
  atRisk: boolean
  breached: boolean
  version: number
}

export interface TicketMessage {
  id: string
  kind: 'inbound' | 'reply' | 'note'
  channel: string
  authorName: string
  body: string
  createdAt: string
  attachments: { id: string; fileName: string; mediaType: string; sizeBytes: number }[]
}

export interface TicketEvent {
  kind: string
  fromStatus: string | null
  toStatus: string | null
  teamCode: string | null
  staffName: string | null
  note: string
  occurredAt: string
}

export interface StaffTicket {
  ticket: QueueItem & { mergedIntoCode: string | null; reopenCount: number; escalatedAt: string | null }
  contact: {
    displayName: string
    fiscalCode: string | null
    email: string | null
    emailVerified: boolean
    phone: string | null
  }
  triplet: { area: Named | null; topic: Named | null; detail: Named; process: string } | null
  messages: TicketMessage[]
  events: TicketEvent[]
  allowedTransitions: TicketStatus[]
  cannedReplies: { id: string; title: string; body: string }[]
}

export interface QueueFilters {
  team?: string
  status?: TicketStatus[]
  assignee?: 'me' | 'none' | string
  channel?: string
  category?: string
  q?: string
  breached?: boolean
  atRisk?: boolean
}

const named = (value: unknown): Named | null => {
  if (value === null || value === undefined) return null
  const record = asRecord(value, 'named')
  const nameEn = readString(record, 'nameEn')
  return {
    code: readString(record, 'code'),
    name: currentLanguage() === 'en' && nameEn ? nameEn : readString(record, 'nameIt'),
  }
}

const person = (value: unknown) => {
  if (value === null || value === undefined) return null
  const record = asRecord(value, 'person')
  return { id: readString(record, 'id'), name: readString(record, 'name') }
}

export function parseQueueItem(value: unknown): QueueItem {
  const record = asRecord(value, 'ticket')
  return {
    code: readString(record, 'code'),
    subject: readString(record, 'subject'),
    status: readString(record, 'status') as TicketStatus,
    channel: readString(record, 'channel'),
    teamCode: readString(record, 'teamCode'),
    assignee: person(record.assignee),
    category: named(record.category),
    contactName: readString(record, 'contactName'),
    createdAt: readString(record, 'createdAt'),
    lastActivityAt: readString(record, 'lastActivityAt'),
    firstResponseDueAt: readNullableString(record, 'firstResponseDueAt'),
    resolutionDueAt: readNullableString(record, 'resolutionDueAt'),
    firstRespondedAt: readNullableString(record, 'firstRespondedAt'),
    slaPaused: readBoolean(record, 'slaPaused'),
    atRisk: readBoolean(record, 'atRisk'),
    breached: readBoolean(record, 'breached'),
    version: readNumber(record, 'version'),
  }
}

function parseMessage(value: unknown): TicketMessage {
  const record = asRecord(value, 'message')
  const kind = readString(record, 'kind')
  if (kind !== 'inbound' && kind !== 'reply' && kind !== 'note') throw new TypeError('unknown message kind')
  return {
    id: readString(record, 'id'),
    kind,
    channel: readString(record, 'channel'),
    authorName: readString(record, 'authorName'),
    body: readString(record, 'body'),
    createdAt: readString(record, 'createdAt'),
    attachments: readList(record.attachments, 'attachments', (item) => {
      const file = asRecord(item, 'attachment')
      return {
        id: readString(file, 'id'),
        fileName: readString(file, 'fileName'),
        mediaType: readString(file, 'mediaType'),
        sizeBytes: readNumber(file, 'sizeBytes'),
      }
    }),
  }
}

function parseEvent(value: unknown): TicketEvent {
  const record = asRecord(value, 'event')
  return {
    kind: readString(record, 'kind'),
    fromStatus: readNullableString(record, 'fromStatus'),
    toStatus: readNullableString(record, 'toStatus'),
    teamCode: readNullableString(record, 'teamCode'),
    staffName: person(record.staff)?.name ?? null,
    note: readString(record, 'note'),
    occurredAt: readString(record, 'occurredAt'),
  }
}

function parseStaffTicket(value: unknown): StaffTicket {
  const record = asRecord(value, 'staff ticket')
  const ticket = asRecord(record.ticket, 'ticket')
  const contact = asRecord(record.contact, 'contact')
  const triplet = record.triplet === null ? null : asRecord(record.triplet, 'triplet')
  const detail = triplet ? named(triplet.detail) : null
  return {
    ticket: {
      ...parseQueueItem(ticket),
      mergedIntoCode: readNullableString(ticket, 'mergedIntoCode'),
      reopenCount: readNumber(ticket, 'reopenCount'),
      escalatedAt: readNullableString(ticket, 'escalatedAt'),
    },
    contact: {
      displayName: readString(contact, 'displayName'),
      fiscalCode: readNullableString(contact, 'fiscalCode'),
      email: readNullableString(contact, 'email'),
      emailVerified: readBoolean(contact, 'emailVerified'),
      phone: readNullableString(contact, 'phone'),
    },
    triplet:
      triplet && detail
        ? {
            area: named(triplet.area),
            topic: named(triplet.topic),
            detail,
            process: readString(triplet, 'process'),
          }
        : null,
    messages: readList(record.messages, 'messages', parseMessage),
    events: readList(record.events, 'events', parseEvent),
    allowedTransitions: readList(record.allowedTransitions, 'transitions', (item) => {
      if (typeof item !== 'string') throw new TypeError('transition is not a string')
      return item as TicketStatus
    }),
    cannedReplies: readList(record.cannedReplies, 'cannedReplies', (item) => {
      const reply = asRecord(item, 'canned reply')
      return {
        id: readString(reply, 'id'),
        title: readString(reply, 'title'),
        body: readString(reply, 'body'),
      }
    }),
  }
}

const QUEUE_KEY = ['crm', 'queue'] as const
const ticketKey = (code: string) => ['crm', 'ticket', code] as const
const QUEUE_PAGE = 25

function queueParams(filters: QueueFilters, cursor: string | null): string {
  const params = new URLSearchParams({ limit: String(QUEUE_PAGE) })
  if (filters.team) params.set('team', filters.team)
  if (filters.status?.length) params.set('status', filters.status.join(','))
  if (filters.assignee) params.set('assignee', filters.assignee)
  if (filters.channel) params.set('channel', filters.channel)
  if (filters.category) params.set('category', filters.category)
  if (filters.q) params.set('q', filters.q)
  if (filters.breached) params.set('breached', 'true')
  if (filters.atRisk) params.set('atRisk', 'true')
  if (cursor) params.set('cursor', cursor)
  return params.toString()
}

/** A queue, by what falls due first, one page at a time. */
export function useQueue(filters: QueueFilters) {
  return useInfiniteQuery({
    queryKey: [...QUEUE_KEY, filters],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) =>
      apiRequest({
        path: `/staff/tickets?${queueParams(filters, pageParam)}`,
        signal,
        parse: (value) => {
          const record = asRecord(value, 'queue')
          return {
            items: readList(record.items, 'items', parseQueueItem),
            nextCursor: readNullableString(record, 'nextCursor'),
          }
        },
      }),
    getNextPageParam: (last) => last.nextCursor,
  })
}

export function useStaffTicket(code: string) {
  return useQuery({
    queryKey: ticketKey(code),
    retry: false,
    queryFn: ({ signal }) =>
      apiRequest({ path: `/staff/tickets/${encodeURIComponent(code)}`, signal, parse: parseStaffTicket }),
  })
}

export interface TicketState {
  code: string
  status: TicketStatus
  teamCode: string
  version: number
  visible: boolean
}

function parseState(value: unknown): TicketState {
  const record = asRecord(value, 'ticket state')
  return {
    code: readString(record, 'code'),
    status: readString(record, 'status') as TicketStatus,
    teamCode: readString(record, 'teamCode'),
    version: readNumber(record, 'version'),
    visible: record.visible === undefined ? true : readBoolean(record, 'visible'),
  }
}

export type TicketAction =
  | { action: 'claim'; version?: number }
  | { action: 'assign'; assigneeId: string | null; version?: number }
  | { action: 'status'; status: TicketStatus; note?: string; version?: number }
  | { action: 'reply'; body: string; then?: 'waiting-citizen' | 'resolved'; version?: number }
  | { action: 'note'; body: string; version?: number }
  | { action: 'forward'; teamCode: string; note: string; version?: number }
  | { action: 'merge'; intoCode: string; version?: number }
  | { action: 'categorise'; categoryCode: string; version?: number }

/** One action on a ticket (claim, reply, forward…); the ticket and the queues are read again after. */
export function useTicketAction(code: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ action, ...body }: TicketAction) =>
      apiRequest({
        path: `/staff/tickets/${encodeURIComponent(code)}/${action}`,
        method: 'POST',
        body,
        parse: parseState,
      }),
    onSettled: async () => {
      await queryClient.invalidateQueries({ queryKey: ticketKey(code) })
      await queryClient.invalidateQueries({ queryKey: QUEUE_KEY })
      await queryClient.invalidateQueries({ queryKey: ['crm', 'timeline'] })
      await queryClient.invalidateQueries({ queryKey: ['crm', 'dashboard'] })
    },
  })
}

/** A canned reply with its placeholders filled for this ticket, in the language asked. */
export function renderCannedReply(code: string, id: string, lang: 'it' | 'en') {
  return apiRequest({
    path: `/staff/tickets/${encodeURIComponent(code)}/canned-replies/${encodeURIComponent(id)}?lang=${lang}`,
    parse: (value) => readString(asRecord(value, 'canned reply'), 'body'),
  })
}

/** Where the browser downloads a file of the ticket (the session cookie goes with it). */
export function attachmentUrl(code: string, id: string): string {
  return `/api/v1/staff/tickets/${encodeURIComponent(code)}/attachments/${encodeURIComponent(id)}`
}
