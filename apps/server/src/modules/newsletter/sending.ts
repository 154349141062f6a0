import type { Database } from '../../db/client.js'
import type { Clock } from '../../platform/clock.js'
import { type Locale, translate } from '../../platform/i18n.js'
import { renderMarkdown } from '../../platform/markdown.js'
import type { EmailMessage, MessageSender } from '../../platform/outbox/message-sender.js'
import { cityTitle, getCityProfile } from '../city/service.js'
import { emailHtml } from '../notifications/render.js'
import './messages.js'
import { campaignWordsFor, isPermanentRefusal } from './policy.js'
import {
  type BatchRecipient,
  type CampaignRow,
  findCampaign,
  finishCampaignIfDone,
  listQueuedInBatch,
  markSends,
} from './repo.js'

export const SEND_BATCH_JOB = 'newsletter.send-batch'

export interface SendingDeps {
  db: Database
  clock: Clock
  email: MessageSender<EmailMessage>
  publicUrl: string
}

/** Messages handed to the relay at the same time by one worker. */
export const PARALLEL_SENDS = 8
/** Batches one worker process sends side by side. */
export const BATCHES_PER_WORKER = 3
/** Outcomes are written in groups: a crash repeats at most this many messages per worker. */
export const RECORD_EVERY = 16

function links(publicUrl: string, campaignId: string, token: string) {
  const base = publicUrl.replace(/\/$/, '')
  const query = `token=${encodeURIComponent(token)}&c=${campaignId}`
  return {
    page: `${base}/informami/disiscrizione?${query}`,
    oneClick: `${base}/api/v1/newsletter/one-click-unsubscribe?${query}`,
  }
}

/** One recipient's e-mail, with the RFC 8058 one-click unsubscribe headers mail clients offer. */
export function campaignEmail(
  campaign: Pick<CampaignRow, 'id' | 'subject' | 'body'>,
  recipient: Pick<BatchRecipient, 'subscriberId' | 'email' | 'locale' | 'unsubscribeToken'>,
  context: { cityName: string; publicUrl: string; host: string },
): EmailMessage {
  const words = campaignWordsFor(campaign, recipient.locale)
  const locale: Locale = words.locale
  const unsubscribe = links(context.publicUrl, campaign.id, recipient.unsubscribeToken)
  const footer = translate(locale, 'newsletter.footer', { city: context.cityName, url: unsubscribe.page })
  return {
    to: recipient.email,
    subject: words.subject,
    text: `${words.body}\n\n-- \n${footer}`,
    html: emailHtml({
      cityName: context.cityName,
      subject: words.subject,
      bodyHtml: renderMarkdown(words.body),
      footer,
      lang: locale,
    }),
    // Stable per (campaign, recipient): a copy resent after a crash is recognisably the same message.
    messageId: `<${campaign.id}.${recipient.subscriberId}@${context.host}>`,
    headers: {
      'List-Unsubscribe': `<${unsubscribe.oneClick}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      'List-Id': `Informami <informami.${context.host}>`,
      Precedence: 'bulk',
      'Auto-Submitted': 'auto-generated',
    },
  }
}

type Outcome = { id: string; status: 'sent' | 'failed' | 'skipped' | 'retry'; error?: string }

/**
 * Sends one batch of a campaign. Only recipients still queued are sent, so a batch run again after
 * a crash sends what was left; outcomes are written every few messages. Temporary failures are
 * retried by the queue; on the last attempt they become failed.
 */
export async function sendCampaignBatch(
  deps: SendingDeps,
  payload: { campaignId: string; batch: number },
  job: { lastAttempt: boolean },
): Promise<void> {
  const campaign = await findCampaign(deps.db, payload.campaignId)
  if (campaign?.status !== 'sending') return
  const recipients = await listQueuedInBatch(deps.db, campaign.id, payload.batch)
  const city = await getCityProfile({ db: deps.db })
  const context = {
    cityName: cityTitle(city),
    publicUrl: deps.publicUrl,
    host: new URL(deps.publicUrl).hostname,
  }
  const batchKey = { campaignId: campaign.id, batch: payload.batch }
  const pending: Outcome[] = []
  let retries = 0
  const record = async (force: boolean) => {
    if (pending.length === 0 || (!force && pending.length < RECORD_EVERY)) return
    const outcomes = pending.splice(0, pending.length)
    const at = deps.clock.now()
    for (const status of ['sent', 'skipped'] as const) {
      const ids = outcomes.filter((o) => o.status === status).map((o) => o.id)
      await markSends(deps.db, batchKey, ids, { status }, at)
    }
    // Failures are few and each keeps its reason; a retry is counted and left queued for the next run.
    for (const outcome of outcomes.filter((o) => o.status === 'failed' || o.status === 'retry')) {
      const status = outcome.status === 'failed' ? 'failed' : 'queued'
      await markSends(deps.db, batchKey, [outcome.id], { status, error: outcome.error }, at)
    }
  }
  let next = 0
  const lane = async () => {
    while (next < recipients.length) {
      const recipient = recipients[next++] as BatchRecipient
      if (recipient.subscriberStatus !== 'active') {
        pending.push({ id: recipient.subscriberId, status: 'skipped' })
      } else {
        try {
          await deps.email.send(campaignEmail(campaign, recipient, context))
          pending.push({ id: recipient.subscriberId, status: 'sent' })
        } catch (error) {
          const message = (error as Error).message.slice(0, 500)
          const final = job.lastAttempt || isPermanentRefusal(error)
          if (!final) retries++
          pending.push({ id: recipient.subscriberId, status: final ? 'failed' : 'retry', error: message })
        }
      }
      await record(false)
    }
  }
  await Promise.all(Array.from({ length: Math.min(PARALLEL_SENDS, recipients.length) }, lane))
  await record(true)
  if (retries > 0) throw new Error(`${retries} recipients of batch ${payload.batch} to retry`)
  await finishCampaignIfDone(deps.db, campaign.id, deps.clock.now())
}
