import type { Queryable } from '../../db/client.js'
import type { Actor, ServiceContext } from '../../platform/context.js'
import { AppError } from '../../platform/errors.js'
import { translate } from '../../platform/i18n.js'
import { findReachableContacts } from '../identity/reachability.js'
import './messages.js'
import { renderMarkdown } from '../../platform/markdown.js'
import { type Channel, DEFAULT_CHANNELS, LEGAL_TOPICS } from './policy.js'
import {
  countUnread,
  deletePushSubscription,
  findOwnMessage,
  findPreferences,
  listDeliveriesOf,
  listInboxMessages,
  listPushSubscriptions,
  type MessageRow,
  updateOwnMessage,
  upsertPreferences,
  upsertPushSubscription,
} from './repo.js'
import type { InboxMessage, Preferences, PreferencesInput } from './schema.js'
import { TOPICS, type Topic } from './templates.js'

type CitizenActor = Extract<Actor, { type: 'citizen' }>

function citizenOf(actor: Actor): CitizenActor {
  if (actor.type !== 'citizen') throw new AppError('FORBIDDEN', { internalDetail: `${actor.type} inbox` })
  return actor
}

async function present(db: Queryable, rows: MessageRow[]): Promise<InboxMessage[]> {
  const deliveries = await listDeliveriesOf(
    db,
    rows.map((row) => row.id),
  )
  return rows.map((row) => ({
    id: row.id,
    topic: row.topic as Topic,
    legal: row.legal,
    subject: row.subject,
    bodyHtml: renderMarkdown(row.bodyMarkdown),
    createdAt: row.createdAt.toISOString(),
    readAt: row.readAt?.toISOString() ?? null,
    archivedAt: row.archivedAt?.toISOString() ?? null,
    dueDate: row.dueDate,
    payment: row.payment,
    action: row.action,
    deliveries: deliveries
      .filter((delivery) => delivery.messageId === row.id)
      .map((delivery) => ({
        channel: delivery.channel as Channel,
        status: delivery.status as InboxMessage['deliveries'][number]['status'],
      })),
  }))
}

export async function listInbox(
  ctx: Pick<ServiceContext, 'db' | 'actor'>,
  query: { box: 'inbox' | 'archived'; unread: boolean; q?: string; before?: string; limit: number },
): Promise<{ items: InboxMessage[]; unread: number; nextBefore: string | null }> {
  const { fiscalCode } = citizenOf(ctx.actor)
  const [rows, unread] = await Promise.all([
    listInboxMessages(ctx.db, {
      fiscalCode,
      box: query.box,
      unreadOnly: query.unread,
      text: query.q,
      before: query.before ? new Date(query.before) : undefined,
      limit: query.limit + 1,
    }),
    countUnread(ctx.db, fiscalCode),
  ])
  const page = rows.slice(0, query.limit)
  return {
    items: await present(ctx.db, page),
    unread,
    nextBefore: rows.length > query.limit ? (page.at(-1)?.createdAt.toISOString() ?? null) : null,
  }
}

export async function getUnreadCount(ctx: Pick<ServiceContext, 'db' | 'actor'>): Promise<number> {
  return countUnread(ctx.db, citizenOf(ctx.actor).fiscalCode)
}

export async function getInboxMessage(
  ctx: Pick<ServiceContext, 'db' | 'actor'>,
  id: string,
): Promise<InboxMessage> {
  const row = await findOwnMessage(ctx.db, { id, fiscalCode: citizenOf(ctx.actor).fiscalCode })
  if (!row) throw new AppError('NOT_FOUND', { messageKey: 'notifications.message-missing' })
  const [message] = await present(ctx.db, [row])
  return message as InboxMessage
}

/** Read/unread and archive/restore; someone else's message is "not found", never "forbidden". */
export async function changeInboxMessage(
  ctx: Pick<ServiceContext, 'db' | 'actor' | 'clock'>,
  id: string,
  change: { read?: boolean; archived?: boolean },
): Promise<InboxMessage> {
  const now = ctx.clock.now()
  const row = await updateOwnMessage(
    ctx.db,
    { id, fiscalCode: citizenOf(ctx.actor).fiscalCode },
    {
      ...(change.read === undefined ? {} : { readAt: change.read ? now : null }),
      ...(change.archived === undefined ? {} : { archivedAt: change.archived ? now : null }),
    },
  )
  if (!row) throw new AppError('NOT_FOUND', { messageKey: 'notifications.message-missing' })
  const [message] = await present(ctx.db, [row])
  return message as InboxMessage
}

