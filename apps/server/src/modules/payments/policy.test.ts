import { describe, expect, it } from 'vitest'
import {
  centsFromEuro,
  formatNoticeNumber,
  isValidNoticeNumber,
  navCheckDigits,
  noticeNumberFor,
  payableOptionIds,
  positionStatusOf,
  qrPayload,
} from './policy.js'

describe('pagoPA notice numbers', () => {
  it('computes the check digits of the published examples', () => {
    expect(navCheckDigits('3010111000073475')).toBe('57')
    expect(navCheckDigits('0013400000139008')).toBe('08')
    expect(isValidNoticeNumber('301011100007347557')).toBe(true)
    expect(isValidNoticeNumber('001340000013900808')).toBe(true)
    expect(isValidNoticeNumber('301011100007347558')).toBe(false)
    expect(isValidNoticeNumber('30101110000734755')).toBe(false)
  })

  it('issues aux-3 numbers from the sequence with the segregation code', () => {
    expect(noticeNumberFor('01', 111000073475n)).toEqual({
      nav: '301011100007347557',
      iuv: '01011100007347557',
    })
    const first = noticeNumberFor('01', 1)
    expect(first.nav).toMatch(/^3010000000000001\d\d$/)
    expect(isValidNoticeNumber(first.nav)).toBe(true)
    expect(() => noticeNumberFor('50', 1)).toThrow()
    expect(() => noticeNumberFor('01', 10n ** 13n)).toThrow()
  })

  it('prints in groups of four and encodes the QR payload', () => {
    expect(formatNoticeNumber('301011100007347557')).toBe('3010 1110 0007 3475 57')
    expect(qrPayload('301011100007347557', '01199250158', 12345)).toBe(
      'PAGOPA|002|301011100007347557|01199250158|12345',
    )
    expect(() => qrPayload('301011100007347558', '01199250158', 100)).toThrow()
    expect(() => qrPayload('301011100007347557', '0119925015', 100)).toThrow()
    expect(() => qrPayload('301011100007347557', '01199250158', 0)).toThrow()
  })

  it('reads euro amounts of a roll', () => {
    expect(centsFromEuro('123,45')).toBe(12345)
    expect(centsFromEuro('123.4')).toBe(12340)
    expect(centsFromEuro('7')).toBe(700)
    expect(centsFromEuro('0')).toBeNull()
    expect(centsFromEuro('-5')).toBeNull()
    expect(centsFromEuro('1.234,56')).toBeNull()
  })
})

describe('a position and its options', () => {
  const today = '2026-12-01'
  const single = { id: 's', kind: 'single' as const, status: 'unpaid' as const, dueDate: '2026-12-16' }
  const rate = (id: string, status: 'paid' | 'unpaid', dueDate: string) => ({
    id,
    kind: 'instalment' as const,
    status,
    dueDate,
  })

  it('is paid by the single payment or by every instalment', () => {
    expect(positionStatusOf([{ ...single, status: 'paid' }, rate('a', 'unpaid', '2026-12-16')], today)).toBe(
      'paid',
    )
    expect(
      positionStatusOf([single, rate('a', 'paid', '2026-10-01'), rate('b', 'paid', '2026-12-16')], today),
    ).toBe('paid')
    expect(
      positionStatusOf([single, rate('a', 'paid', '2026-10-01'), rate('b', 'unpaid', '2026-12-16')], today),
    ).toBe('partially-paid')
    expect(positionStatusOf([single, rate('a', 'unpaid', '2026-12-16')], today)).toBe('published')
    expect(
      positionStatusOf([{ ...single, dueDate: '2026-11-01' }, rate('a', 'unpaid', '2026-11-01')], today),
    ).toBe('expired')
  })

  it('stops offering the single payment once an instalment is paid', () => {
    expect(payableOptionIds([single, rate('a', 'unpaid', '2026-12-16')])).toEqual(['s', 'a'])
    expect(
      payableOptionIds([single, rate('a', 'paid', '2026-10-01'), rate('b', 'unpaid', '2026-12-16')]),
    ).toEqual(['b'])
    expect(payableOptionIds([{ ...single, status: 'paid' }, rate('a', 'unpaid', '2026-12-16')])).toEqual([])
  })
})
