import { randomUUID } from 'node:crypto'
import type { Queryable } from '../../db/client.js'
import { inTransaction } from '../../db/transaction.js'
import type { ServiceContext } from '../../platform/context.js'
import { AppError } from '../../platform/errors.js'
import { type Locale, translate } from '../../platform/i18n.js'
import { timeOrderedUuid } from '../../platform/ids.js'
import './messages.js'
import { renderMarkdown } from '../../platform/markdown.js'
import { getPublishedEntry } from './knowledge.js'
import {
  MAX_QUESTIONS_PER_SESSION,
  normalizeQuestion,
  SESSION_IDLE_MS,
  TRANSCRIPT_RETENTION_DAYS,
} from './policy.js'
import {
  countSessionQuestions,
  type EntryRow,
  findEntriesByIds,
  findQuestion,
  findSession,
  insertQuestion,
  insertSession,
  lockSession,
  type SessionRow,
  setQuestionFeedback,
  updateSession,
} from './repo.js'
import type { Answer, Reply } from './schema.js'
import { searchKnowledge } from './search.js'

type Ctx = Pick<ServiceContext, 'db' | 'clock' | 'meta'>

const sessionMissing = () => new AppError('NOT_FOUND', { messageKey: 'assistant.session-missing' })

/** An entry in the asker's language when it has one, in Italian otherwise. */
export function answerOf(entry: EntryRow, locale: Locale): Answer {
  const english = locale === 'en' && entry.questionEn && entry.answerEn
  const answerMarkdown = english ? (entry.answerEn as string) : entry.answerIt
  return {
    entryId: entry.id,
    language: english ? 'en' : 'it',
    question: english ? (entry.questionEn as string) : entry.questionIt,
    answerMarkdown,
    answerHtml: renderMarkdown(answerMarkdown),
    serviceSlugs: entry.serviceSlugs,
    actions: entry.actions,
  }
}

/** A conversation that is still going: unknown and long-idle ones answer the same "not found". */
export async function findLiveSession(ctx: Ctx, id: string, lock?: Queryable) {
  const session = lock ? await lockSession(lock, id) : await findSession(ctx.db, id)
  if (!session || ctx.clock.now().getTime() - session.lastActivityAt.getTime() > SESSION_IDLE_MS) {
    throw sessionMissing()
  }
  return session
}

/**
 * Starts a conversation. No audit row: a chat is not a change anyone must answer for, and the
 * figures count sessions from their own rows.
 */
export async function startConversation(ctx: Ctx, input: { locale?: Locale }) {
  const now = ctx.clock.now()
  const locale = input.locale ?? ctx.meta.locale
  const id = randomUUID()
  await insertSession(ctx.db, { id, locale, startedAt: now, lastActivityAt: now })
  return {
    sessionId: id,
    locale,
    greeting: translate(locale, 'assistant.greeting'),
    retentionDays: TRANSCRIPT_RETENTION_DAYS,
  }
}

export async function askQuestion(ctx: Ctx, input: { sessionId: string; text: string }): Promise<Reply> {
  const session: SessionRow = await findLiveSession(ctx, input.sessionId)
  const locale = session.locale as Locale
  const found = await searchKnowledge(ctx.db, locale, input.text)
  const ids = [found.best, ...found.alternatives].filter((match) => match !== null).map((match) => match.id)
  const entries = new Map((await findEntriesByIds(ctx.db, ids)).map((entry) => [entry.id, entry]))
  const bestEntry = found.best ? entries.get(found.best.id) : undefined
  const answer = bestEntry ? answerOf(bestEntry, locale) : null
  const alternatives = found.alternatives
    .map((match) => entries.get(match.id))
    .filter((entry) => entry !== undefined)
    .map((entry) => {
      const shown = answerOf(entry, locale)
      return { entryId: shown.entryId, question: shown.question }
    })
  const replyLines = answer
    ? [translate(locale, 'assistant.bot-answer', { question: answer.question })]
    : [translate(locale, 'assistant.not-understood')]
  if (alternatives.length > 0) {
    replyLines.push(
      translate(locale, 'assistant.bot-alternatives', {
        questions: alternatives.map((alternative) => alternative.question).join(' · '),
      }),
    )
  }
  const questionId = timeOrderedUuid(ctx.clock.now().getTime())
  await inTransaction(ctx.db, async (tx) => {
    await findLiveSession(ctx, session.id, tx)
    if ((await countSessionQuestions(tx, session.id)) >= MAX_QUESTIONS_PER_SESSION) {
      throw new AppError('VALIDATION_FAILED', { status: 422, messageKey: 'assistant.session-full' })
    }
    const now = ctx.clock.now()
    await insertQuestion(tx, {
      id: questionId,
      sessionId: session.id,
      askedAt: now,
      language: found.language,
      text: input.text,
      normalizedText: normalizeQuestion(input.text),
      replyText: replyLines.join('\n'),
      understood: answer !== null,
      entryId: answer?.entryId ?? null,
      confidence: found.confidence,
    })
    await updateSession(tx, session.id, { lastActivityAt: now })
  })
  return {
    questionId,
    understood: answer !== null,
    message: answer
      ? translate(locale, 'assistant.answer-intro')
      : translate(locale, 'assistant.not-understood'),
    answer,
    alternatives,
    handOffOffered: answer === null,
  }
}

/** "Was this useful?": the latest click counts, so a change of mind is not counted twice. */
export async function rateAnswer(
  ctx: Ctx,
  input: { sessionId: string; questionId: string; helpful: boolean },
): Promise<void> {
  await findLiveSession(ctx, input.sessionId)
  const question = await findQuestion(ctx.db, input.sessionId, input.questionId)
  if (!question?.understood) throw new AppError('NOT_FOUND', { messageKey: 'assistant.question-missing' })
  await setQuestionFeedback(ctx.db, question.id, input.helpful)
}

/** A published entry shown on its own, when someone picks one of the alternatives offered. */
export async function showEntry(ctx: Ctx, id: string): Promise<Answer> {
  return answerOf(await getPublishedEntry(ctx, id), ctx.meta.locale)
}
