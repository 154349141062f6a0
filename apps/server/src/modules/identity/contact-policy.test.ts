import { describe, expect, it } from 'vitest'
import {
  codeRequestAllowance,
  codeState,
  isContactVerified,
  isSameVerifiedContact,
  verifiedContactsOf,
} from './contact-policy.js'

const NOW = new Date('2026-03-02T10:00:00Z')
const minutesAgo = (minutes: number) => new Date(NOW.getTime() - minutes * 60_000)

describe('contact rules', () => {
  const account = {
    email: 'mario@example.it',
    emailVerifiedAt: new Date('2026-01-01T00:00:00Z'),
    mobilePhone: '+393331234567',
    mobilePhoneVerifiedAt: null,
  }

  it('uses a contact only once verified', () => {
    expect(isContactVerified(account, 'email')).toBe(true)
    expect(isContactVerified(account, 'sms')).toBe(false)
    expect(verifiedContactsOf(account)).toEqual({ email: 'mario@example.it', mobile: null })
    expect(isSameVerifiedContact(account, 'email', 'mario@example.it')).toBe(true)
    expect(isSameVerifiedContact(account, 'sms', '+393331234567')).toBe(false)
  })

  it('allows five codes in a sliding hour and says when the next one is possible', () => {
    expect(
      codeRequestAllowance([minutesAgo(50), minutesAgo(40), minutesAgo(30), minutesAgo(20)], NOW),
    ).toEqual({
      allowed: true,
    })
    const five = [minutesAgo(50), minutesAgo(40), minutesAgo(30), minutesAgo(20), minutesAgo(10)]
    expect(codeRequestAllowance(five, NOW)).toEqual({ allowed: false, retryAfterSeconds: 600 })
    expect(codeRequestAllowance([minutesAgo(61), ...five.slice(1)], NOW)).toEqual({ allowed: true })
  })

  it('tells usable, expired and burnt codes apart', () => {
    const fresh = { expiresAt: new Date(NOW.getTime() + 60_000), attempts: 0, consumedAt: null }
    expect(codeState(fresh, NOW)).toBe('usable')
    expect(codeState({ ...fresh, attempts: 4 }, NOW)).toBe('usable')
    expect(codeState({ ...fresh, attempts: 5, consumedAt: NOW }, NOW)).toBe('burnt')
    expect(codeState({ ...fresh, expiresAt: NOW }, NOW)).toBe('expired')
    expect(codeState({ ...fresh, consumedAt: NOW }, NOW)).toBe('expired')
  })
})
