import { createHash } from 'node:crypto'
import { sql } from 'drizzle-orm'
import type { Queryable } from '../../db/client.js'
import type { Clock } from '../../platform/clock.js'
import type { JobQueue } from '../../platform/jobs.js'
import { cityTitle, getCityProfile } from '../city/service.js'
import { findReachableContacts } from '../identity/reachability.js'
import { type Channel, chooseChannels, endOfQuietHours, INTRUSIVE_CHANNELS } from './policy.js'
import {
  findMessageByDedupeKey,
  findPreferences,
  insertDeliveries,
  insertMessage,
  listPushSubscriptions,
} from './repo.js'
import { findTemplate } from './templates.js'

export const DELIVER_JOB = 'notifications.deliver'
export const INBOX_CHANNEL = 'civico_inbox'

export interface NotifyDeps {
  jobs: JobQueue
  clock: Clock
  /** Whether App IO is configured (always, with the dev outbox, outside production). */
  ioEnabled: boolean
}

export interface NotifyInput {
  recipientFiscalCode: string
  template: string
  params: unknown
  /** Same key, same message: a rule run twice or an event replayed notifies once. */
  dedupeKey: string
  dueDate?: string
  payment?: { noticeNumber: string; amountCents: number; payeeFiscalCode: string }
  /** A link for the message's button; the template words its label in the recipient's language. */
  action?: { url: string; label?: string }
}

export interface NotifyResult {
  messageId: string
  created: boolean
  channels: Channel[]
}

/** A stable job id per (message, channel): enqueuing the same delivery twice keeps one job. */
export function deliveryJobId(messageId: string, channel: Channel): string {
  const hex = createHash('sha256').update(`${messageId}:${channel}`).digest('hex')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`
}

/**
 * Writes a message to a citizen's inbox and queues its deliveries, all in the caller's transaction:
 * the event that caused it and the message commit together. Capabilities call this with their own
 * templates; a message with a dedupe key already used is not written again.
 */
export async function notifyCitizen(
  tx: Queryable,
  deps: NotifyDeps,
  input: NotifyInput,
): Promise<NotifyResult> {
  const template = findTemplate(input.template)
  const params = template.params.parse(input.params)
  const existing = await findMessageByDedupeKey(tx, input.dedupeKey)
  if (existing) return { messageId: existing.id, created: false, channels: [] }
  const [contacts, city] = await Promise.all([
    findReachableContacts(tx, input.recipientFiscalCode),
    getCityProfile({ db: tx }),
  ])
  const locale = contacts?.locale ?? 'it'
  const rendered = template.render(locale, params, { name: cityTitle(city) })
  const message = await insertMessage(tx, {
    recipientFiscalCode: input.recipientFiscalCode,
    template: template.id,
    topic: template.topic,
    legal: template.legal,
    locale,
    subject: rendered.subject,
    bodyMarkdown: rendered.bodyMarkdown,
    dueDate: input.dueDate ?? null,
    payment: input.payment ?? null,
    action: input.action
      ? { url: input.action.url, label: rendered.actionLabel ?? input.action.label ?? input.action.url }
      : null,
    dedupeKey: input.dedupeKey,
    createdAt: deps.clock.now(),
  })
  if (!message) {
    const raced = await findMessageByDedupeKey(tx, input.dedupeKey)
    return { messageId: raced?.id ?? '', created: false, channels: [] }
  }
  const [preferences, subscriptions] = contacts
    ? await Promise.all([
        findPreferences(tx, contacts.accountId),
        listPushSubscriptions(tx, contacts.accountId),
      ])
    : [null, []]
  const channels = chooseChannels({
    topic: template.topic,
    legal: template.legal,
    chosen: preferences?.channelsByTopic ?? null,
    reachable: {
      push: subscriptions.length > 0,
      email: Boolean(contacts?.email),
      sms: Boolean(contacts?.mobile),
      io: deps.ioEnabled,
    },
  })
  const quietEnd = endOfQuietHours(deps.clock.now(), {
    from: preferences?.quietFrom ?? null,
    until: preferences?.quietUntil ?? null,
  })
  await insertDeliveries(
    tx,
    channels.map((channel) => ({ messageId: message.id, channel, status: 'queued' })),
  )
  for (const channel of channels) {
    await deps.jobs.enqueue(
      tx,
      DELIVER_JOB,
      { messageId: message.id, channel },
      {
        id: deliveryJobId(message.id, channel),
        ...(quietEnd && INTRUSIVE_CHANNELS.includes(channel) ? { startAfter: quietEnd } : {}),
      },
    )
  }
  // Delivered at commit: open inboxes of this person, on any server process, refresh. Only someone
  // with an account can have an inbox open; notifying commits queue behind each other in
  // PostgreSQL, so a batch of payments to people who never signed in does not pay for it.
  if (contacts) await tx.execute(sql`select pg_notify(${INBOX_CHANNEL}, ${input.recipientFiscalCode})`)
  return { messageId: message.id, created: true, channels }
}
