import type { Database } from '../../db/client.js'
import type { Clock } from '../../platform/clock.js'
import { type Locale, translate } from '../../platform/i18n.js'
import type { IoSender } from '../../platform/outbox/io-sender.js'
import type { MessageSenders } from '../../platform/outbox/message-sender.js'
import { cityTitle, getCityProfile } from '../city/service.js'
import { findReachableContacts } from '../identity/reachability.js'
import './messages.js'
import { renderMarkdown } from '../../platform/markdown.js'
import type { Channel } from './policy.js'
import type { PushSender } from './push-sender.js'
import { emailHtml } from './render.js'
import {
  deletePushSubscription,
  findDelivery,
  listPushSubscriptions,
  type MessageRow,
  markPushSuccess,
  updateDelivery,
} from './repo.js'
import { oneSms } from './templates.js'

export interface DeliveryDeps {
  db: Database
  clock: Clock
  senders: MessageSenders
  io: IoSender
  push: () => Promise<PushSender>
  publicUrl: string
  /** Asks for IO's verdict on a submitted message a little later. */
  checkIoStatusLater: (messageId: string) => Promise<void>
}

/** Why a delivery was not attempted; the message stays in the inbox. */
class Skip extends Error {}

/** How long a push may wait on the push service for an offline phone: a day, then it is stale. */
const PUSH_TTL_SECONDS = 24 * 3600

function messageUrl(deps: DeliveryDeps, message: MessageRow): string {
  return `${deps.publicUrl.replace(/\/$/, '')}/area-personale/notifiche/${message.id}`
}

function footer(locale: Locale, cityName: string, url: string): string {
  return translate(locale, 'notifications.footer', { city: cityName, url })
}

async function sendEmail(deps: DeliveryDeps, message: MessageRow, cityName: string): Promise<string | null> {
  const contacts = await findReachableContacts(deps.db, message.recipientFiscalCode)
  if (!contacts?.email) throw new Skip('no verified e-mail address')
  const locale = message.locale as Locale
  const url = messageUrl(deps, message)
  const text = `${message.bodyMarkdown}\n\n${url}\n\n-- \n${footer(locale, cityName, url)}`
  await deps.senders.email.send({
    to: contacts.email,
    subject: message.subject,
    text,
    html: emailHtml({
      cityName,
      subject: message.subject,
      bodyHtml: renderMarkdown(message.bodyMarkdown),
      footer: footer(locale, cityName, url),
      lang: locale,
    }),
    // The same id on a resend lets mail systems drop the second copy.
    messageId: `<${message.id}@notifications.civico>`,
  })
  return null
}

async function sendSms(deps: DeliveryDeps, message: MessageRow): Promise<string | null> {
  const contacts = await findReachableContacts(deps.db, message.recipientFiscalCode)
  if (!contacts?.mobile) throw new Skip('no verified mobile number')
  await deps.senders.sms.send({
    to: contacts.mobile,
    text: oneSms(`${message.subject}: ${messageUrl(deps, message)}`),
    idempotencyKey: `${message.id}:sms`,
  })
  return null
}

async function sendIo(deps: DeliveryDeps, message: MessageRow, cityName: string): Promise<string> {
  const profile = await deps.io.profile(message.recipientFiscalCode)
  if (!profile) throw new Skip('not on App IO')
  if (!profile.allowed) throw new Skip('the citizen blocked this service on App IO')
  const locale = message.locale as Locale
  return deps.io.submit({
    fiscalCode: message.recipientFiscalCode,
    subject: message.subject,
    markdown: `${message.bodyMarkdown}\n\n${footer(locale, cityName, messageUrl(deps, message))}`,
    dueDate: message.dueDate ?? undefined,
    payment: message.payment ? { ...message.payment, invalidAfterDueDate: false } : undefined,
  })
}

