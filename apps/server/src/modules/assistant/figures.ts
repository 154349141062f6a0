import type { Queryable } from '../../db/client.js'
import { inTransaction } from '../../db/transaction.js'
import { recordAudit } from '../../platform/audit.js'
import type { ServiceContext } from '../../platform/context.js'
import { AppError } from '../../platform/errors.js'
import { romeInstant } from '../../platform/rome-time.js'
import './messages.js'
import { FIGURE_READERS, isStaffWith, KNOWLEDGE_EDITORS, TRANSCRIPT_RETENTION_DAYS } from './policy.js'
import {
  blankQuestionsBefore,
  countByMonth,
  findEntryById,
  listUnansweredGroups,
  type MonthCounts,
  markUnansweredHandled,
  updateEntry,
} from './repo.js'
import type { MonthFigures } from './schema.js'

const MAX_MONTHS = 36
const DAY_MS = 24 * 60 * 60_000

function monthsBetween(from: string, to: string): string[] {
  const months: string[] = []
  let [year, month] = from.split('-').map(Number) as [number, number]
  while (months.length < MAX_MONTHS) {
    const current = `${year}-${String(month).padStart(2, '0')}`
    if (current > to) break
    months.push(current)
    month++
    if (month > 12) {
      month = 1
      year++
    }
  }
  return months
}

function nextMonth(month: string): string {
  const [year, number] = month.split('-').map(Number) as [number, number]
  return number === 12 ? `${year + 1}-01` : `${year}-${String(number + 1).padStart(2, '0')}`
}

/**
 * The assistant's figures per calendar month in Rome, every month of the range listed even when
 * nothing happened: for the transparency pages and the staff dashboard. At most three years.
 */
export async function countAssistantFigures(
  ctx: { db: Queryable },
  range: { from: string; to: string },
): Promise<MonthFigures[]> {
  const months = monthsBetween(range.from, range.to)
  if (range.from > range.to || months.at(-1) !== range.to) {
    throw new AppError('VALIDATION_FAILED', {
      status: 400,
      messageKey: 'assistant.figures-range',
      params: { max: MAX_MONTHS },
    })
  }
  const last = months.at(-1) as string
  const start = romeInstant(`${range.from}-01`, 0) as number
  const end = romeInstant(`${nextMonth(last)}-01`, 0) as number
  const counted = new Map<string, MonthCounts>(
    (await countByMonth(ctx.db, new Date(start), new Date(end))).map((row) => [row.month, row]),
  )
  return months.map((month) => {
    const row = counted.get(month)
    return {
      month,
      sessions: Number(row?.sessions ?? 0),
      questions: Number(row?.questions ?? 0),
      unanswered: Number(row?.unanswered ?? 0),
      helpful: Number(row?.helpful ?? 0),
      notHelpful: Number(row?.notHelpful ?? 0),
      handOffs: Number(row?.handOffs ?? 0),
    }
  })
}

export async function getAssistantFigures(ctx: ServiceContext, range: { from: string; to: string }) {
  if (!isStaffWith(ctx.actor, FIGURE_READERS)) throw new AppError('FORBIDDEN')
  return countAssistantFigures(ctx, range)
}

/** The questions nobody answered, most asked first: what the knowledge base should learn next. */
export async function listUnansweredQuestions(ctx: ServiceContext, limit = 100) {
  if (!isStaffWith(ctx.actor, FIGURE_READERS)) throw new AppError('FORBIDDEN')
  const groups = await listUnansweredGroups(ctx.db, limit)
  return groups.map((group) => ({ ...group, lastAskedAt: group.lastAskedAt.toISOString() }))
}

/**
 * Marks a group of unanswered questions as dealt with by an entry; by default the question joins
 * the entry's phrasings, so the next person asking it gets that answer.
 */
export async function handleUnansweredQuestion(
  ctx: ServiceContext,
  input: { normalizedText: string; entryId: string; addAsPhrasing: boolean },
): Promise<{ questions: number }> {
  if (!isStaffWith(ctx.actor, KNOWLEDGE_EDITORS)) throw new AppError('FORBIDDEN')
  return inTransaction(ctx.db, async (tx) => {
    const now = ctx.clock.now()
    const entry = await findEntryById(tx, input.entryId)
    if (!entry) throw new AppError('NOT_FOUND', { messageKey: 'assistant.entry-missing' })
    const texts = await markUnansweredHandled(tx, { ...input, at: now })
    if (texts.length === 0) {
      throw new AppError('NOT_FOUND', { messageKey: 'assistant.nothing-to-handle' })
    }
    const phrasing = texts
      .find((text) => text.trim().length >= 3)
      ?.trim()
      .slice(0, 300)
    if (
      input.addAsPhrasing &&
      phrasing &&
      !entry.phrasingsIt.includes(phrasing) &&
      entry.phrasingsIt.length < 30
    ) {
      await updateEntry(tx, entry.id, { phrasingsIt: [...entry.phrasingsIt, phrasing], updatedAt: now })
    }
    await recordAudit(tx, ctx.actor, ctx.meta, now, {
      action: 'assistant-unanswered.handled',
      subjectType: 'assistant-entry',
      subjectId: entry.id,
      details: { normalizedText: input.normalizedText, questions: texts.length },
    })
    return { questions: texts.length }
  })
}

/**
 * Retention: blanks what people typed more than TRANSCRIPT_RETENTION_DAYS ago. Counts stay, so
 * the published figures never change; meant for a daily job.
 */
export async function blankOldTranscripts(ctx: Pick<ServiceContext, 'db' | 'clock'>): Promise<number> {
  const before = new Date(ctx.clock.now().getTime() - TRANSCRIPT_RETENTION_DAYS * DAY_MS)
  return blankQuestionsBefore(ctx.db, before)
}
