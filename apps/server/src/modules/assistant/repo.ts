import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm'
import type { Queryable } from '../../db/client.js'
import { rowsOf } from '../../db/transaction.js'
import type { Locale } from '../../platform/i18n.js'
import { assistantEntries, assistantQuestions, assistantSessions, assistantSynonyms } from './tables.js'

export type EntryRow = typeof assistantEntries.$inferSelect
export type SynonymRow = typeof assistantSynonyms.$inferSelect
export type SessionRow = typeof assistantSessions.$inferSelect
export type QuestionRow = typeof assistantQuestions.$inferSelect
type NewEntry = Omit<typeof assistantEntries.$inferInsert, 'searchIt' | 'searchEn'>
type EntryPatch = Partial<Omit<NewEntry, 'id' | 'createdAt' | 'seedKey'>>

/** The text-search configuration of each language: stemming and stop words of Italian or English. */
export const SEARCH_CONFIG: Record<Locale, string> = { it: 'italian', en: 'english' }

// The documents are rebuilt from the stored columns, so every write path ends with the same vectors.
async function refreshEntrySearch(tx: Queryable, id: string): Promise<void> {
  await tx.execute(sql`
    update assistant_entries set
      search_it = setweight(to_tsvector('italian', question_it), 'A')
        || setweight(to_tsvector('italian', array_to_string(phrasings_it, ' ')), 'B')
        || setweight(to_tsvector('italian', answer_it), 'C'),
      search_en = setweight(to_tsvector('english', coalesce(question_en, '')), 'A')
        || setweight(to_tsvector('english', array_to_string(phrasings_en, ' ')), 'B')
        || setweight(to_tsvector('english', coalesce(answer_en, '')), 'C')
    where id = ${id}`)
}

export async function insertEntry(tx: Queryable, row: NewEntry): Promise<EntryRow> {
  await tx
    .insert(assistantEntries)
    .values({ ...row, searchIt: sql`''::tsvector`, searchEn: sql`''::tsvector` })
  await refreshEntrySearch(tx, row.id)
  return (await findEntryById(tx, row.id)) as EntryRow
}

/** Inserts a demo entry unless its seed key is already there; true when inserted. */
export async function insertSeedEntryIfMissing(tx: Queryable, row: NewEntry): Promise<boolean> {
  const inserted = await tx
    .insert(assistantEntries)
    .values({ ...row, searchIt: sql`''::tsvector`, searchEn: sql`''::tsvector` })
    .onConflictDoNothing({ target: assistantEntries.seedKey })
    .returning({ id: assistantEntries.id })
  if (inserted.length === 0) return false
  await refreshEntrySearch(tx, row.id)
  return true
}

export async function updateEntry(tx: Queryable, id: string, patch: EntryPatch): Promise<EntryRow | null> {
  const updated = await tx
    .update(assistantEntries)
    .set(patch)
    .where(eq(assistantEntries.id, id))
    .returning({ id: assistantEntries.id })
  if (updated.length === 0) return null
  await refreshEntrySearch(tx, id)
  return findEntryById(tx, id)
}

export async function deleteEntry(tx: Queryable, id: string): Promise<boolean> {
  const deleted = await tx
    .delete(assistantEntries)
    .where(eq(assistantEntries.id, id))
    .returning({ id: assistantEntries.id })
  return deleted.length > 0
}

export async function findEntryById(db: Queryable, id: string): Promise<EntryRow | null> {
  const [row] = await db.select().from(assistantEntries).where(eq(assistantEntries.id, id))
  return row ?? null
}

export async function findEntriesByIds(db: Queryable, ids: readonly string[]): Promise<EntryRow[]> {
  if (ids.length === 0) return []
  return db
    .select()
    .from(assistantEntries)
    .where(
      sql`${assistantEntries.id} in (${sql.join(
        ids.map((id) => sql`${id}`),
        sql`, `,
      )})`,
    )
}

export async function listEntries(
  db: Queryable,
  filter: { topic?: string; published?: boolean },
): Promise<EntryRow[]> {
  const conditions = [
    filter.topic ? eq(assistantEntries.topic, filter.topic) : undefined,
    filter.published === undefined ? undefined : eq(assistantEntries.published, filter.published),
  ].filter((condition) => condition !== undefined)
  return db
    .select()
    .from(assistantEntries)
    .where(and(...conditions))
    .orderBy(asc(assistantEntries.topic), asc(assistantEntries.questionIt))
}

export async function insertSynonym(tx: Queryable, row: typeof assistantSynonyms.$inferInsert) {
  const [inserted] = await tx.insert(assistantSynonyms).values(row).returning()
  return inserted as SynonymRow
}

