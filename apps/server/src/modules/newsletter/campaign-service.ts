import type { Transaction } from '../../db/client.js'
import { inTransaction } from '../../db/transaction.js'
import { recordAudit } from '../../platform/audit.js'
import { actorId, type ServiceContext } from '../../platform/context.js'
import { AppError } from '../../platform/errors.js'
import { renderMarkdown } from '../../platform/markdown.js'
import './messages.js'
import { BATCH_SIZE, batchStartOffsetsMs } from './policy.js'
import {
  type CampaignRow,
  countSends,
  countSubscribersByTopic,
  findCampaign,
  insertCampaign,
  insertSends,
  insertTopic,
  listCampaigns,
  listTopics,
  type TopicRow,
  updateCampaign,
  updateTopic,
} from './repo.js'
import { SEND_BATCH_JOB } from './sending.js'
import { requireActiveTopics } from './service.js'
import type { LocalisedText } from './tables.js'

type CampaignWords = { it: string; en?: string }

function staffId(ctx: ServiceContext): string {
  const id = actorId(ctx.actor)
  if (ctx.actor.type !== 'staff' || !id) throw new AppError('FORBIDDEN')
  return id
}

// Topics

function staffTopicView(topic: TopicRow, subscribers: number) {
  return {
    id: topic.id,
    title: topic.title,
    description: topic.description,
    active: topic.active,
    position: topic.position,
    subscribers,
  }
}

export async function listStaffTopics(ctx: Pick<ServiceContext, 'db'>) {
  const [topics, counts] = await Promise.all([
    listTopics(ctx.db, { activeOnly: false }),
    countSubscribersByTopic(ctx.db),
  ])
  return topics.map((topic) => staffTopicView(topic, counts.get(topic.id) ?? 0))
}

export async function createTopic(
  ctx: ServiceContext,
  input: { id: string; title: LocalisedText; description: LocalisedText; position?: number },
) {
  return inTransaction(ctx.db, async (tx) => {
    const created = await insertTopic(tx, { ...input, position: input.position ?? 0 })
    if (!created) throw new AppError('CONFLICT', { messageKey: 'newsletter.topic-exists' })
    await recordAudit(tx, ctx.actor, ctx.meta, ctx.clock.now(), {
      action: 'newsletter.topic-created',
      subjectType: 'newsletter-topic',
      subjectId: input.id,
      details: { title: input.title },
    })
    return staffTopicView(created, 0)
  })
}

export async function changeTopic(
  ctx: ServiceContext,
  id: string,
  changes: Partial<{ title: LocalisedText; description: LocalisedText; active: boolean; position: number }>,
) {
  return inTransaction(ctx.db, async (tx) => {
    const topic = await updateTopic(tx, id, changes)
    if (!topic) throw new AppError('NOT_FOUND', { messageKey: 'newsletter.topic-missing' })
    await recordAudit(tx, ctx.actor, ctx.meta, ctx.clock.now(), {
      action: 'newsletter.topic-changed',
      subjectType: 'newsletter-topic',
      subjectId: id,
      details: changes,
    })
    const counts = await countSubscribersByTopic(tx)
    return staffTopicView(topic, counts.get(id) ?? 0)
  })
}

// Campaigns

function campaignView(campaign: CampaignRow, counts: Record<string, number> | undefined) {
  return {
    id: campaign.id,
    subject: campaign.subject,
    body: campaign.body,
    previewHtml: renderMarkdown(campaign.body.it),
    topics: campaign.topics,
    status: campaign.status as 'draft' | 'sending' | 'sent',
    recipients: campaign.recipients,
    counts: {
      queued: counts?.queued ?? 0,
      sent: counts?.sent ?? 0,
      failed: counts?.failed ?? 0,
      skipped: counts?.skipped ?? 0,
      unsubscribed: counts?.unsubscribed ?? 0,
    },
    createdAt: campaign.createdAt.toISOString(),
    startedAt: campaign.startedAt?.toISOString() ?? null,
    finishedAt: campaign.finishedAt?.toISOString() ?? null,
  }
}

export type CampaignView = ReturnType<typeof campaignView>

export async function listStaffCampaigns(ctx: Pick<ServiceContext, 'db'>): Promise<CampaignView[]> {
  const campaigns = await listCampaigns(ctx.db, 100)
  const counts = await countSends(
    ctx.db,
    campaigns.map((c) => c.id),
  )
  return campaigns.map((campaign) => campaignView(campaign, counts.get(campaign.id)))
}

