import type { Actor, StaffRole } from '../../platform/context.js'
import type { Locale } from '../../platform/i18n.js'

/** Who keeps the knowledge base and its synonyms: the same people who keep the CRM's taxonomy. */
export const KNOWLEDGE_EDITORS: readonly StaffRole[] = ['supervisor', 'admin']
/** Who reads the knowledge base: the contact centre answers the same questions on the phone. */
export const KNOWLEDGE_READERS: readonly StaffRole[] = ['operator', 'supervisor', 'analyst', 'admin']
/** Who reads the figures and the questions nobody answered. */
export const FIGURE_READERS: readonly StaffRole[] = ['supervisor', 'analyst', 'admin']

/**
 * The share of a question's concepts an entry must contain to be given as the answer. Below it the
 * assistant says it did not understand: a wrong answer costs the city more than a hand-off.
 */
export const MIN_CONFIDENCE = 0.6
/** Alternatives are offered from a lower share: they are suggestions, not answers. */
export const MIN_ALTERNATIVE_CONFIDENCE = 0.34
export const MAX_ALTERNATIVES = 2
export const MAX_QUESTIONS_PER_SESSION = 100
/** A conversation left alone this long is over: its id no longer takes questions. */
export const SESSION_IDLE_MS = 24 * 60 * 60_000
/** What people typed is kept this long for the hand-off and for improving the answers. */
export const TRANSCRIPT_RETENTION_DAYS = 90
/** Only so many words of a question are searched: a pasted letter is not a question. */
export const MAX_CONCEPTS = 16

export function isStaffWith(actor: Actor, roles: readonly StaffRole[]): boolean {
  return actor.type === 'staff' && actor.roles.some((role) => roles.includes(role))
}

/**
 * Words that carry no subject in a question to the city ("vorrei sapere come posso…"), beyond the
 * stop words of the text-search configuration; and the elided articles (d', l') it keeps as words.
 */
const FILLER: Record<Locale, ReadonlySet<string>> = {
  it: new Set(
    (
      'd l un all dell dall nell sull c quest quell ' +
      'vorrei voglio volevo vorremmo sapere saper posso puoi può potrei potete possiamo devo deve devono ' +
      'dobbiamo bisogna serve servono occorre fare faccio fate ottenere ottengo ottiene avere richiedere richiedo ' +
      'richiede cerco cercare trovo trovare come dove quando quanto quanta ' +
      'quanti quante cosa chi perché perche quale quali informazioni informazione info ciao buongiorno ' +
      'buonasera salve grazie aiuto aiutare favore per piacere scusa scusate domanda chiedere chiedo ' +
      'mio mia miei mie modo nuovo nuova'
    ).split(' '),
  ),
  en: new Set(
    (
      'i want wanted need needs how can could do does did get please hello hi thanks thank help know ' +
      'would like where when what which who tell information info way new make'
    ).split(' '),
  ),
}

function plain(word: string): string {
  return word
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
}

export function isFiller(language: Locale, token: string): boolean {
  return FILLER[language].has(plain(token))
}

/** Lower case, no accents or punctuation, single spaces: how unanswered questions are grouped. */
export function normalizeQuestion(text: string): string {
  return plain(text)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .slice(0, 500)
}

export interface Word {
  token: string
  lexeme: string
}

export interface SynonymGroup {
  /** The group's terms as typed by staff, and the stems of each (filler dropped). */
  terms: readonly { text: string; lexemes: readonly string[] }[]
}

function startsAt(words: readonly Word[], at: number, lexemes: readonly string[]): boolean {
  return lexemes.every((lexeme, offset) => words[at + offset]?.lexeme === lexeme)
}

/**
 * The concepts of a question: each is a list of phrasings meaning the same. A synonym term found in
 * the question becomes one concept offering all the group's terms; each other remaining word is a
 * concept of its own. Stop words and filler are dropped; longer terms are matched first.
 */
export function questionConcepts(
  language: Locale,
  words: readonly Word[],
  groups: readonly SynonymGroup[],
): string[][] {
  const meaningful = words.filter((word) => word.lexeme && !isFiller(language, word.token))
  const used = new Array<boolean>(meaningful.length).fill(false)
  const candidates = groups
    .flatMap((group) => group.terms.map((term) => ({ group, lexemes: term.lexemes })))
    .filter((candidate) => candidate.lexemes.length > 0)
    .sort((a, b) => b.lexemes.length - a.lexemes.length)
  const concepts: string[][] = []
  const groupsTaken = new Set<SynonymGroup>()
  for (const { group, lexemes } of candidates) {
    for (let at = 0; at + lexemes.length <= meaningful.length; at++) {
      const free = used.slice(at, at + lexemes.length).every((taken) => !taken)
      if (!free || !startsAt(meaningful, at, lexemes)) continue
      used.fill(true, at, at + lexemes.length)
      if (!groupsTaken.has(group)) {
        groupsTaken.add(group)
        concepts.push(group.terms.map((term) => term.text))
      }
    }
  }
  const seen = new Set<string>()
  meaningful.forEach((word, index) => {
    if (used[index] || seen.has(word.lexeme)) return
    seen.add(word.lexeme)
    concepts.push([word.token])
  })
  return concepts.slice(0, MAX_CONCEPTS)
}