async function ownAccount(ctx: Pick<ServiceContext, 'db' | 'actor'>) {
  const contacts = await findReachableContacts(ctx.db, citizenOf(ctx.actor).fiscalCode)
  if (!contacts) throw new AppError('NOT_FOUND', { internalDetail: 'no account' })
  return contacts
}

export async function getPreferences(
  ctx: Pick<ServiceContext, 'db' | 'actor'>,
  options: { ioEnabled: boolean },
): Promise<Preferences> {
  const contacts = await ownAccount(ctx)
  const [saved, subscriptions] = await Promise.all([
    findPreferences(ctx.db, contacts.accountId),
    listPushSubscriptions(ctx.db, contacts.accountId),
  ])
  return {
    topics: TOPICS.map((topic) => ({
      topic,
      legal: LEGAL_TOPICS.includes(topic),
      channels: (saved?.channelsByTopic[topic] ?? DEFAULT_CHANNELS[topic]) as Channel[],
    })),
    quietFrom: saved?.quietFrom ?? null,
    quietUntil: saved?.quietUntil ?? null,
    reachable: {
      push: subscriptions.length > 0,
      email: contacts.email !== null,
      sms: contacts.mobile !== null,
      io: options.ioEnabled,
    },
  }
}

export async function updatePreferences(
  ctx: Pick<ServiceContext, 'db' | 'actor' | 'clock' | 'meta'>,
  input: PreferencesInput,
  options: { ioEnabled: boolean },
): Promise<Preferences> {
  const contacts = await ownAccount(ctx)
  const problems: { path: string; message: string }[] = []
  if ((input.quietFrom === null) !== (input.quietUntil === null)) {
    problems.push({
      path: 'body.quietUntil',
      message: translate(ctx.meta.locale, 'notifications.quiet-hours-pair'),
    })
  }
  for (const topic of LEGAL_TOPICS) {
    const channels = input.channelsByTopic[topic as Topic]
    if (channels && channels.length === 0) {
      problems.push({
        path: `body.channelsByTopic.${topic}`,
        message: translate(ctx.meta.locale, 'notifications.legal-needs-channel'),
      })
    }
  }
  if (problems.length > 0) throw new AppError('VALIDATION_FAILED', { fieldErrors: problems })
  const saved = await findPreferences(ctx.db, contacts.accountId)
  const channelsByTopic: Record<string, string[]> = { ...(saved?.channelsByTopic ?? {}) }
  for (const [topic, channels] of Object.entries(input.channelsByTopic)) {
    if (channels) channelsByTopic[topic] = [...new Set(channels)]
  }
  await upsertPreferences(
    ctx.db,
    {
      accountId: contacts.accountId,
      channelsByTopic,
      quietFrom: input.quietFrom,
      quietUntil: input.quietUntil,
    },
    ctx.clock.now(),
  )
  return getPreferences(ctx, options)
}

export async function subscribeToPush(
  ctx: Pick<ServiceContext, 'db' | 'actor'>,
  input: { endpoint: string; keys: { p256dh: string; auth: string }; userAgent: string | null },
): Promise<{ id: string }> {
  const contacts = await ownAccount(ctx)
  const saved = await upsertPushSubscription(ctx.db, {
    accountId: contacts.accountId,
    endpoint: input.endpoint,
    p256dh: input.keys.p256dh,
    auth: input.keys.auth,
    userAgent: input.userAgent?.slice(0, 300) ?? null,
  })
  return { id: saved.id }
}

export async function unsubscribeFromPush(
  ctx: Pick<ServiceContext, 'db' | 'actor'>,
  endpoint: string,
): Promise<void> {
  const contacts = await ownAccount(ctx)
  const subscriptions = await listPushSubscriptions(ctx.db, contacts.accountId)
  const match = subscriptions.find((subscription) => subscription.endpoint === endpoint)
  if (match) await deletePushSubscription(ctx.db, { id: match.id, accountId: contacts.accountId })
}
