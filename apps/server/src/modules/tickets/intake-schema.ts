import { z } from 'zod'
import { MAX_ATTACHMENTS } from './attachments.js'
import { TICKET_CHANNELS, TICKET_STATUSES } from './policy.js'

/** A file sent inside a JSON form: its name, its declared type and its bytes in base64. */
export const ZAttachmentIn = z
  .object({
    name: z.string().trim().min(1).max(255),
    type: z.string().trim().max(255).optional(),
    // Bounded by the route's body limit; the per-file limit is checked on the decoded bytes.
    data: z.base64(),
  })
  .strict()
export type AttachmentIn = z.infer<typeof ZAttachmentIn>

const ZAttachmentsIn = z.array(ZAttachmentIn).max(MAX_ATTACHMENTS).default([])

export const ZWriteToCityInput = z
  .object({
    categoryCode: z.string().trim().min(1).max(100),
    subject: z.string().trim().min(3).max(150),
    body: z.string().trim().min(10).max(5000),
    phone: z
      .string()
      .trim()
      .regex(/^\+?[\d\s().-]{6,20}$/)
      .optional(),
    attachments: ZAttachmentsIn,
    // Without SPID or CIE: the verified address, its proof, and how to call the writer.
    email: z.email().max(254).optional(),
    proof: z.string().min(20).max(200).optional(),
    name: z.string().trim().max(200).optional(),
  })
  .strict()
export type WriteToCityInput = z.infer<typeof ZWriteToCityInput>

export const ZWrittenTicket = z.object({
  code: z.string(),
  status: z.enum(TICKET_STATUSES),
  createdAt: z.string(),
})

export const ZEmailChallengeInput = z.object({ email: z.email().max(254) }).strict()
export const ZEmailChallengeSent = z.object({ expiresInSeconds: z.number().int() })
export const ZEmailVerifyInput = z
  .object({ email: z.email().max(254), code: z.string().regex(/^\d{6}$/) })
  .strict()
export const ZEmailProof = z.object({ proof: z.string(), expiresAt: z.string() })

export const ZTicketCode = z.object({
  code: z
    .string()
    .regex(/^[Rr]\d{4}-[A-Za-z0-9]{6}$/)
    .transform((code) => code.toUpperCase()),
})

export const ZTicketAttachmentParams = ZTicketCode.extend({ id: z.uuid() })

export const ZMyTicketsQuery = z
  .object({
    cursor: z.string().max(200).optional(),
    limit: z.coerce.number().int().min(1).max(50).default(20),
  })
  .strict()

const ZTriplet = z
  .object({ area: z.string().nullable(), topic: z.string().nullable(), detail: z.string() })
  .nullable()

export const ZMyTicketSummary = z.object({
  code: z.string(),
  subject: z.string(),
  category: ZTriplet,
  channel: z.enum(TICKET_CHANNELS),
  status: z.enum(TICKET_STATUSES),
  createdAt: z.string(),
  lastActivityAt: z.string(),
  /** The city spoke last: a reply the citizen has not answered. */
  replied: z.boolean(),
})

export const ZMyTickets = z.object({ items: z.array(ZMyTicketSummary), nextCursor: z.string().nullable() })

export const ZAttachmentOut = z.object({
  id: z.uuid(),
  fileName: z.string(),
  mediaType: z.string(),
  sizeBytes: z.number().int(),
})

export const ZMyTicket = ZMyTicketSummary.extend({
  messages: z.array(
    z.object({
      id: z.uuid(),
      kind: z.enum(['inbound', 'reply']),
      authorName: z.string(),
      body: z.string(),
      createdAt: z.string(),
      attachments: z.array(ZAttachmentOut),
    }),
  ),
  history: z.array(
    z.object({
      kind: z.string(),
      fromStatus: z.enum(TICKET_STATUSES).nullable(),
      toStatus: z.enum(TICKET_STATUSES).nullable(),
      occurredAt: z.string(),
    }),
  ),
  /** Whether the citizen may still write in it (a closed request takes no more messages). */
  canReply: z.boolean(),
})

export const ZMyReplyInput = z
  .object({ body: z.string().trim().min(1).max(5000), attachments: ZAttachmentsIn })
  .strict()

export const ZMyReplyResult = z.object({
  messageId: z.uuid(),
  reopened: z.boolean(),
  status: z.enum(TICKET_STATUSES),
})

export const ZContactSearchQuery = z.object({ q: z.string().trim().min(3).max(254) }).strict()

export const ZContactMatch = z.object({
  id: z.uuid(),
  fiscalCode: z.string().nullable(),
  displayName: z.string(),
  email: z.string().nullable(),
  emailVerified: z.boolean(),
  phone: z.string().nullable(),
  mergedIntoId: z.uuid().nullable(),
  ticketCount: z.number().int(),
})
export const ZContactMatches = z.object({ items: z.array(ZContactMatch) })

export const ZContactId = z.object({ id: z.uuid() })
export const ZMergeContactInput = z.object({ fiscalCode: z.string().trim().min(16).max(30) }).strict()
export const ZMergedContact = z.object({
  contactId: z.uuid(),
  citizenContactId: z.uuid(),
  movedTickets: z.number().int(),
  movedCalls: z.number().int(),
})
