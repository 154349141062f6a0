import { z } from 'zod'
import { TICKET_CHANNELS, TICKET_PROCESSES, TICKET_STATUSES } from './policy.js'

export const TICKET_CODE_PATTERN = /^R\d{4}-[A-Z2-9]{6}$/
export const CATEGORY_CODE_PATTERN = /^[a-z0-9-]{2,60}$/
const TEAM_CODE_PATTERN = /^[a-z0-9-]{2,60}$/

export const ZTicketCodeParams = z.object({ code: z.string().regex(TICKET_CODE_PATTERN) })
export const ZCannedParams = ZTicketCodeParams.extend({ id: z.uuid() })

/** The version the console read: the change is refused with 409 if the ticket moved on since. */
const version = z.number().int().positive().optional()
const body = z.string().trim().min(1).max(20_000)
const teamCode = z.string().regex(TEAM_CODE_PATTERN)

/** A query parameter given once or repeated (`status=new&status=assigned`), or comma-separated. */
const listOf = <T extends z.ZodType>(item: T) =>
  z.preprocess(
    (value) => (typeof value === 'string' ? value.split(',').filter(Boolean) : value),
    z.array(item).max(10),
  )
const flag = z.enum(['true', 'false']).transform((value) => value === 'true')

export const ZQueueQuery = z.object({
  team: teamCode.optional(),
  status: listOf(z.enum(TICKET_STATUSES)).optional(),
  assignee: z.union([z.literal('me'), z.literal('none'), z.uuid()]).optional(),
  channel: z.enum(TICKET_CHANNELS).optional(),
  category: z.string().regex(CATEGORY_CODE_PATTERN).optional(),
  q: z.string().trim().min(1).max(100).optional(),
  breached: flag.optional(),
  atRisk: flag.optional(),
  sort: z.enum(['due', 'activity']).default('due'),
  cursor: z.string().max(300).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
})
export type QueueQuery = z.infer<typeof ZQueueQuery>

const ZNamed = z.object({ code: z.string(), nameIt: z.string(), nameEn: z.string() })

export const ZQueueItem = z.object({
  code: z.string(),
  subject: z.string(),
  status: z.enum(TICKET_STATUSES),
  channel: z.enum(TICKET_CHANNELS),
  teamCode: z.string(),
  assignee: z.object({ id: z.string(), name: z.string() }).nullable(),
  category: ZNamed.nullable(),
  contactName: z.string(),
  createdAt: z.string(),
  lastActivityAt: z.string(),
  firstResponseDueAt: z.string().nullable(),
  resolutionDueAt: z.string().nullable(),
  firstRespondedAt: z.string().nullable(),
  slaPaused: z.boolean(),
  atRisk: z.boolean(),
  breached: z.boolean(),
  version: z.number().int(),
})
export type QueueItem = z.infer<typeof ZQueueItem>

export const ZQueuePage = z.object({
  items: z.array(ZQueueItem),
  /** Pass back as `cursor` for the next page; null on the last one. */
  nextCursor: z.string().nullable(),
})

export const ZTicketMessage = z.object({
  id: z.string(),
  kind: z.enum(['inbound', 'reply', 'note']),
  channel: z.string(),
  authorName: z.string(),
  authorStaffId: z.string().nullable(),
  body: z.string(),
  createdAt: z.string(),
  attachments: z.array(
    z.object({ id: z.string(), fileName: z.string(), mediaType: z.string(), sizeBytes: z.number().int() }),
  ),
})

export const ZTicketEvent = z.object({
  kind: z.string(),
  fromStatus: z.string().nullable(),
  toStatus: z.string().nullable(),
  teamCode: z.string().nullable(),
  staff: z.object({ id: z.string(), name: z.string() }).nullable(),
  note: z.string(),
  public: z.boolean(),
  occurredAt: z.string(),
})

export const ZCannedReplyText = z.object({ id: z.string(), title: z.string(), body: z.string() })

export const ZStaffTicket = z.object({
  ticket: ZQueueItem.extend({
    id: z.string(),
    externalRef: z.string().nullable(),
    reopenCount: z.number().int(),
    resolvedAt: z.string().nullable(),
    closedAt: z.string().nullable(),
    escalatedAt: z.string().nullable(),
    mergedIntoCode: z.string().nullable(),
  }),
  contact: z.object({
    id: z.string(),
    displayName: z.string(),
    fiscalCode: z.string().nullable(),
    email: z.string().nullable(),
    emailVerified: z.boolean(),
    phone: z.string().nullable(),
  }),
  triplet: z
    .object({
      area: ZNamed.nullable(),
      topic: ZNamed.nullable(),
      detail: ZNamed,
      process: z.enum(TICKET_PROCESSES),
    })
    .nullable(),
  messages: z.array(ZTicketMessage),
  events: z.array(ZTicketEvent),
  allowedTransitions: z.array(z.enum(TICKET_STATUSES)),
  cannedReplies: z.array(ZCannedReplyText),
})

export const ZTicketState = z.object({
  id: z.string(),
  code: z.string(),
  status: z.enum(TICKET_STATUSES),
  teamCode: z.string(),
  assigneeStaffId: z.string().nullable(),
  version: z.number().int(),
  /** False when the action moved the ticket out of the actor's teams (a forward). */
  visible: z.boolean().optional(),
  messageId: z.string().optional(),
})

export const ZVersionOnly = z.object({ version }).strict()
export const ZAssignBody = z.object({ assigneeId: z.uuid().nullable(), version }).strict()
export const ZStatusBody = z
  .object({
    status: z.enum(['in-progress', 'waiting-citizen', 'waiting-office', 'resolved', 'closed']),
    /** Shown to the citizen with the change: a resolution note, for instance. */
    note: z.string().trim().max(4000).optional(),
    version,
  })
  .strict()
export const ZReplyBody = z
  .object({ body, nextStatus: z.enum(['waiting-citizen', 'resolved']).optional(), version })
  .strict()
export const ZNoteBody = z.object({ body, version }).strict()
export const ZForwardBody = z
  .object({ teamCode, note: z.string().trim().max(4000).default(''), version })
  .strict()
export const ZMergeBody = z.object({ intoCode: z.string().regex(TICKET_CODE_PATTERN), version }).strict()
export const ZCategoriseBody = z
  .object({ categoryCode: z.string().regex(CATEGORY_CODE_PATTERN), version })
  .strict()
