import { createHash, randomBytes } from 'node:crypto'
import { inTransaction } from '../../db/transaction.js'
import { recordAudit } from '../../platform/audit.js'
import type { ServiceContext } from '../../platform/context.js'
import { AppError } from '../../platform/errors.js'
import { type Locale, translate } from '../../platform/i18n.js'
import { renderMarkdown } from '../../platform/markdown.js'
import type { MessageSenders } from '../../platform/outbox/message-sender.js'
import { cityTitle, getCityProfile } from '../city/service.js'
import { emailHtml } from '../notifications/render.js'
import './messages.js'
import { CONFIRMATION_TTL_MS, maskEmail, mayResendConfirmation, normaliseEmail } from './policy.js'
import {
  findSubscriberByUnsubscribeToken,
  insertSubscriber,
  listTopics,
  lockSubscriberByConfirmHash,
  lockSubscriberByEmail,
  markUnsubscribed,
  type SubscriberRow,
  type TopicRow,
  updateSubscriber,
} from './repo.js'

export interface NewsletterDeps {
  publicUrl: string
  senders: MessageSenders
  /** The relay's limit for campaigns, in messages a second. */
  maxPerSecond: number
}

export type PublicContext = Pick<ServiceContext, 'db' | 'clock' | 'meta' | 'logger' | 'actor'>

function newToken(): string {
  return randomBytes(24).toString('base64url')
}

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

export function topicView(topic: TopicRow, locale: Locale) {
  return { id: topic.id, title: topic.title[locale], description: topic.description[locale] }
}

export async function listPublicTopics(ctx: Pick<ServiceContext, 'db' | 'meta'>) {
  const topics = await listTopics(ctx.db, { activeOnly: true })
  return topics.map((topic) => topicView(topic, ctx.meta.locale))
}

/** The chosen topics, each once and in code order; one that is unknown or retired is refused by name. */
export async function requireActiveTopics(
  ctx: Pick<ServiceContext, 'db'>,
  ids: string[],
): Promise<TopicRow[]> {
  const active = new Map((await listTopics(ctx.db, { activeOnly: true })).map((topic) => [topic.id, topic]))
  const unknown = ids.filter((id) => !active.has(id))
  if (unknown.length > 0) {
    throw new AppError('VALIDATION_FAILED', {
      messageKey: 'newsletter.topic-unknown',
      params: { topics: unknown.join(', ') },
      fieldErrors: [{ path: 'body.topics', message: unknown.join(', ') }],
    })
  }
  return [...new Set(ids)].sort().map((id) => active.get(id) as TopicRow)
}

function confirmationEmail(input: {
  to: string
  token: string
  locale: Locale
  cityName: string
  publicUrl: string
  topics: string[]
}) {
  const url = `${input.publicUrl.replace(/\/$/, '')}/informami/conferma?token=${encodeURIComponent(input.token)}`
  const params = { city: input.cityName, url, topics: input.topics.join(', ') }
  const subject = translate(input.locale, 'newsletter.confirm-subject', params)
  const body = translate(input.locale, 'newsletter.confirm-body', params)
  const footer = translate(input.locale, 'newsletter.confirm-footer', params)
  return {
    to: input.to,
    subject,
    text: `${body}\n\n${url}\n\n-- \n${footer}`,
    html: emailHtml({
      cityName: input.cityName,
      subject,
      bodyHtml: renderMarkdown(
        `${body}\n\n[${translate(input.locale, 'newsletter.confirm-button')}](${url})`,
      ),
      footer,
      lang: input.locale,
    }),
  }
}

/**
 * Asks for a subscription: nothing counts until the owner of the address confirms from the e-mail.
 * The answer is the same whether the address is new, pending or already on the list, so the form
 * cannot be used to learn who subscribes.
 */
