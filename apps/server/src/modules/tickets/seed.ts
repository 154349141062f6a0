import type { Queryable } from '../../db/client.js'
import { inTransaction } from '../../db/transaction.js'
import { recordAudit } from '../../platform/audit.js'
import type { ServiceContext } from '../../platform/context.js'
import type { CategoryRow } from './repo.js'
import { DEMO_CANNED } from './seed-canned.js'
import { type Area, CITY_SERVICE_AREAS } from './seed-data.js'
import { CITY_LIFE_AREAS } from './seed-data-life.js'
import { CITY_STREET_AREAS } from './seed-data-reports.js'
import {
  findCannedReplyByTitle,
  findCategoryRowByCode,
  insertCannedReply,
  insertCategoryIfMissing,
} from './taxonomy-repo.js'

/** A taxonomy like Milan's CRM: areas, topics and details routed to the demo teams. */
const DEMO_TAXONOMY: Area[] = [...CITY_SERVICE_AREAS, ...CITY_LIFE_AREAS, ...CITY_STREET_AREAS]

/** The codes of the demo details, for checks of the seed. */
export function demoDetailCodes(): string[] {
  return DEMO_TAXONOMY.flatMap(([, , , topics]) =>
    topics.flatMap(([, , , details]) => details.map(([code]) => code)),
  )
}

async function ensureNode(
  tx: Queryable,
  node: Parameters<typeof insertCategoryIfMissing>[1],
  created: { categories: number },
): Promise<CategoryRow> {
  const inserted = await insertCategoryIfMissing(tx, node)
  if (inserted) {
    created.categories++
    return inserted
  }
  return (await findCategoryRowByCode(tx, node.code)) as CategoryRow
}

/**
 * The demo taxonomy and canned replies, inserted where missing: safe at every start, and a
 * supervisor's later changes to existing nodes are kept.
 */
export async function seedTicketTaxonomy(
  ctx: ServiceContext,
): Promise<{ categories: number; cannedReplies: number }> {
  return inTransaction(ctx.db, async (tx) => {
    const now = ctx.clock.now()
    const created = { categories: 0, cannedReplies: 0 }
    for (const [
      areaPosition,
      [areaCode, areaIt, areaEn, topics, process = 'standard'],
    ] of DEMO_TAXONOMY.entries()) {
      const area = await ensureNode(
        tx,
        {
          level: 1,
          code: areaCode,
          nameIt: areaIt,
          nameEn: areaEn,
          position: areaPosition,
          process,
          createdAt: now,
        },
        created,
      )
      for (const [topicPosition, [topicCode, topicIt, topicEn, details]] of topics.entries()) {
        const topic = await ensureNode(
          tx,
          {
            level: 2,
            parentId: area.id,
            code: topicCode,
            nameIt: topicIt,
            nameEn: topicEn,
            position: topicPosition,
            process,
            createdAt: now,
          },
          created,
        )
        for (const [
          position,
          [code, nameIt, nameEn, teamCode, firstResponseMinutes, resolutionMinutes],
        ] of details.entries()) {
          await ensureNode(
            tx,
            {
              level: 3,
              parentId: topic.id,
              code,
              nameIt,
              nameEn,
              teamCode,
              firstResponseMinutes,
              resolutionMinutes,
              process,
              position,
              createdAt: now,
            },
            created,
          )
        }
      }
    }
    for (const reply of DEMO_CANNED) {
      const category = reply.category ? await findCategoryRowByCode(tx, reply.category) : null
      if (reply.category && !category) continue
      if (await findCannedReplyByTitle(tx, category?.id ?? null, reply.title)) continue
      await insertCannedReply(tx, {
        categoryId: category?.id ?? null,
        title: reply.title,
        bodyIt: reply.it,
        bodyEn: reply.en,
        createdAt: now,
      })
      created.cannedReplies++
    }
    if (created.categories + created.cannedReplies > 0) {
      await recordAudit(tx, ctx.actor, ctx.meta, now, {
        action: 'ticket-taxonomy.seed',
        subjectType: 'ticket-category',
        details: created,
      })
    }
    return created
  })
}
