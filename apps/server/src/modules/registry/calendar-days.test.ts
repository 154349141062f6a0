import { describe, expect, it } from 'vitest'
import {
  addCalendarYears,
  dayNumberFromIso,
  isoFromDayNumber,
  romeCalendarDate,
  yearsInDays,
} from './calendar-days.js'

describe('day numbers', () => {
  it('agree with the JavaScript calendar over two centuries', () => {
    const mismatches: string[] = []
    for (let day = dayNumberFromIso('1900-01-01'); day <= dayNumberFromIso('2100-12-31'); day += 1) {
      const iso = new Date(day * 86_400_000).toISOString().slice(0, 10)
      if (isoFromDayNumber(day) !== iso || dayNumberFromIso(iso) !== day) mismatches.push(iso)
    }
    expect(mismatches).toEqual([])
    expect(dayNumberFromIso('1970-01-01')).toBe(0)
    expect(dayNumberFromIso('2000-02-29')).toBe(Date.UTC(2000, 1, 29) / 86_400_000)
  })

  it('refuses dates that do not exist', () => {
    expect(() => dayNumberFromIso('1900-02-29')).toThrow(RangeError)
    expect(() => dayNumberFromIso('2026-04-31')).toThrow(RangeError)
    expect(() => dayNumberFromIso('2026-4-1')).toThrow(RangeError)
  })

  it('moves by calendar years and approximate year spans', () => {
    expect(isoFromDayNumber(addCalendarYears(dayNumberFromIso('1985-12-10'), 18))).toBe('2003-12-10')
    expect(isoFromDayNumber(addCalendarYears(dayNumberFromIso('2000-02-29'), 1))).toBe('2001-03-01')
    expect(yearsInDays(100)).toBe(36_524)
  })

  it('takes the date in Rome of an instant', () => {
    expect(romeCalendarDate(new Date('2025-12-31T23:30:00Z'))).toBe('2026-01-01')
    expect(romeCalendarDate(new Date('2026-07-01T21:59:00Z'))).toBe('2026-07-01')
    expect(romeCalendarDate('2026-03-15')).toBe('2026-03-15')
    expect(() => romeCalendarDate(new Date('not a date'))).toThrow(RangeError)
  })
})
