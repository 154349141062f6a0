import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { manualClock } from '../../platform/clock.js'
import { createTestApp, type TestApp } from '../../test/app.js'
import { questionConcepts } from './policy.js'
import { findEntriesByIds } from './repo.js'
import { searchKnowledge } from './search.js'
import { seedAssistantKnowledge } from './seed.js'

const clock = manualClock('2030-01-15T10:00:00Z')
let t: TestApp

beforeAll(async () => {
  t = await createTestApp({ clock, work: false })
  await seedAssistantKnowledge({
    db: t.runtime.db,
    clock,
    actor: { type: 'system', name: 'test' },
    meta: { ip: null, requestId: null, locale: 'it' },
  })
})
afterAll(async () => t?.close())

async function bestQuestion(language: 'it' | 'en', text: string) {
  const found = await searchKnowledge(t.runtime.db, language, text)
  if (!found.best) return { question: null, found }
  const [entry] = await findEntriesByIds(t.runtime.db, [found.best.id])
  return {
    question: language === 'en' && found.language === 'en' ? entry?.questionEn : entry?.questionIt,
    found,
  }
}

describe('Italian search', () => {
  it('finds “Come rinnovo la CIE?” for a paraphrase, through stemming and the CIE synonym', async () => {
    const { question, found } = await bestQuestion('it', 'rinnovare la carta d’identità')
    expect(question).toBe('Come rinnovo la CIE?')
    expect(found.confidence).toBeGreaterThanOrEqual(0.6)
    // The same with a straight apostrophe and polite filler around it.
    expect(
      (await bestQuestion('it', "Buongiorno, vorrei sapere come posso rinnovare la carta d'identità"))
        .question,
    ).toBe('Come rinnovo la CIE?')
  })

  it('answers other paraphrases of the common questions', async () => {
    const cases: [string, string][] = [
      ['quando scade la tassa sui rifiuti e come si paga', 'Come pago la TARI?'],
      ['ho preso una contravvenzione, come la pago?', 'Come pago una multa?'],
      ['mi sono trasferito: cambio di residenza', 'Come faccio il cambio di residenza?'],
      ['prenotare appuntamento anagrafe', 'Come prenoto un appuntamento all’Anagrafe?'],
      ['la mia auto diesel può entrare in Area B?', 'Posso entrare in Area B con la mia auto?'],
      ['certificato di residenza online', 'Come scarico un certificato anagrafico online?'],
      ['come si ottiene lo spid', 'Come ottengo lo SPID?'],
    ]
    for (const [text, expected] of cases) {
      expect((await bestQuestion('it', text)).question, text).toBe(expected)
    }
  })

  it('offers at most two alternatives besides the answer', async () => {
    const found = await searchKnowledge(t.runtime.db, 'it', 'CIE')
    expect(found.best).not.toBeNull()
    expect(found.alternatives.length).toBeGreaterThan(0)
    expect(found.alternatives.length).toBeLessThanOrEqual(2)
  })

  it('refuses below the confidence threshold instead of guessing', async () => {
    for (const text of [
      'qual è la ricetta della carbonara',
      'quanto costa un biglietto per lo stadio',
      'ciao',
    ]) {
      const found = await searchKnowledge(t.runtime.db, 'it', text)
      expect(found.best, text).toBeNull()
      expect(found.alternatives).toEqual([])
    }
  })
})

describe('English search', () => {
  it('searches the English texts with English stemming and synonyms', async () => {
    expect((await bestQuestion('en', 'renewing my ID card')).question).toBe(
      'How do I renew my electronic identity card?',
    )
    expect((await bestQuestion('en', 'paying the rubbish tax')).question).toBe(
      'How do I pay the waste tax (TARI)?',
    )
  })

  it('falls back to the Italian texts for Italian words in an English question', async () => {
    const { found } = await bestQuestion('en', 'ricorso multa')
    expect(found.language).toBe('it')
    expect(found.best).not.toBeNull()
  })

  it('refuses what it does not know', async () => {
    expect((await searchKnowledge(t.runtime.db, 'en', 'best pizza near the cathedral')).best).toBeNull()
  })
})

describe('the concepts of a question', () => {
  const words = (pairs: string) =>
    pairs.split(' ').map((pair) => {
      const [token, lexeme] = pair.split(':')
      return { token: token as string, lexeme: lexeme ?? '' }
    })

  it('joins a synonym term into one concept, drops filler and repeats', () => {
    const groups = [
      {
        terms: [
          { text: 'CIE', lexemes: ['cie'] },
          { text: 'carta d’identità', lexemes: ['cart', 'ident'] },
        ],
      },
    ]
    const concepts = questionConcepts(
      'it',
      words('vorrei:vorre rinnovare:rinnov la carta:cart d:d identità:ident rinnovo:rinnov'),
      groups,
    )
    expect(concepts).toEqual([['CIE', 'carta d’identità'], ['rinnovare']])
  })
})
