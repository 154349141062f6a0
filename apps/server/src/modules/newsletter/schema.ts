import { z } from 'zod'

const ZTopicId = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'lower-case words joined by hyphens, e.g. eventi-cultura')
  .max(40)
const ZLocalised = (max: number) =>
  z.object({ it: z.string().trim().min(1).max(max), en: z.string().trim().min(1).max(max) }).strict()
const ZOptionalEnglish = (max: number) =>
  z
    .object({ it: z.string().trim().min(1).max(max), en: z.string().trim().min(1).max(max).optional() })
    .strict()
const ZToken = z.string().regex(/^[A-Za-z0-9_-]{20,64}$/, 'not a link token')

export const ZPublicTopic = z.object({ id: z.string(), title: z.string(), description: z.string() })

export const ZSubscribeInput = z
  .object({
    email: z.email().max(254),
    topics: z.array(ZTopicId).min(1).max(30),
    locale: z.enum(['it', 'en']).optional(),
    /** The privacy notice was shown and accepted: the form cannot be sent without it. */
    privacyAccepted: z.literal(true),
  })
  .strict()

export const ZSubscribeResult = z.object({ status: z.literal('confirmation-sent') })

export const ZTokenInput = z.object({ token: ZToken }).strict()

export const ZUnsubscribeInput = z.object({ token: ZToken, campaignId: z.uuid().optional() }).strict()

export const ZOneClickQuery = z.object({ token: ZToken, c: z.uuid().optional() })

export const ZSubscription = z.object({
  email: z.string(),
  status: z.enum(['pending', 'active', 'unsubscribed']),
  topics: z.array(z.string()),
})

export const ZStaffTopic = z.object({
  id: z.string(),
  title: z.object({ it: z.string(), en: z.string() }),
  description: z.object({ it: z.string(), en: z.string() }),
  active: z.boolean(),
  position: z.number().int(),
  subscribers: z.number().int(),
})

export const ZTopicInput = z
  .object({
    id: ZTopicId,
    title: ZLocalised(80),
    description: ZLocalised(300),
    position: z.number().int().min(0).max(1000).optional(),
  })
  .strict()

export const ZTopicChange = z
  .object({
    title: ZLocalised(80).optional(),
    description: ZLocalised(300).optional(),
    active: z.boolean().optional(),
    position: z.number().int().min(0).max(1000).optional(),
  })
  .strict()

export const ZTopicParam = z.object({ id: ZTopicId })

export const ZCampaignInput = z
  .object({
    subject: ZOptionalEnglish(150),
    body: ZOptionalEnglish(20_000),
    topics: z.array(ZTopicId).min(1).max(30),
  })
  .strict()

export const ZCampaignChange = ZCampaignInput.partial().strict()

export const ZCampaignParam = z.object({ id: z.uuid() })

export const ZCampaign = z.object({
  id: z.uuid(),
  subject: z.object({ it: z.string(), en: z.string().optional() }),
  body: z.object({ it: z.string(), en: z.string().optional() }),
  previewHtml: z.string(),
  topics: z.array(z.string()),
  status: z.enum(['draft', 'sending', 'sent']),
  recipients: z.number().int().nullable(),
  counts: z.object({
    queued: z.number().int(),
    sent: z.number().int(),
    failed: z.number().int(),
    skipped: z.number().int(),
    unsubscribed: z.number().int(),
  }),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
})
