import { describe, expect, it } from 'vitest'
import { addDays, isoWeekday, romeDateAndMinutes, romeInstant } from '../../platform/rome-time.js'
import { easterSunday, holidayCalendar, holidaysOf } from '../city/holidays.js'
import { type BusyInterval, indexBusy, type OfficeCalendar, searchSlots } from './policy.js'
import { seededRandom } from './test-calendar.js'

describe('holidays', () => {
  it('computes Easter', () => {
    expect([2024, 2025, 2026, 2030, 2038].map(easterSunday)).toEqual([
      '2024-03-31',
      '2025-04-20',
      '2026-04-05',
      '2030-04-21',
      '2038-04-25',
    ])
  })

  it('lists the national holidays, Easter Monday and the patron day', () => {
    const holidays = holidaysOf(2026, '12-07')
    expect(holidays.get('2026-04-06')).toBe('Lunedì dell’Angelo')
    expect(holidays.get('2026-12-07')).toBe('Santo patrono')
    expect(holidays.get('2026-10-04')).toBe('San Francesco d’Assisi')
    expect(holidaysOf(2025, '12-07').has('2025-10-04')).toBe(false)
    expect([...holidays.keys()]).toHaveLength(14)
  })
})

describe('Rome wall-clock time', () => {
  it('follows the change of the clocks', () => {
    expect(new Date(romeInstant('2026-03-28', 9 * 60) as number).toISOString()).toBe(
      '2026-03-28T08:00:00.000Z',
    )
    expect(new Date(romeInstant('2026-03-30', 9 * 60) as number).toISOString()).toBe(
      '2026-03-30T07:00:00.000Z',
    )
    // 2:30 does not exist on the last Sunday of March.
    expect(romeInstant('2026-03-29', 2 * 60 + 30)).toBeNull()
    expect(new Date(romeInstant('2026-10-25', 2 * 60 + 30) as number).toISOString()).toBe(
      '2026-10-25T00:30:00.000Z',
    )
    expect(isoWeekday('2026-03-30')).toBe(1)
  })
})

const MINUTE_MS = 60_000

function randomCalendar(
  random: ReturnType<typeof seededRandom>,
  officeId: string,
  startDate: string,
): OfficeCalendar {
  const hours = []
  for (let weekday = 1; weekday <= 7; weekday++) {
    // Up to two intervals a day, sometimes across the night hours the clocks change in.
    let at = random.int(0, 1) === 0 ? random.int(0, 36) * 5 : random.int(84, 120) * 5
    for (let n = random.int(0, 2); n > 0 && at < 23 * 60; n--) {
      const closes = Math.min(at + random.int(6, 60) * 5, 24 * 60 - 5)
      hours.push({ weekday, opensMinute: at, closesMinute: closes })
      at = closes + random.int(1, 24) * 5
    }
  }
  const closures = Array.from({ length: random.int(0, 3) }, () => {
    const fromDate = addDays(startDate, random.int(0, 40))
    return { fromDate, toDate: addDays(fromDate, random.int(0, 4)) }
  })
  const counterIds = Array.from({ length: random.int(1, 3) }, (_, n) => `${officeId}-c${n}`)
  return { officeId, counterIds, hours, closures }
}

describe('slot search over random calendars', () => {
  it('offers no slot outside opening hours, on a closure or holiday, or over a busy counter', () => {
    const isHoliday = holidayCalendar('12-07')
    for (let seed = 1; seed <= 60; seed++) {
      const random = seededRandom(seed)
      // Any moment from 2025 to 2031, so the changes of the clocks and Easter come up.
      const now = Date.UTC(2025, 0, 1) + random.int(0, 6 * 365) * 86_400_000 + random.int(0, 1439) * MINUTE_MS
      const today = romeDateAndMinutes(now).date
      const service = {
        durationMinutes: random.int(1, 12) * 5,
        minNoticeHours: random.int(0, 48),
        maxDaysAhead: random.int(5, 40),
      }
      const offices = Array.from({ length: random.int(1, 3) }, (_, n) =>
        randomCalendar(random, `o${n}`, today),
      )
      const busy: BusyInterval[] = []
      for (const office of offices) {
        for (const counterId of office.counterIds) {
          let at = now
          for (let n = random.int(0, 30); n > 0; n--) {
            at += random.int(1, 600) * 5 * MINUTE_MS
            const endsAt = at + random.int(1, 12) * 5 * MINUTE_MS
            busy.push({ counterId, startsAt: at, endsAt })
            at = endsAt
          }
        }
      }
      const slots = searchSlots({
        service,
        offices,
        busy: indexBusy(busy),
        isHoliday,
        now,
        fromDate: today,
        toDate: addDays(today, 60),
        limit: 500,
      })
      for (const slot of slots) {
        const office = offices.find((candidate) => candidate.officeId === slot.officeId) as OfficeCalendar
        const { date, minutes } = romeDateAndMinutes(slot.startsAt)
        expect(slot.endsAt - slot.startsAt).toBe(service.durationMinutes * MINUTE_MS)
        expect(slot.startsAt).toBeGreaterThanOrEqual(now + service.minNoticeHours * 3_600_000)
        expect(date <= addDays(today, service.maxDaysAhead)).toBe(true)
        expect(isHoliday(date)).toBe(false)
        expect(office.closures.some((closure) => closure.fromDate <= date && date <= closure.toDate)).toBe(
          false,
        )
        const weekday = isoWeekday(date)
        const within = office.hours.some(
          (hours) =>
            hours.weekday === weekday &&
            hours.opensMinute <= minutes &&
            minutes + service.durationMinutes <= hours.closesMinute,
        )
        expect(within, `${seed}: ${new Date(slot.startsAt).toISOString()} outside the hours`).toBe(true)
        for (const counterId of slot.freeCounterIds) {
          const clash = busy.some(
            (interval) =>
              interval.counterId === counterId &&
              interval.startsAt < slot.endsAt &&
              interval.endsAt > slot.startsAt,
          )
          expect(clash).toBe(false)
        }
        expect(slot.freeCounterIds.length).toBe(
          office.counterIds.filter(
            (id) =>
              !busy.some(
                (interval) =>
                  interval.counterId === id &&
                  interval.startsAt < slot.endsAt &&
                  interval.endsAt > slot.startsAt,
              ),
          ).length,
        )
      }
      for (let n = 1; n < slots.length; n++) {
        expect((slots[n] as { startsAt: number }).startsAt).toBeGreaterThanOrEqual(
          (slots[n - 1] as { startsAt: number }).startsAt,
        )
      }
    }
  })
})