export async function getStaffCampaign(ctx: Pick<ServiceContext, 'db'>, id: string): Promise<CampaignView> {
  const campaign = await findCampaign(ctx.db, id)
  if (!campaign) throw new AppError('NOT_FOUND', { messageKey: 'newsletter.campaign-missing' })
  const counts = await countSends(ctx.db, [id])
  return campaignView(campaign, counts.get(id))
}

async function requireTopics(ctx: Pick<ServiceContext, 'db'>, ids: string[]): Promise<string[]> {
  return (await requireActiveTopics(ctx, ids)).map((topic) => topic.id)
}

export async function createCampaign(
  ctx: ServiceContext,
  input: { subject: CampaignWords; body: CampaignWords; topics: string[] },
): Promise<CampaignView> {
  const createdBy = staffId(ctx)
  const topics = await requireTopics(ctx, input.topics)
  return inTransaction(ctx.db, async (tx) => {
    const now = ctx.clock.now()
    const campaign = await insertCampaign(tx, { ...input, topics, createdBy, createdAt: now, updatedAt: now })
    await recordAudit(tx, ctx.actor, ctx.meta, now, {
      action: 'newsletter.campaign-created',
      subjectType: 'newsletter-campaign',
      subjectId: campaign.id,
      details: { subject: input.subject.it, topics },
    })
    return campaignView(campaign, undefined)
  })
}

async function lockDraft(tx: Transaction, id: string) {
  const campaign = await findCampaign(tx, id, { lock: true })
  if (!campaign) throw new AppError('NOT_FOUND', { messageKey: 'newsletter.campaign-missing' })
  if (campaign.status !== 'draft')
    throw new AppError('CONFLICT', { messageKey: 'newsletter.campaign-not-draft' })
  return campaign
}

export async function changeCampaign(
  ctx: ServiceContext,
  id: string,
  changes: Partial<{ subject: CampaignWords; body: CampaignWords; topics: string[] }>,
): Promise<CampaignView> {
  staffId(ctx)
  const topics = changes.topics ? await requireTopics(ctx, changes.topics) : undefined
  return inTransaction(ctx.db, async (tx) => {
    await lockDraft(tx, id)
    const now = ctx.clock.now()
    const campaign = await updateCampaign(tx, id, {
      ...changes,
      ...(topics ? { topics } : {}),
      updatedAt: now,
    })
    await recordAudit(tx, ctx.actor, ctx.meta, now, {
      action: 'newsletter.campaign-changed',
      subjectType: 'newsletter-campaign',
      subjectId: id,
      details: { fields: Object.keys(changes) },
    })
    return campaignView(campaign, undefined)
  })
}

/**
 * Starts sending: the recipient list is fixed now (every confirmed subscriber of the topics), and
 * one job per batch is enqueued, spaced so the relay's rate is respected — all in one transaction,
 * so a campaign is either not started or fully queued.
 */
export async function sendCampaign(
  ctx: ServiceContext,
  id: string,
  options: { maxPerSecond: number },
): Promise<CampaignView> {
  const sentBy = staffId(ctx)
  const campaign = await inTransaction(ctx.db, async (tx) => {
    const draft = await lockDraft(tx, id)
    const now = ctx.clock.now()
    const { recipients, batches } = await insertSends(tx, id, draft.topics, BATCH_SIZE)
    if (recipients === 0) throw new AppError('CONFLICT', { messageKey: 'newsletter.no-recipients' })
    const started = Date.now()
    await ctx.jobs.enqueueMany(
      tx,
      SEND_BATCH_JOB,
      batchStartOffsetsMs(batches, BATCH_SIZE, options.maxPerSecond).map((offset, batch) => ({
        payload: { campaignId: id, batch },
        // The queue runs on the database's clock: spacing counts from the real time.
        ...(offset > 0 ? { startAfter: new Date(started + offset) } : {}),
      })),
    )
    const sending = await updateCampaign(tx, id, {
      status: 'sending',
      recipients,
      sentBy,
      startedAt: now,
      updatedAt: now,
    })
    await recordAudit(tx, ctx.actor, ctx.meta, now, {
      action: 'newsletter.campaign-sent',
      subjectType: 'newsletter-campaign',
      subjectId: id,
      details: { recipients, batches, maxPerSecond: options.maxPerSecond },
    })
    return sending
  })
  return campaignView(campaign, { queued: campaign.recipients ?? 0 })
}
