import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { apiRequest } from '../../app/api/api-client'
import {
  asRecord,
  type JsonRecord,
  readBoolean,
  readList,
  readNullableString,
  readNumber,
  readOneOf,
  readString,
} from '../../app/api/parse'

export const TICKET_STATUSES = [
  'new',
  'assigned',
  'in-progress',
  'waiting-citizen',
  'waiting-office',
  'resolved',
  'closed',
] as const
export type TicketStatus = (typeof TICKET_STATUSES)[number]

export const TICKET_CHANNELS = ['web', 'phone', 'email', 'social', 'chatbot', 'mayor', 'report'] as const
export type TicketChannel = (typeof TICKET_CHANNELS)[number]

/** Where one of the citizen's own files of a request is downloaded from. */
export const ticketAttachmentPath = (code: string, id: string) =>
  `/api/v1/me/tickets/${encodeURIComponent(code)}/attachments/${encodeURIComponent(id)}`

export interface Triplet {
  area: string | null
  topic: string | null
  detail: string
}

export interface MyTicketSummary {
  code: string
  subject: string
  category: Triplet | null
  channel: TicketChannel
  status: TicketStatus
  createdAt: string
  lastActivityAt: string
  /** The city spoke last: an answer the citizen has not replied to. */
  replied: boolean
}

export interface TicketAttachment {
  id: string
  fileName: string
  mediaType: string
  sizeBytes: number
}

export interface TicketMessage {
  id: string
  kind: 'inbound' | 'reply'
  authorName: string
  body: string
  createdAt: string
  attachments: TicketAttachment[]
}

export interface TicketHistoryEntry {
  kind: string
  fromStatus: TicketStatus | null
  toStatus: TicketStatus | null
  occurredAt: string
}

export interface MyTicket extends MyTicketSummary {
  messages: TicketMessage[]
  history: TicketHistoryEntry[]
  canReply: boolean
}

export interface MyTicketsPage {
  items: MyTicketSummary[]
  nextCursor: string | null
}

/** A file as the JSON forms send it: the bytes in base64. */
export interface AttachmentUpload {
  name: string
  type?: string
  data: string
}

export interface WriteInput {
  categoryCode: string
  subject: string
  body: string
  phone?: string
  attachments: AttachmentUpload[]
  email?: string
  proof?: string
  name?: string
}

export interface WrittenTicket {
  code: string
  status: TicketStatus
  createdAt: string
}

export interface ReplyResult {
  messageId: string
  reopened: boolean
  status: TicketStatus
}

function readStatus(record: JsonRecord, key: string): TicketStatus {
  return readOneOf(record, key, TICKET_STATUSES)
}

function readNullableStatus(record: JsonRecord, key: string): TicketStatus | null {
  return record[key] === null || record[key] === undefined ? null : readStatus(record, key)
}

function parseTriplet(value: unknown): Triplet | null {
  if (value === null || value === undefined) return null
  const record = asRecord(value, 'category')
  return {
    area: readNullableString(record, 'area'),
    topic: readNullableString(record, 'topic'),
    detail: readString(record, 'detail'),
  }
}

function parseSummary(value: unknown): MyTicketSummary {
  const record = asRecord(value, 'ticket')
  return {
    code: readString(record, 'code'),
    subject: readString(record, 'subject'),
    category: parseTriplet(record.category),
    // A channel added later on the server must not hide the citizen's list.
    channel: (TICKET_CHANNELS as readonly string[]).includes(String(record.channel))
      ? (record.channel as TicketChannel)
      : 'web',
    status: readStatus(record, 'status'),
    createdAt: readString(record, 'createdAt'),
    lastActivityAt: readString(record, 'lastActivityAt'),
    replied: readBoolean(record, 'replied'),
  }
}

function parseAttachment(value: unknown): TicketAttachment {
  const record = asRecord(value, 'attachment')
  return {
    id: readString(record, 'id'),
    fileName: readString(record, 'fileName'),
    mediaType: readString(record, 'mediaType'),
    sizeBytes: readNumber(record, 'sizeBytes'),
  }
}

function parseMessage(value: unknown): TicketMessage {
  const record = asRecord(value, 'message')
  return {
    id: readString(record, 'id'),
    kind: readOneOf(record, 'kind', ['inbound', 'reply'] as const),
    authorName: readString(record, 'authorName'),
    body: readString(record, 'body'),
    createdAt: readString(record, 'createdAt'),
    attachments: readList(record.attachments, 'attachments', parseAttachment),
  }
}

