import { inTransaction } from '../../db/transaction.js'
import { recordAudit } from '../../platform/audit.js'
import type { ServiceContext } from '../../platform/context.js'
import { AppError } from '../../platform/errors.js'
import type { AppDependencies } from '../../platform/http/dependencies.js'
import { notifyDeps } from './jobs.js'
import './messages.js'
import { ensureRuleStates, listRuleStates, setRuleEnabled } from './repo.js'
import { findRule, listRegisteredRules, runDailyRules } from './rules.js'

type RuleView = {
  id: string
  title: string
  enabled: boolean
  lastRunOn: string | null
  lastRunSent: number | null
}

export async function listRules(ctx: Pick<ServiceContext, 'db' | 'meta'>): Promise<RuleView[]> {
  const rules = listRegisteredRules()
  await ensureRuleStates(
    ctx.db,
    rules.map((rule) => rule.id),
  )
  const states = new Map((await listRuleStates(ctx.db)).map((state) => [state.id, state]))
  return rules.map((rule) => {
    const state = states.get(rule.id)
    return {
      id: rule.id,
      title: rule.title[ctx.meta.locale],
      enabled: state?.enabled ?? true,
      lastRunOn: state?.lastRunOn ?? null,
      lastRunSent: state?.lastRunSent ?? null,
    }
  })
}

export async function switchRule(ctx: ServiceContext, id: string, enabled: boolean): Promise<RuleView> {
  if (!findRule(id)) throw new AppError('NOT_FOUND', { messageKey: 'notifications.rule-missing' })
  await ensureRuleStates(ctx.db, [id])
  await inTransaction(ctx.db, async (tx) => {
    await setRuleEnabled(tx, id, enabled, ctx.clock.now())
    await recordAudit(tx, ctx.actor, ctx.meta, ctx.clock.now(), {
      action: 'notifications.rule.switch',
      subjectType: 'notification-rule',
      subjectId: id,
      details: { enabled },
    })
  })
  const view = (await listRules(ctx)).find((rule) => rule.id === id)
  return view as RuleView
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
