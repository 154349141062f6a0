import { randomUUID } from 'node:crypto'
import type { Queryable } from '../../db/client.js'
import type { Actor } from '../../platform/context.js'
import { createLogger } from '../../platform/logger.js'
import type { Runtime } from '../../platform/runtime.js'
import { type TicketsContext, withTicketsDeps } from './context.js'
import type { TicketProcess } from './policy.js'
import { ticketCategories } from './tables.js'

/** For tests: an area, a topic and a detail with fresh codes, routed to `teamCode`. */
export async function createTestDetail(
  db: Queryable,
  options: {
    teamCode?: string
    process?: TicketProcess
    citizenVisible?: boolean
    active?: boolean
    firstResponseMinutes?: number
    resolutionMinutes?: number
  } = {},
): Promise<{
  code: string
  id: string
  topicId: string
  areaId: string
  names: { area: string; topic: string; detail: string }
}> {
  const suffix = randomUUID().slice(0, 8)
  const [area] = await db
    .insert(ticketCategories)
    .values({ level: 1, code: `area-${suffix}`, nameIt: `Area ${suffix}`, nameEn: `Area EN ${suffix}` })
    .returning()
  const [topic] = await db
    .insert(ticketCategories)
    .values({
      level: 2,
      parentId: area!.id,
      code: `topic-${suffix}`,
      nameIt: `Tema ${suffix}`,
      nameEn: `Topic ${suffix}`,
    })
    .returning()
  const [detail] = await db
    .insert(ticketCategories)
    .values({
      level: 3,
      parentId: topic!.id,
      code: `detail-${suffix}`,
      nameIt: `Dettaglio ${suffix}`,
      nameEn: `Detail ${suffix}`,
      teamCode: options.teamCode ?? 'anagrafe',
      process: options.process ?? 'standard',
      firstResponseMinutes: options.firstResponseMinutes ?? 240,
      resolutionMinutes: options.resolutionMinutes ?? 2400,
      citizenVisible: options.citizenVisible ?? true,
      active: options.active ?? true,
    })
    .returning()
  return {
    code: detail!.code,
    id: detail!.id,
    topicId: topic!.id,
    areaId: area!.id,
    names: { area: `Area ${suffix}`, topic: `Tema ${suffix}`, detail: `Dettaglio ${suffix}` },
  }
}

/** For tests: the CRM's context acting as `actor` on a test runtime. */
export function testTicketsContext(runtime: Runtime, actor: Actor): TicketsContext {
  return withTicketsDeps(runtime, {
    db: runtime.db,
    jobs: runtime.jobs,
    clock: runtime.clock,
    actor,
    meta: { ip: '127.0.0.1', requestId: randomUUID(), locale: 'it' },
    logger: createLogger({ level: 'silent', pretty: false }),
  })
}
