import { z } from 'zod'
import { DEADLINE_SOURCES } from './policy.js'

export const ZDeadlineItem = z.object({
  id: z.string(),
  source: z.enum(DEADLINE_SOURCES),
  kind: z.string(),
  title: z.string().nullable(),
  reference: z.string().nullable(),
  section: z.string().nullable(),
  date: z.string(),
  daysLeft: z.number().int(),
  status: z.enum(['expired', 'due-soon', 'upcoming']),
  amountCents: z.number().int().nullable(),
  startsAt: z.string().nullable(),
  endsAt: z.string().nullable(),
  place: z.string().nullable(),
})

export const ZMyDeadlines = z.object({
  items: z.array(ZDeadlineItem),
  /** Sources left out for this sign-in: dues need SPID level 2. */
  hidden: z.array(z.enum(DEADLINE_SOURCES)),
})

export const ZFeedStatus = z.object({
  active: z.boolean(),
  createdAt: z.string().nullable(),
  lastReadAt: z.string().nullable(),
})

export const ZFeedCreated = z.object({ url: z.string(), webcalUrl: z.string(), createdAt: z.string() })

export const ZFeedToken = z.object({
  token: z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'a calendar token'),
})