/** Inserts the demo synonym groups whose seed keys are missing; answers how many. */
export async function insertSeedSynonymsIfMissing(
  tx: Queryable,
  rows: (typeof assistantSynonyms.$inferInsert)[],
): Promise<number> {
  const inserted = await tx
    .insert(assistantSynonyms)
    .values(rows)
    .onConflictDoNothing({ target: assistantSynonyms.seedKey })
    .returning({ id: assistantSynonyms.id })
  return inserted.length
}

export async function updateSynonym(
  tx: Queryable,
  id: string,
  patch: { language: string; terms: string[]; updatedAt: Date },
): Promise<SynonymRow | null> {
  const [row] = await tx.update(assistantSynonyms).set(patch).where(eq(assistantSynonyms.id, id)).returning()
  return row ?? null
}

export async function deleteSynonym(tx: Queryable, id: string): Promise<boolean> {
  const deleted = await tx
    .delete(assistantSynonyms)
    .where(eq(assistantSynonyms.id, id))
    .returning({ id: assistantSynonyms.id })
  return deleted.length > 0
}

export async function listSynonyms(db: Queryable, language?: Locale): Promise<SynonymRow[]> {
  return db
    .select()
    .from(assistantSynonyms)
    .where(language ? eq(assistantSynonyms.language, language) : undefined)
    .orderBy(asc(assistantSynonyms.createdAt))
}

export interface Token {
  /** Which of the texts it comes from, from 0. */
  text: number
  token: string
  /** The stem; empty for a stop word. */
  lexeme: string
}

/** The words of several texts with their stems, as the language's configuration sees them. */
export async function analyseTexts(
  db: Queryable,
  language: Locale,
  texts: readonly string[],
): Promise<Token[]> {
  if (texts.length === 0) return []
  const result = await db.execute(sql`
    select t.ord::int - 1 as text, d.token, coalesce(d.lexemes[1], '') as lexeme
    from jsonb_array_elements_text(${JSON.stringify(texts)}::jsonb) with ordinality as t(value, ord),
      lateral (select row_number() over () as pos, * from ts_debug(${SEARCH_CONFIG[language]}::regconfig, t.value)) d
    where d.lexemes is not null
    order by t.ord, d.pos`)
  return rowsOf<Token>(result)
}

export interface EntryMatch {
  id: string
  /** The share of the question's concepts the entry contains, 0–1. */
  coverage: number
  rank: number
}

/**
 * Published entries matching any concept of a question. Each concept is a list of phrasings that
 * mean the same (a word, or a synonym group); the share of concepts an entry contains is its
 * coverage, and the weighted cover density orders entries of equal coverage.
 */
export async function searchEntries(
  db: Queryable,
  language: Locale,
  concepts: readonly (readonly string[])[],
  limit: number,
): Promise<EntryMatch[]> {
  if (concepts.length === 0) return []
  const config = SEARCH_CONFIG[language]
  const column = language === 'it' ? sql.raw('search_it') : sql.raw('search_en')
  const queries = concepts.map(
    (phrasings) =>
      sql`(${sql.join(
        phrasings.map((phrasing) => sql`phraseto_tsquery(${config}::regconfig, ${phrasing})`),
        sql` || `,
      )})`,
  )
  const anyConcept = sql.join(queries, sql` || `)
  const matched = sql.join(
    queries.map((query) => sql`(${column} @@ ${query})::int`),
    sql` + `,
  )
  const result = await db.execute(sql`
    select id, (${matched})::float8 / ${concepts.length}::float8 as coverage,
      ts_rank_cd(${column}, ${anyConcept})::float8 as rank
    from assistant_entries
    where published and ${column} @@ (${anyConcept})
    order by coverage desc, rank desc, id
    limit ${limit}`)
  return rowsOf<EntryMatch>(result).map((row) => ({
    id: row.id,
    coverage: Number(row.coverage),
    rank: Number(row.rank),
  }))
}

export async function insertSession(tx: Queryable, row: typeof assistantSessions.$inferInsert) {
  await tx.insert(assistantSessions).values(row)
}

export async function findSession(db: Queryable, id: string): Promise<SessionRow | null> {
  const [row] = await db.select().from(assistantSessions).where(eq(assistantSessions.id, id))
  return row ?? null
}

/** The session, held until the transaction ends: one question or hand-off of a session at a time. */
export async function lockSession(tx: Queryable, id: string): Promise<SessionRow | null> {
  const [row] = await tx.select().from(assistantSessions).where(eq(assistantSessions.id, id)).for('update')
  return row ?? null
}

export async function updateSession(
  tx: Queryable,
  id: string,
  patch: Partial<Pick<SessionRow, 'lastActivityAt' | 'ticketCode' | 'handedOffAt'>>,
): Promise<void> {
  await tx.update(assistantSessions).set(patch).where(eq(assistantSessions.id, id))
}

export async function insertQuestion(tx: Queryable, row: typeof assistantQuestions.$inferInsert) {
  await tx.insert(assistantQuestions).values(row)
}