export async function requestSubscription(
  ctx: PublicContext,
  deps: NewsletterDeps,
  input: { email: string; topics: string[]; locale?: Locale },
): Promise<{ status: 'confirmation-sent' }> {
  const email = normaliseEmail(input.email)
  const chosen = await requireActiveTopics(ctx, input.topics)
  const topics = chosen.map((topic) => topic.id)
  const locale = input.locale ?? ctx.meta.locale
  const now = ctx.clock.now()
  const token = newToken()
  const prepared = await inTransaction(ctx.db, async (tx) => {
    const changes = {
      pendingTopics: topics,
      confirmTokenHash: hashToken(token),
      confirmExpiresAt: new Date(now.getTime() + CONFIRMATION_TTL_MS),
      confirmSentAt: now,
      locale,
    }
    const existing =
      (await lockSubscriberByEmail(tx, email)) ??
      (await insertSubscriber(tx, { email, unsubscribeToken: newToken(), ...changes })) ??
      (await lockSubscriberByEmail(tx, email))
    if (!existing) throw new Error('subscriber neither found nor inserted')
    if (existing.confirmTokenHash === changes.confirmTokenHash) return { send: true, id: existing.id }
    if (!mayResendConfirmation(existing.confirmSentAt, now)) return { send: false, id: existing.id }
    await updateSubscriber(tx, existing.id, changes)
    return { send: true, id: existing.id }
  })
  if (!prepared.send) return { status: 'confirmation-sent' }
  const city = await getCityProfile(ctx)
  try {
    await deps.senders.email.send(
      confirmationEmail({
        to: email,
        token,
        locale,
        cityName: cityTitle(city),
        publicUrl: deps.publicUrl,
        topics: chosen.map((topic) => topic.title[locale]),
      }),
    )
  } catch (error) {
    // A link nobody received must not stay usable; the address may ask again at once.
    await updateSubscriber(ctx.db, prepared.id, { confirmTokenHash: null, confirmSentAt: null })
    ctx.logger.warn({ err: error }, 'newsletter confirmation not sent')
    throw new AppError('SERVICE_UNAVAILABLE', {
      messageKey: 'newsletter.not-sent',
      headers: { 'retry-after': '60' },
      internalDetail: (error as Error).message,
    })
  }
  return { status: 'confirmation-sent' }
}

function subscriptionView(subscriber: SubscriberRow) {
  return {
    email: maskEmail(subscriber.email),
    status: subscriber.status as 'pending' | 'active' | 'unsubscribed',
    topics: subscriber.topics,
  }
}

/** The confirmation link: the address joins the list with the topics it asked for. */
export async function confirmSubscription(ctx: PublicContext, token: string) {
  return inTransaction(ctx.db, async (tx) => {
    const now = ctx.clock.now()
    const subscriber = await lockSubscriberByConfirmHash(tx, hashToken(token))
    if (!subscriber?.confirmExpiresAt || subscriber.confirmExpiresAt.getTime() < now.getTime()) {
      throw new AppError('NOT_FOUND', { messageKey: 'newsletter.link-invalid' })
    }
    const confirmed = await updateSubscriber(tx, subscriber.id, {
      status: 'active',
      topics: subscriber.pendingTopics ?? subscriber.topics,
      pendingTopics: null,
      confirmTokenHash: null,
      confirmExpiresAt: null,
      confirmedAt: now,
      unsubscribedAt: null,
      unsubscribedCampaignId: null,
    })
    await recordAudit(tx, ctx.actor, ctx.meta, now, {
      action: 'newsletter.subscription-confirmed',
      subjectType: 'newsletter-subscriber',
      subjectId: subscriber.id,
      // The consent record: which topics, when, from where (the IP is in the audit row).
      details: { topics: confirmed.topics },
    })
    return subscriptionView(confirmed)
  })
}

/** What the unsubscribe page shows before the click: whose subscription, masked. */
export async function describeSubscription(ctx: Pick<ServiceContext, 'db'>, token: string) {
  const subscriber = await findSubscriberByUnsubscribeToken(ctx.db, token)
  if (!subscriber) throw new AppError('NOT_FOUND', { messageKey: 'newsletter.link-invalid' })
  return subscriptionView(subscriber)
}

/** Leaves the list from a link: once, idempotently, crediting the campaign whose e-mail it was. */
export async function unsubscribe(ctx: PublicContext, token: string, campaignId: string | null) {
  return inTransaction(ctx.db, async (tx) => {
    const now = ctx.clock.now()
    const left = await markUnsubscribed(tx, token, now, campaignId)
    if (left) {
      await recordAudit(tx, ctx.actor, ctx.meta, now, {
        action: 'newsletter.unsubscribed',
        subjectType: 'newsletter-subscriber',
        subjectId: left.id,
        details: { campaignId },
      })
      return subscriptionView(left)
    }
    const subscriber = await findSubscriberByUnsubscribeToken(tx, token)
    if (!subscriber) throw new AppError('NOT_FOUND', { messageKey: 'newsletter.link-invalid' })
    return subscriptionView(subscriber)
  })
}
