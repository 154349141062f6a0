import { z } from 'zod'
import { DELIVERY_CHANNELS, DELIVERY_STATUSES } from './tables.js'
import { TOPICS } from './templates.js'

const ZChannel = z.enum(DELIVERY_CHANNELS)
const ZTimeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time of day, HH:MM')

export const ZInboxMessage = z
  .object({
    id: z.uuid(),
    topic: z.enum(TOPICS),
    legal: z.boolean(),
    subject: z.string(),
    /** Rendered from markdown with raw HTML disabled: safe to show as is. */
    bodyHtml: z.string(),
    createdAt: z.iso.datetime({ offset: true }),
    readAt: z.iso.datetime({ offset: true }).nullable(),
    archivedAt: z.iso.datetime({ offset: true }).nullable(),
    dueDate: z.iso.date().nullable(),
    payment: z
      .object({ noticeNumber: z.string(), amountCents: z.number().int(), payeeFiscalCode: z.string() })
      .nullable(),
    action: z.object({ url: z.string(), label: z.string() }).nullable(),
    deliveries: z.array(z.object({ channel: ZChannel, status: z.enum(DELIVERY_STATUSES) })),
  })
  .meta({ id: 'InboxMessage' })
export type InboxMessage = z.infer<typeof ZInboxMessage>

export const ZInboxPage = z
  .object({
    items: z.array(ZInboxMessage),
    unread: z.number().int(),
    /** Pass as `before` for the next page; null on the last one. */
    nextBefore: z.iso.datetime({ offset: true }).nullable(),
  })
  .meta({ id: 'InboxPage' })

export const ZInboxQuery = z
  .object({
    box: z.enum(['inbox', 'archived']).default('inbox'),
    unread: z.stringbool().default(false),
    q: z.string().trim().min(2).max(100).optional(),
    before: z.iso.datetime({ offset: true }).optional(),
    limit: z.coerce.number().int().min(1).max(50).default(20),
  })
  .strict()

export const ZMessageParam = z.object({ id: z.uuid() })

export const ZMessageChange = z
  .object({ read: z.boolean().optional(), archived: z.boolean().optional() })
  .strict()
  .refine((value) => value.read !== undefined || value.archived !== undefined, {
    message: 'nothing to change',
  })

export const ZPreferences = z
  .object({
    topics: z.array(z.object({ topic: z.enum(TOPICS), legal: z.boolean(), channels: z.array(ZChannel) })),
    quietFrom: ZTimeOfDay.nullable(),
    quietUntil: ZTimeOfDay.nullable(),
    /** Channels that can reach this person now (verified contacts, subscribed browsers, IO). */
    reachable: z.object({ push: z.boolean(), email: z.boolean(), sms: z.boolean(), io: z.boolean() }),
  })
  .meta({ id: 'NotificationPreferences' })
export type Preferences = z.infer<typeof ZPreferences>

export const ZPreferencesInput = z
  .object({
    channelsByTopic: z.partialRecord(z.enum(TOPICS), z.array(ZChannel).max(DELIVERY_CHANNELS.length)),
    quietFrom: ZTimeOfDay.nullable(),
    quietUntil: ZTimeOfDay.nullable(),
  })
  .strict()
export type PreferencesInput = z.infer<typeof ZPreferencesInput>

export const ZPushSubscriptionInput = z
  .object({
    endpoint: z.url({ protocol: /^https?$/ }).max(1000),
    keys: z.object({ p256dh: z.string().min(20).max(200), auth: z.string().min(8).max(100) }).strict(),
  })
  .strict()

export const ZPushKey = z.object({ publicKey: z.string() }).meta({ id: 'PushKey' })

export const ZRule = z
  .object({
    id: z.string(),
    title: z.string(),
    enabled: z.boolean(),
    lastRunOn: z.iso.date().nullable(),
    lastRunSent: z.number().int().nullable(),
  })
  .meta({ id: 'NotificationRule' })

export const ZRuleParam = z.object({ id: z.string().min(1).max(100) })
export const ZRuleChange = z.object({ enabled: z.boolean() }).strict()

export const ZFailedDelivery = z.object({
  messageId: z.uuid(),
  channel: z.enum(DELIVERY_CHANNELS),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  failedAt: z.string(),
  template: z.string(),
  subject: z.string(),
  recipient: z.string(),
})

export const ZDeliveryParam = z.object({ messageId: z.uuid(), channel: z.enum(DELIVERY_CHANNELS) })
