import { randomUUID } from 'node:crypto'
import { inTransaction } from '../../db/transaction.js'
import { recordAudit } from '../../platform/audit.js'
import type { ServiceContext } from '../../platform/context.js'
import { AppError, isAppError } from '../../platform/errors.js'
import type { Locale } from '../../platform/i18n.js'
import { timeOrderedUuid } from '../../platform/ids.js'
import { getServicePage } from '../catalogue/service.js'
import './messages.js'
import { isStaffWith, KNOWLEDGE_EDITORS, KNOWLEDGE_READERS } from './policy.js'
import {
  deleteEntry,
  deleteSynonym,
  type EntryRow,
  findEntryById,
  insertEntry,
  insertSynonym,
  listEntries,
  listSynonyms,
  type SynonymRow,
  updateEntry,
  updateSynonym,
} from './repo.js'
import type { Entry, EntryInput, EntryUpdate, SynonymInput } from './schema.js'

export function entryOf(row: EntryRow): Entry {
  return {
    id: row.id,
    topic: row.topic,
    questionIt: row.questionIt,
    questionEn: row.questionEn,
    phrasingsIt: row.phrasingsIt,
    phrasingsEn: row.phrasingsEn,
    answerIt: row.answerIt,
    answerEn: row.answerEn,
    serviceSlugs: row.serviceSlugs,
    actions: row.actions,
    published: row.published,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  }
}

function synonymOf(row: SynonymRow) {
  return { id: row.id, language: row.language as Locale, terms: row.terms }
}

function requireRoles(ctx: ServiceContext, roles: typeof KNOWLEDGE_EDITORS): void {
  if (!isStaffWith(ctx.actor, roles)) throw new AppError('FORBIDDEN')
}

const entryMissing = () => new AppError('NOT_FOUND', { messageKey: 'assistant.entry-missing' })

/** Links to service pages must lead somewhere: each slug is looked up in the catalogue. */
async function checkServiceLinks(
  ctx: ServiceContext,
  input: { serviceSlugs?: string[]; actions?: EntryInput['actions'] },
): Promise<void> {
  const slugs = new Set([
    ...(input.serviceSlugs ?? []),
    ...(input.actions ?? []).filter((action) => action.kind === 'service').map((action) => action.target),
  ])
  for (const slug of slugs) {
    try {
      await getServicePage(ctx, { slug, publicUrl: '' })
    } catch (error) {
      if (!(isAppError(error) && error.code === 'NOT_FOUND')) throw error
      throw new AppError('VALIDATION_FAILED', {
        status: 422,
        messageKey: 'assistant.unknown-service',
        params: { slug },
      })
    }
  }
}

export async function listKnowledgeEntries(
  ctx: ServiceContext,
  filter: { topic?: string; published?: boolean },
): Promise<Entry[]> {
  requireRoles(ctx, KNOWLEDGE_READERS)
  return (await listEntries(ctx.db, filter)).map(entryOf)
}

export async function getKnowledgeEntry(ctx: ServiceContext, id: string): Promise<Entry> {
  requireRoles(ctx, KNOWLEDGE_READERS)
  const row = await findEntryById(ctx.db, id)
  if (!row) throw entryMissing()
  return entryOf(row)
}

/** A published entry, for the conversation's "other answers" links: nobody needs to sign in. */
export async function getPublishedEntry(ctx: Pick<ServiceContext, 'db'>, id: string): Promise<EntryRow> {
  const row = await findEntryById(ctx.db, id)
  if (!row?.published) throw entryMissing()
  return row
}

export async function createKnowledgeEntry(ctx: ServiceContext, input: EntryInput): Promise<Entry> {
  requireRoles(ctx, KNOWLEDGE_EDITORS)
  await checkServiceLinks(ctx, input)
  return inTransaction(ctx.db, async (tx) => {
    const now = ctx.clock.now()
    const row = await insertEntry(tx, {
      id: timeOrderedUuid(now.getTime()),
      ...input,
      questionEn: input.questionEn ?? null,
      answerEn: input.answerEn ?? null,
      createdAt: now,
      updatedAt: now,
    })
    await recordAudit(tx, ctx.actor, ctx.meta, now, {
      action: 'assistant-entry.created',
      subjectType: 'assistant-entry',
      subjectId: row.id,
      details: { topic: row.topic, published: row.published },
    })
    return entryOf(row)
  })
}

