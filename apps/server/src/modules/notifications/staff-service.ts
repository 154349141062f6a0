import { inTransaction } from '../../db/transaction.js'
import { recordAudit } from '../../platform/audit.js'
import type { ServiceContext } from '../../platform/context.js'
import { AppError } from '../../platform/errors.js'
import type { AppDependencies } from '../../platform/http/dependencies.js'
import type { Locale } from '../../platform/i18n.js'
import { notifyDeps } from './jobs.js'
import './messages.js'
import type { Channel } from './policy.js'
import {
  ensureRuleStates,
  listFailedDeliveries as listFailedDeliveryRows,
  listRuleStates,
  requeueFailedDelivery,
  setRuleEnabled,
} from './repo.js'
import { findRule, listRegisteredRules, type ProactiveRule, runDailyRules } from './rules.js'
import { DELIVER_JOB } from './service.js'

type RuleView = {
  id: string
  title: string
  enabled: boolean
  lastRunOn: string | null
  lastRunSent: number | null
}

type RuleState = Awaited<ReturnType<typeof listRuleStates>>[number]

function toView(rule: ProactiveRule, state: RuleState | undefined, locale: Locale): RuleView {
  return {
    id: rule.id,
    title: rule.title[locale],
    enabled: state?.enabled ?? true,
    lastRunOn: state?.lastRunOn ?? null,
    lastRunSent: state?.lastRunSent ?? null,
  }
}

export async function listRules(ctx: Pick<ServiceContext, 'db' | 'meta'>): Promise<RuleView[]> {
  const rules = listRegisteredRules()
  await ensureRuleStates(
    ctx.db,
    rules.map((rule) => rule.id),
  )
  const states = new Map((await listRuleStates(ctx.db)).map((state) => [state.id, state]))
  return rules.map((rule) => toView(rule, states.get(rule.id), ctx.meta.locale))
}

export async function switchRule(ctx: ServiceContext, id: string, enabled: boolean): Promise<RuleView> {
  const rule = findRule(id)
  if (!rule) throw new AppError('NOT_FOUND', { messageKey: 'notifications.rule-missing' })
  await ensureRuleStates(ctx.db, [id])
  const state = await inTransaction(ctx.db, async (tx) => {
    const updated = await setRuleEnabled(tx, id, enabled, ctx.clock.now())
    await recordAudit(tx, ctx.actor, ctx.meta, ctx.clock.now(), {
      action: 'notifications.rule.switch',
      subjectType: 'notification-rule',
      subjectId: id,
      details: { enabled },
    })
    return updated ?? undefined
  })
  return toView(rule, state, ctx.meta.locale)
}

export async function runRuleNow(
  ctx: ServiceContext,
  id: string,
  deps: AppDependencies,
): Promise<{ sent: number }> {
  if (!findRule(id)) throw new AppError('NOT_FOUND', { messageKey: 'notifications.rule-missing' })
  const [result] = await runDailyRules(
    { db: ctx.db, notify: notifyDeps(deps), logger: ctx.logger },
    ctx.clock.now(),
    { only: id, force: true },
  )
  await inTransaction(ctx.db, (tx) =>
    recordAudit(tx, ctx.actor, ctx.meta, ctx.clock.now(), {
      action: 'notifications.rule.run',
      subjectType: 'notification-rule',
      subjectId: id,
      details: { sent: result?.sent ?? 0 },
    }),
  )
  return { sent: result?.sent ?? 0 }
}

/** The fiscal code shown to staff in lists: enough to tell people apart, not to copy. */
function maskFiscalCode(fiscalCode: string): string {
  return `${fiscalCode.slice(0, 6)}•••••${fiscalCode.slice(-2)}`
}

export async function listFailedDeliveries(ctx: Pick<ServiceContext, 'db'>) {
  const rows = await listFailedDeliveryRows(ctx.db, 200)
  return rows.map((row) => ({
    messageId: row.messageId,
    channel: row.channel as Channel,
    attempts: row.attempts,
    lastError: row.lastError,
    failedAt: row.updatedAt.toISOString(),
    template: row.template,
    subject: row.subject,
    recipient: maskFiscalCode(row.recipientFiscalCode),
  }))
}

/** Sends a failed delivery again (after the provider is fixed, say): a new job, audited. */
export async function retryFailedDelivery(
  ctx: ServiceContext,
  key: { messageId: string; channel: Channel },
): Promise<void> {
  await inTransaction(ctx.db, async (tx) => {
    const now = ctx.clock.now()
    if (!(await requeueFailedDelivery(tx, key, now))) {
      throw new AppError('NOT_FOUND', { messageKey: 'notifications.delivery-not-failed' })
    }
    // A fresh job id: the first job of this delivery is spent and would swallow a same-id enqueue.
    await ctx.jobs.enqueue(tx, DELIVER_JOB, key)
    await recordAudit(tx, ctx.actor, ctx.meta, now, {
      action: 'notifications.delivery.retry',
      subjectType: 'notification-message',
      subjectId: key.messageId,
      details: { channel: key.channel },
    })
  })
}