function parseHistoryEntry(value: unknown): TicketHistoryEntry {
  const record = asRecord(value, 'event')
  return {
    kind: readString(record, 'kind'),
    fromStatus: readNullableStatus(record, 'fromStatus'),
    toStatus: readNullableStatus(record, 'toStatus'),
    occurredAt: readString(record, 'occurredAt'),
  }
}

export function parseMyTicket(value: unknown): MyTicket {
  const record = asRecord(value, 'ticket')
  return {
    ...parseSummary(record),
    messages: readList(record.messages, 'messages', parseMessage),
    history: readList(record.history, 'history', parseHistoryEntry),
    canReply: readBoolean(record, 'canReply'),
  }
}

function parseMyTicketsPage(value: unknown): MyTicketsPage {
  const record = asRecord(value, 'tickets')
  return {
    items: readList(record.items, 'items', parseSummary),
    nextCursor: readNullableString(record, 'nextCursor'),
  }
}

function parseWritten(value: unknown): WrittenTicket {
  const record = asRecord(value, 'ticket')
  return {
    code: readString(record, 'code'),
    status: readStatus(record, 'status'),
    createdAt: readString(record, 'createdAt'),
  }
}

const TICKETS_KEY = ['tickets'] as const
const MINE_KEY = [...TICKETS_KEY, 'mine'] as const
const PAGE_SIZE = 10

/** The citizen's requests, newest first, a page at a time; names come in the page's language. */
export function useMyTickets() {
  const { i18n } = useTranslation()
  return useInfiniteQuery({
    queryKey: [...MINE_KEY, 'list', i18n.language],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) => {
      const query = new URLSearchParams({ limit: String(PAGE_SIZE) })
      if (pageParam) query.set('cursor', pageParam)
      return apiRequest({ path: `/me/tickets?${query}`, signal, parse: parseMyTicketsPage })
    },
    getNextPageParam: (last) => last.nextCursor,
    staleTime: 15_000,
  })
}

export function useMyTicket(code: string | undefined) {
  const { i18n } = useTranslation()
  return useQuery({
    queryKey: [...MINE_KEY, 'one', code, i18n.language],
    enabled: Boolean(code),
    queryFn: ({ signal }) =>
      apiRequest({ path: `/me/tickets/${encodeURIComponent(code ?? '')}`, signal, parse: parseMyTicket }),
    staleTime: 10_000,
  })
}

export function useWriteTicket(toMayor: boolean) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (input: WriteInput) =>
      apiRequest({
        path: toMayor ? '/tickets/mayor-letters' : '/tickets',
        method: 'POST',
        body: input,
        parse: parseWritten,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: MINE_KEY }),
  })
}

export function useReplyToTicket(code: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (input: { body: string; attachments: AttachmentUpload[] }) =>
      apiRequest({
        path: `/me/tickets/${encodeURIComponent(code)}/messages`,
        method: 'POST',
        body: input,
        parse: (value): ReplyResult => {
          const record = asRecord(value, 'reply')
          return {
            messageId: readString(record, 'messageId'),
            reopened: readBoolean(record, 'reopened'),
            status: readStatus(record, 'status'),
          }
        },
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: MINE_KEY }),
  })
}

/** Sends a six-digit code to the address; the answer is the same whether or not it exists. */
export function requestEmailCode(email: string): Promise<{ expiresInSeconds: number }> {
  return apiRequest({
    path: '/tickets/email-challenges',
    method: 'POST',
    body: { email },
    parse: (value) => ({ expiresInSeconds: readNumber(asRecord(value, 'challenge'), 'expiresInSeconds') }),
  })
}

/** The code's proof that the address is the writer's: used once, with the request. */
export function verifyEmailCode(email: string, code: string): Promise<{ proof: string; expiresAt: string }> {
  return apiRequest({
    path: '/tickets/email-challenges/verify',
    method: 'POST',
    body: { email, code },
    parse: (value) => {
      const record = asRecord(value, 'proof')
      return { proof: readString(record, 'proof'), expiresAt: readString(record, 'expiresAt') }
    },
  })
}