export async function findQuestion(
  db: Queryable,
  sessionId: string,
  id: string,
): Promise<QuestionRow | null> {
  const [row] = await db
    .select()
    .from(assistantQuestions)
    .where(and(eq(assistantQuestions.id, id), eq(assistantQuestions.sessionId, sessionId)))
  return row ?? null
}

export async function setQuestionFeedback(tx: Queryable, id: string, helpful: boolean): Promise<void> {
  await tx.update(assistantQuestions).set({ helpful }).where(eq(assistantQuestions.id, id))
}

export async function listSessionQuestions(db: Queryable, sessionId: string): Promise<QuestionRow[]> {
  return db
    .select()
    .from(assistantQuestions)
    .where(eq(assistantQuestions.sessionId, sessionId))
    .orderBy(asc(assistantQuestions.askedAt), asc(assistantQuestions.id))
}

export async function countSessionQuestions(db: Queryable, sessionId: string): Promise<number> {
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(assistantQuestions)
    .where(eq(assistantQuestions.sessionId, sessionId))
  return row?.count ?? 0
}

export interface MonthCounts {
  month: string
  sessions: number
  questions: number
  unanswered: number
  helpful: number
  notHelpful: number
  handOffs: number
}

/** Counts per calendar month in Rome, between two instants (the first included, the second not). */
export async function countByMonth(db: Queryable, from: Date, to: Date): Promise<MonthCounts[]> {
  const month = (column: string) => sql.raw(`to_char(${column} at time zone 'Europe/Rome', 'YYYY-MM')`)
  const result = await db.execute(sql`
    with sessions as (
      select ${month('started_at')} as month, count(*)::int as sessions from assistant_sessions
      where started_at >= ${from} and started_at < ${to} group by 1
    ), handoffs as (
      select ${month('handed_off_at')} as month, count(*)::int as hand_offs from assistant_sessions
      where handed_off_at >= ${from} and handed_off_at < ${to} group by 1
    ), questions as (
      select ${month('asked_at')} as month, count(*)::int as questions,
        (count(*) filter (where not understood))::int as unanswered,
        (count(*) filter (where helpful))::int as helpful,
        (count(*) filter (where helpful = false))::int as not_helpful
      from assistant_questions where asked_at >= ${from} and asked_at < ${to} group by 1
    )
    select month, coalesce(s.sessions, 0) as sessions, coalesce(q.questions, 0) as questions,
      coalesce(q.unanswered, 0) as unanswered, coalesce(q.helpful, 0) as helpful,
      coalesce(q.not_helpful, 0) as "notHelpful", coalesce(h.hand_offs, 0) as "handOffs"
    from sessions s full join questions q using (month) full join handoffs h using (month)`)
  return rowsOf<MonthCounts>(result)
}

export interface UnansweredGroupRow {
  normalizedText: string
  example: string
  count: number
  lastAskedAt: Date
}

export async function listUnansweredGroups(db: Queryable, limit: number): Promise<UnansweredGroupRow[]> {
  const rows = await db
    .select({
      normalizedText: assistantQuestions.normalizedText,
      example: sql<string>`(array_agg(${assistantQuestions.text} order by ${assistantQuestions.askedAt} desc))[1]`,
      count: sql<number>`count(*)::int`,
      lastAskedAt: sql<Date>`max(${assistantQuestions.askedAt})`,
    })
    .from(assistantQuestions)
    .where(
      and(
        eq(assistantQuestions.understood, false),
        isNull(assistantQuestions.handledAt),
        sql`${assistantQuestions.normalizedText} <> ''`,
      ),
    )
    .groupBy(assistantQuestions.normalizedText)
    .orderBy(desc(sql`count(*)`), desc(sql`max(${assistantQuestions.askedAt})`))
    .limit(limit)
  return rows.map((row) => ({ ...row, lastAskedAt: new Date(row.lastAskedAt) }))
}

/** Marks a group of unanswered questions handled by an entry; answers the examples marked. */
export async function markUnansweredHandled(
  tx: Queryable,
  input: { normalizedText: string; entryId: string; at: Date },
): Promise<string[]> {
  const rows = await tx
    .update(assistantQuestions)
    .set({ handledEntryId: input.entryId, handledAt: input.at })
    .where(
      and(
        eq(assistantQuestions.normalizedText, input.normalizedText),
        eq(assistantQuestions.understood, false),
        isNull(assistantQuestions.handledAt),
      ),
    )
    .returning({ text: assistantQuestions.text })
  return rows.map((row) => row.text)
}

/** Blanks what people typed before a date; the rows stay, so the monthly figures do not change. */
export async function blankQuestionsBefore(tx: Queryable, before: Date): Promise<number> {
  const rows = await tx
    .update(assistantQuestions)
    .set({ text: '', normalizedText: '', replyText: '' })
    .where(and(sql`${assistantQuestions.askedAt} < ${before}`, sql`${assistantQuestions.text} <> ''`))
    .returning({ id: assistantQuestions.id })
  return rows.length
}
