import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { rowsOf } from '../../db/transaction.js'
import { manualClock } from '../../platform/clock.js'
import { createTestApp, type TestApp } from '../../test/app.js'
import { uniqueFiscalCode } from '../../test/identity.js'
import { slotGrid } from './policy.js'
import { loadServiceCalendar } from './search.js'
import {
  type AppointmentsContext,
  bookAppointment,
  cancelAppointment,
  rescheduleAppointment,
} from './service.js'
import { createTestCalendar, seededRandom } from './test-calendar.js'

// Monday 7 October 2030 in Rome; the bookings are for Tuesday the 8th.
const clock = manualClock('2030-10-07T06:00:00Z')
const DAY = '2030-10-08'

describe('random bookings on counters shared by services of different lengths', () => {
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp({ clock, work: false })
  })
  afterAll(async () => {
    await t?.close()
  })

  const citizen = (fiscalCode: string): AppointmentsContext => ({
    ...t.runtime,
    actor: { type: 'citizen', id: fiscalCode, fiscalCode, level: 2, personId: null },
    meta: { ip: null, requestId: null, locale: 'it' },
    notify: { jobs: t.runtime.jobs, clock, ioEnabled: false },
    publicUrl: 'http://localhost:3000',
  })

  it('never lets two bookings overlap on one counter', async () => {
    const calendar = await createTestCalendar(t.runtime.db, {
      counters: 3,
      services: [{ durationMinutes: 10 }, { durationMinutes: 20 }, { durationMinutes: 30 }],
      hours: [{ weekday: 2, opensAt: '09:00', closesAt: '11:00' }],
    })
    const starts = new Map<string, number[]>()
    for (const serviceId of calendar.serviceIds) {
      const loaded = await loadServiceCalendar(t.runtime.db, serviceId, clock.now(), calendar.officeId)
      starts.set(
        serviceId,
        slotGrid(loaded.service, loaded.offices[0] as never, DAY).map((slot) => slot.startsAt),
      )
    }
    const random = seededRandom(20301008)
    const pick = <T>(list: readonly T[]) => list[random.int(0, list.length - 1)] as T
    const booked: { code: string; serviceId: string; who: AppointmentsContext }[] = []
    const outcomes: string[] = []
    for (let round = 0; round < 8; round++) {
      const attempts = Array.from({ length: 12 }, async () => {
        const roll = random.next()
        if (roll < 0.15 && booked.length > 0) {
          const victim = booked.splice(random.int(0, booked.length - 1), 1)[0] as (typeof booked)[number]
          await cancelAppointment(victim.who, victim.code)
          return 'cancelled'
        }
        if (roll < 0.3 && booked.length > 0) {
          const mover = pick(booked)
          const start = pick(starts.get(mover.serviceId) as number[])
          return rescheduleAppointment(mover.who, mover.code, new Date(start)).then(
            () => 'moved',
            (error: { status?: number; message?: string }) => `move-${error.status ?? error.message}`,
          )
        }
        const serviceId = pick(calendar.serviceIds)
        const who = citizen(uniqueFiscalCode())
        const start = pick(starts.get(serviceId) as number[])
        return bookAppointment(who, {
          serviceId,
          officeId: calendar.officeId,
          startsAt: new Date(start),
          reason: '',
          notes: '',
          contact: '',
        }).then(
          (result) => {
            booked.push({ code: result.code, serviceId, who })
            return 'booked'
          },
          (error: { status?: number; message?: string }) => `book-${error.status ?? error.message}`,
        )
      })
      outcomes.push(...(await Promise.all(attempts)))
    }
    expect(outcomes.filter((outcome) => /^(book|move)-(?!409$)/.test(outcome))).toEqual([])
    expect(outcomes.filter((outcome) => outcome === 'booked').length).toBeGreaterThan(5)
    const overlaps = rowsOf<{ count: number }>(
      await t.runtime.db.execute(sql`
        select count(*)::int as count
        from appointment_bookings a
        join appointment_bookings b
          on a.counter_id = b.counter_id and a.id < b.id
         and a.starts_at < b.ends_at and b.starts_at < a.ends_at
        where a.status <> 'cancelled' and b.status <> 'cancelled' and a.office_id = ${calendar.officeId}`),
    )
    expect(overlaps[0]?.count).toBe(0)
    // Every live booking holds exactly its own time, and a cancelled one holds none.
    const claims = rowsOf<{ wrong: number }>(
      await t.runtime.db.execute(sql`
        select count(*)::int as wrong from appointment_bookings b
        where b.office_id = ${calendar.officeId} and (
          select count(*) from appointment_counter_claims c
          where c.booking_id = b.id and c.counter_id = b.counter_id
            and c.starts_at >= b.starts_at and c.starts_at < b.ends_at
        ) <> case when b.status = 'cancelled' then 0
                  else extract(epoch from b.ends_at - b.starts_at)::int / 300 end`),
    )
    expect(claims[0]?.wrong).toBe(0)
  })
})
