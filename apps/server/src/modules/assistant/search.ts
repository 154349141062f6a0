import type { Queryable } from '../../db/client.js'
import type { Locale } from '../../platform/i18n.js'
import {
  isFiller,
  MAX_ALTERNATIVES,
  MIN_ALTERNATIVE_CONFIDENCE,
  MIN_CONFIDENCE,
  questionConcepts,
  type SynonymGroup,
} from './policy.js'
import { analyseTexts, type EntryMatch, listSynonyms, searchEntries } from './repo.js'

export interface SearchOutcome {
  /** The language whose texts matched: an English question may be answered from Italian words. */
  language: Locale
  best: EntryMatch | null
  alternatives: EntryMatch[]
  /** The best coverage found, answered or not. */
  confidence: number
}

/** One language's search: the question's words and the staff's synonyms, stemmed in one round trip. */
async function searchIn(db: Queryable, language: Locale, text: string): Promise<SearchOutcome> {
  const synonyms = await listSynonyms(db, language)
  const terms = synonyms.flatMap((group) => group.terms)
  const tokens = await analyseTexts(db, language, [text, ...terms])
  const byText = new Map<number, { token: string; lexeme: string }[]>()
  for (const token of tokens) {
    const list = byText.get(token.text) ?? []
    list.push({ token: token.token, lexeme: token.lexeme })
    byText.set(token.text, list)
  }
  let next = 1
  const groups: SynonymGroup[] = synonyms.map((group) => ({
    terms: group.terms.map((term) => {
      const words = byText.get(next++) ?? []
      return {
        text: term,
        lexemes: words
          .filter((word) => word.lexeme && !isFiller(language, word.token))
          .map((word) => word.lexeme),
      }
    }),
  }))
  const concepts = questionConcepts(language, byText.get(0) ?? [], groups)
  const matches = await searchEntries(db, language, concepts, 1 + MAX_ALTERNATIVES)
  const [first, ...rest] = matches
  const best = first && first.coverage >= MIN_CONFIDENCE ? first : null
  return {
    language,
    best,
    alternatives: best ? rest.filter((match) => match.coverage >= MIN_ALTERNATIVE_CONFIDENCE) : [],
    confidence: first?.coverage ?? 0,
  }
}

/**
 * The entries answering a question: the best one when it reaches the confidence threshold, and up
 * to two alternatives. English questions search the English texts first, then the Italian ones
 * (people abroad still write "TARI" or "Area B").
 */
export async function searchKnowledge(db: Queryable, language: Locale, text: string): Promise<SearchOutcome> {
  const found = await searchIn(db, language, text)
  if (found.best || language === 'it') return found
  const italian = await searchIn(db, 'it', text)
  return italian.best ? italian : found
}
