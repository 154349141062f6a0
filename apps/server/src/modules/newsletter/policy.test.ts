import { describe, expect, it } from 'vitest'
import {
  batchStartOffsetsMs,
  campaignWordsFor,
  isPermanentRefusal,
  maskEmail,
  mayResendConfirmation,
} from './policy.js'

describe('newsletter policy', () => {
  it('spaces batches so the relay never gets more than its rate', () => {
    expect(batchStartOffsetsMs(4, 200, 100)).toEqual([0, 2000, 4000, 6000])
    expect(batchStartOffsetsMs(3, 200, 1000)).toEqual([0, 200, 400])
    expect(batchStartOffsetsMs(0, 200, 100)).toEqual([])
  })

  it('masks addresses and tells permanent refusals from temporary ones', () => {
    expect(maskEmail('mario.rossi@example.it')).toBe('m•••@example.it')
    expect(isPermanentRefusal({ cause: { responseCode: 550 } })).toBe(true)
    expect(isPermanentRefusal({ cause: { responseCode: 421 } })).toBe(false)
    expect(isPermanentRefusal(new Error('connection refused'))).toBe(false)
  })

  it('resends a confirmation only after a pause', () => {
    const sent = new Date('2026-12-01T10:00:00Z')
    expect(mayResendConfirmation(null, sent)).toBe(true)
    expect(mayResendConfirmation(sent, new Date('2026-12-01T10:01:00Z'))).toBe(false)
    expect(mayResendConfirmation(sent, new Date('2026-12-01T10:02:00Z'))).toBe(true)
  })

  it('writes to English readers in English only when the campaign has both words', () => {
    const both = { subject: { it: 'Ciao', en: 'Hello' }, body: { it: 'Testo', en: 'Text' } }
    expect(campaignWordsFor(both, 'en')).toEqual({ subject: 'Hello', body: 'Text', locale: 'en' })
    expect(
      campaignWordsFor({ subject: { it: 'Ciao', en: 'Hello' }, body: { it: 'Testo' } }, 'en').locale,
    ).toBe('it')
    expect(campaignWordsFor(both, 'it').subject).toBe('Ciao')
  })
})