export async function updateKnowledgeEntry(
  ctx: ServiceContext,
  id: string,
  input: EntryUpdate,
): Promise<Entry> {
  requireRoles(ctx, KNOWLEDGE_EDITORS)
  await checkServiceLinks(ctx, input)
  return inTransaction(ctx.db, async (tx) => {
    const now = ctx.clock.now()
    const row = await updateEntry(tx, id, { ...input, updatedAt: now })
    if (!row) throw entryMissing()
    await recordAudit(tx, ctx.actor, ctx.meta, now, {
      action: 'assistant-entry.updated',
      subjectType: 'assistant-entry',
      subjectId: id,
      details: { fields: Object.keys(input), published: row.published },
    })
    return entryOf(row)
  })
}

export async function deleteKnowledgeEntry(ctx: ServiceContext, id: string): Promise<void> {
  requireRoles(ctx, KNOWLEDGE_EDITORS)
  await inTransaction(ctx.db, async (tx) => {
    const now = ctx.clock.now()
    if (!(await deleteEntry(tx, id))) throw entryMissing()
    await recordAudit(tx, ctx.actor, ctx.meta, now, {
      action: 'assistant-entry.deleted',
      subjectType: 'assistant-entry',
      subjectId: id,
    })
  })
}

export async function listSynonymGroups(ctx: ServiceContext) {
  requireRoles(ctx, KNOWLEDGE_READERS)
  return (await listSynonyms(ctx.db)).map(synonymOf)
}

export async function createSynonymGroup(ctx: ServiceContext, input: SynonymInput) {
  requireRoles(ctx, KNOWLEDGE_EDITORS)
  return inTransaction(ctx.db, async (tx) => {
    const now = ctx.clock.now()
    const row = await insertSynonym(tx, {
      id: randomUUID(),
      language: input.language,
      terms: input.terms,
      createdAt: now,
      updatedAt: now,
    })
    await recordAudit(tx, ctx.actor, ctx.meta, now, {
      action: 'assistant-synonym.created',
      subjectType: 'assistant-synonym',
      subjectId: row.id,
      details: { language: row.language, terms: row.terms },
    })
    return synonymOf(row)
  })
}

export async function updateSynonymGroup(ctx: ServiceContext, id: string, input: SynonymInput) {
  requireRoles(ctx, KNOWLEDGE_EDITORS)
  return inTransaction(ctx.db, async (tx) => {
    const now = ctx.clock.now()
    const row = await updateSynonym(tx, id, { language: input.language, terms: input.terms, updatedAt: now })
    if (!row) throw new AppError('NOT_FOUND', { messageKey: 'assistant.synonym-missing' })
    await recordAudit(tx, ctx.actor, ctx.meta, now, {
      action: 'assistant-synonym.updated',
      subjectType: 'assistant-synonym',
      subjectId: id,
      details: { language: row.language, terms: row.terms },
    })
    return synonymOf(row)
  })
}

export async function deleteSynonymGroup(ctx: ServiceContext, id: string): Promise<void> {
  requireRoles(ctx, KNOWLEDGE_EDITORS)
  await inTransaction(ctx.db, async (tx) => {
    const now = ctx.clock.now()
    if (!(await deleteSynonym(tx, id))) {
      throw new AppError('NOT_FOUND', { messageKey: 'assistant.synonym-missing' })
    }
    await recordAudit(tx, ctx.actor, ctx.meta, now, {
      action: 'assistant-synonym.deleted',
      subjectType: 'assistant-synonym',
      subjectId: id,
    })
  })
}
