import type { z } from 'zod'
import { AppError } from '../../platform/errors.js'
import { queueItemsOf } from './console.js'
import type { TicketsContext } from './context.js'
import { countBacklog, countByChannel, countByTriplet, listAtRisk, listBreached } from './dashboard-repo.js'
import type { ZDashboard, ZDashboardQuery } from './dashboard-schema.js'
import { requireSupervisor } from './workflow-support.js'

const DAY_MS = 24 * 60 * 60 * 1000
const DEFAULT_DAYS = 30
/** Longer periods belong to the open-data reports, which read replicas. */
const MAX_DAYS = 366
const LIST_LENGTH = 50

/**
 * The supervisors' view: the backlog per team and status, the tickets at risk and past their
 * time, and the period's volumes per channel and per triplet (the last 30 days unless asked).
 */
export async function getDashboard(
  ctx: TicketsContext,
  query: z.infer<typeof ZDashboardQuery>,
): Promise<z.infer<typeof ZDashboard>> {
  requireSupervisor(ctx)
  const to = query.to ? new Date(query.to) : ctx.clock.now()
  const from = query.from ? new Date(query.from) : new Date(to.getTime() - DEFAULT_DAYS * DAY_MS)
  if (from >= to || to.getTime() - from.getTime() > MAX_DAYS * DAY_MS) {
    throw new AppError('VALIDATION_FAILED', { messageKey: 'tickets.bad-period' })
  }
  const [backlog, atRisk, breached, byChannel, byTriplet] = await Promise.all([
    countBacklog(ctx.db, null),
    listAtRisk(ctx.db, LIST_LENGTH),
    listBreached(ctx.db, LIST_LENGTH),
    countByChannel(ctx.db, from, to),
    countByTriplet(ctx.db, from, to),
  ])
  return {
    period: { from: from.toISOString(), to: to.toISOString() },
    backlog,
    atRisk: await queueItemsOf(ctx, atRisk),
    breached: await queueItemsOf(ctx, breached),
    volumesByChannel: byChannel,
    volumesByTriplet: byTriplet,
  }
}