async function sendPush(deps: DeliveryDeps, message: MessageRow): Promise<string | null> {
  const contacts = await findReachableContacts(deps.db, message.recipientFiscalCode)
  const subscriptions = contacts ? await listPushSubscriptions(deps.db, contacts.accountId) : []
  if (subscriptions.length === 0) throw new Skip('no push subscription')
  const sender = await deps.push()
  const payload = {
    title: message.subject,
    body: message.bodyMarkdown.replace(/[*_#>`[\]()]/g, '').slice(0, 180),
    url: `/area-personale/notifiche/${message.id}`,
    messageId: message.id,
  }
  let sent = 0
  let retryable: string | null = null
  for (const subscription of subscriptions) {
    const result = await sender.send(subscription, payload, {
      ttlSeconds: PUSH_TTL_SECONDS,
      urgency: message.legal ? 'high' : 'normal',
    })
    if (result.outcome === 'sent') {
      sent++
      await markPushSuccess(deps.db, subscription.id, deps.clock.now())
    } else if (result.outcome === 'gone') {
      await deletePushSubscription(deps.db, { id: subscription.id })
    } else if (result.retry) {
      retryable = result.error
    }
  }
  if (sent > 0) return null
  if (retryable) throw new Error(retryable)
  throw new Skip('every push subscription was refused or gone')
}

/**
 * Delivers one message on one channel. Idempotent: a delivery already sent, delivered or skipped is
 * left alone, so a job run twice after a crash does not send twice. Failures are recorded and
 * rethrown for the queue to retry; the last attempt marks the delivery failed.
 */
export async function deliverNotification(
  deps: DeliveryDeps,
  payload: { messageId: string; channel: Channel },
  job: { lastAttempt: boolean },
): Promise<void> {
  const found = await findDelivery(deps.db, payload.messageId, payload.channel)
  if (!found) return
  const { message, delivery } = found
  if (delivery.status !== 'queued') return
  const key = { messageId: message.id, channel: payload.channel }
  const city = await getCityProfile({ db: deps.db })
  const cityName = cityTitle(city)
  try {
    const providerId =
      payload.channel === 'email'
        ? await sendEmail(deps, message, cityName)
        : payload.channel === 'sms'
          ? await sendSms(deps, message)
          : payload.channel === 'io'
            ? await sendIo(deps, message, cityName)
            : await sendPush(deps, message)
    await updateDelivery(
      deps.db,
      key,
      { status: 'sent', attempts: delivery.attempts + 1, providerId, lastError: null },
      deps.clock.now(),
    )
    if (payload.channel === 'io') await deps.checkIoStatusLater(message.id)
  } catch (error) {
    if (error instanceof Skip) {
      await updateDelivery(deps.db, key, { status: 'skipped', lastError: error.message }, deps.clock.now())
      return
    }
    await updateDelivery(
      deps.db,
      key,
      {
        status: job.lastAttempt ? 'failed' : 'queued',
        attempts: delivery.attempts + 1,
        lastError: (error as Error).message.slice(0, 500),
      },
      deps.clock.now(),
    )
    throw error
  }
}

/** IO has not decided yet: the status job asks again later. */
export class IoStatusPendingError extends Error {}

/** Reads IO's verdict on a submitted message: processed is delivered, rejected or failed is failed. */
export async function checkIoStatus(
  deps: Pick<DeliveryDeps, 'db' | 'clock' | 'io'>,
  payload: { messageId: string },
  job: { lastAttempt: boolean },
): Promise<void> {
  const found = await findDelivery(deps.db, payload.messageId, 'io')
  if (found?.delivery.status !== 'sent' || !found.delivery.providerId) return
  const status = await deps.io.status(found.message.recipientFiscalCode, found.delivery.providerId)
  const key = { messageId: payload.messageId, channel: 'io' }
  if (status === 'PROCESSED') {
    await updateDelivery(deps.db, key, { status: 'delivered' }, deps.clock.now())
  } else if (status === 'REJECTED' || status === 'FAILED') {
    await updateDelivery(
      deps.db,
      key,
      { status: 'failed', lastError: `IO status ${status}` },
      deps.clock.now(),
    )
  } else if (!job.lastAttempt) {
    throw new IoStatusPendingError(`IO status ${status}`)
  }
}
