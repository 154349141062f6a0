import type { Logger } from 'pino'
import type { Database } from '../../db/client.js'
import { romeCalendarDate } from '../registry/calendar-days.js'
import { ensureRuleStates, listRuleStates, markRuleRun } from './repo.js'
import type { NotifyDeps } from './service.js'

export interface RuleContext {
  db: Database
  notify: NotifyDeps
  /** The day being handled, YYYY-MM-DD in Rome. */
  today: string
  logger: Logger
}

/** A scheduled rule that writes to citizens before something happens. */
export interface ProactiveRule {
  id: string
  title: { it: string; en: string }
  /** Writes what is due on `today`; idempotent through dedupe keys. Returns the messages created. */
  run(ctx: RuleContext): Promise<number>
}

const rules = new Map<string, ProactiveRule>()

/** Capabilities register their rules at load time. */
export function registerRule(rule: ProactiveRule): void {
  if (rules.has(rule.id)) throw new Error(`rule ${rule.id} registered twice`)
  rules.set(rule.id, rule)
}

export function listRegisteredRules(): ProactiveRule[] {
  return [...rules.values()]
}

export function findRule(id: string): ProactiveRule | undefined {
  return rules.get(id)
}

/** Runs every enabled rule once for the day; a rule already run today is skipped. */
export async function runDailyRules(
  deps: Omit<RuleContext, 'today'>,
  at: Date,
  options: { only?: string; force?: boolean } = {},
): Promise<{ ruleId: string; sent: number }[]> {
  const today = romeCalendarDate(at)
  await ensureRuleStates(
    deps.db,
    listRegisteredRules().map((rule) => rule.id),
  )
  const states = new Map((await listRuleStates(deps.db)).map((state) => [state.id, state]))
  const results: { ruleId: string; sent: number }[] = []
  for (const rule of listRegisteredRules()) {
    if (options.only && rule.id !== options.only) continue
    const state = states.get(rule.id)
    if (!options.force && (!state?.enabled || state.lastRunOn === today)) continue
    const sent = await rule.run({ ...deps, today })
    await markRuleRun(deps.db, rule.id, today, sent, at)
    deps.logger.info({ rule: rule.id, sent, day: today }, 'proactive rule ran')
    results.push({ ruleId: rule.id, sent })
  }
  return results
}
