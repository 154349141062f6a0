import { z } from 'zod'

export const TIMELINE_KINDS = ['ticket', 'call', 'appointment', 'payment', 'certificate', 'message'] as const

export const ZTimelineQuery = z.object({
  before: z.iso.datetime({ offset: true }).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(30),
})

export const ZTimelineEntry = z.object({
  kind: z.enum(TIMELINE_KINDS),
  at: z.string(),
  /** What identifies the item in its own capability: a ticket or booking code, a notice number. */
  reference: z.string(),
  /** The item's own status word (a ticket's, a booking's, a payment's). */
  status: z.string(),
  summary: z.string(),
  channel: z.string().nullable(),
  amountCents: z.number().int().nullable(),
  /** For tickets: whether the reader's teams may open it. */
  openable: z.boolean(),
})

export const ZCitizenTimeline = z.object({
  fiscalCode: z.string(),
  person: z.object({ givenName: z.string(), familyName: z.string(), birthDate: z.string() }).nullable(),
  entries: z.array(ZTimelineEntry),
  /** Pass as `before` for the older entries; null when there are none. */
  nextBefore: z.string().nullable(),
})
export type TimelineEntry = z.infer<typeof ZTimelineEntry>
