import { randomUUID } from 'node:crypto'
import { inTransaction } from '../../db/transaction.js'
import { recordAudit } from '../../platform/audit.js'
import type { ServiceContext } from '../../platform/context.js'
import { timeOrderedUuid } from '../../platform/ids.js'
import { insertSeedEntryIfMissing, insertSeedSynonymsIfMissing } from './repo.js'
import { SEED_ENTRIES, SEED_SYNONYMS } from './seed-data.js'

/**
 * The demo knowledge base, published, and its synonyms, inserted where missing: safe at every
 * start, and staff's later edits to the demo entries are kept.
 */
export async function seedAssistantKnowledge(
  ctx: Pick<ServiceContext, 'db' | 'clock' | 'actor' | 'meta'>,
): Promise<{ entries: number; synonyms: number }> {
  return inTransaction(ctx.db, async (tx) => {
    const now = ctx.clock.now()
    let entries = 0
    for (const entry of SEED_ENTRIES) {
      const { key, ...texts } = entry
      const inserted = await insertSeedEntryIfMissing(tx, {
        id: timeOrderedUuid(now.getTime()),
        seedKey: key,
        ...texts,
        published: true,
        createdAt: now,
        updatedAt: now,
      })
      if (inserted) entries++
    }
    const synonyms = await insertSeedSynonymsIfMissing(
      tx,
      SEED_SYNONYMS.map((group) => ({
        id: randomUUID(),
        seedKey: group.key,
        language: group.language,
        terms: group.terms,
        createdAt: now,
        updatedAt: now,
      })),
    )
    if (entries + synonyms > 0) {
      await recordAudit(tx, ctx.actor, ctx.meta, now, {
        action: 'assistant.seeded',
        subjectType: 'assistant-knowledge',
        details: { entries, synonyms },
      })
    }
    return { entries, synonyms }
  })
}
