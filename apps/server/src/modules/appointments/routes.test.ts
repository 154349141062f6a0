import { and, eq, ne, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditLog } from '../../platform/audit-tables.js'
import { manualClock } from '../../platform/clock.js'
import { createTestApp, type TestApp } from '../../test/app.js'
import { createCitizenSession, type TestSession } from '../../test/identity.js'
import { appointmentBookings } from './tables.js'
import { createTestCalendar, type TestCalendar } from './test-calendar.js'

// Monday 4 March 2030, 7:00 in Rome (UTC+1): the tests book on Tuesday the 5th.
const clock = manualClock('2030-03-04T06:00:00Z')
const TUESDAY = '2030-03-05'
const at = (rome: string) => new Date(`${TUESDAY}T${rome}:00+01:00`).toISOString()

describe('appointments', () => {
  let t: TestApp
  let calendar: TestCalendar
  let session: TestSession & { fiscalCode: string }

  beforeAll(async () => {
    t = await createTestApp({ clock, work: false })
    // Two counters, one 20-minute service, Tuesdays 9:00–10:00: three starts, six seats.
    calendar = await createTestCalendar(t.runtime.db, {
      counters: 2,
      services: [{ durationMinutes: 20, minNoticeHours: 1 }],
      hours: [{ weekday: 2, opensAt: '09:00', closesAt: '10:00' }],
    })
    session = await createCitizenSession(t.runtime)
  })
  afterAll(async () => {
    await t?.close()
  })

  const service = () => calendar.serviceIds[0] as string
  const book = (start: string, who: TestSession = session, extra: object = {}) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/appointments',
      headers: who.headers,
      payload: { service: service(), office: calendar.officeId, start, reason: 'Rinnovo', ...extra },
    })
  const slots = async (query: string) =>
    (
      await t.app.inject({ method: 'GET', url: `/api/v1/appointments/slots?service=${service()}&${query}` })
    ).json()
  const post = (url: string, who: TestSession, payload?: object) =>
    t.app.inject({ method: 'POST', url, headers: who.headers, ...(payload ? { payload } : {}) })

  it('lists the services with their offices, and the free slots of a day', async () => {
    const services = (await t.app.inject({ method: 'GET', url: '/api/v1/appointments/services' })).json()
    const mine = services.find((candidate: { id: string }) => candidate.id === service())
    expect(mine).toMatchObject({ durationMinutes: 20, offices: [{ id: calendar.officeId }] })
    const day = await slots(`office=${calendar.officeId}&date=${TUESDAY}`)
    expect(
      day.slots.map((slot: { startsAt: string; freeCounters: number }) => [slot.startsAt, slot.freeCounters]),
    ).toEqual([
      [at('09:00'), 2],
      [at('09:20'), 2],
      [at('09:40'), 2],
    ])
    const next = await slots('limit=4')
    expect(next.slots[0].startsAt).toBe(at('09:00'))
    // The following Tuesday comes next: no other day is open.
    expect(next.slots[3].startsAt).toBe(new Date('2030-03-12T09:00:00+01:00').toISOString())
  })

  it('books, lists, refuses a second active booking, cancels and reschedules', async () => {
    const booked = await book(at('09:00'))
    expect(booked.statusCode).toBe(201)
    const { code } = booked.json()
    expect(code).toMatch(/^[A-Z2-9]{8}$/)
    const listed = (
      await t.app.inject({ method: 'GET', url: '/api/v1/appointments', headers: session.headers })
    ).json()
    expect(listed[0]).toMatchObject({
      code,
      status: 'booked',
      channel: 'web',
      startsAt: at('09:00'),
      reason: 'Rinnovo',
    })
    expect((await slots(`office=${calendar.officeId}&date=${TUESDAY}`)).slots[0].freeCounters).toBe(1)

    const second = await book(at('09:40'))
    expect(second.statusCode).toBe(409)
    expect(second.json().detail).toBe(
      'Hai già 1 appuntamenti attivi per questo servizio: annullane uno prima di prenotarne un altro.',
    )

    const moved = await post(`/api/v1/appointments/${code}/reschedule`, session, { start: at('09:20') })
    expect(moved.statusCode).toBe(200)
    expect(moved.json()).toMatchObject({ code, startsAt: at('09:20') })
    const day = (await slots(`office=${calendar.officeId}&date=${TUESDAY}`)).slots
    expect(day.map((slot: { freeCounters: number }) => slot.freeCounters)).toEqual([2, 1, 2])

    const cancelled = await post(`/api/v1/appointments/${code.toLowerCase()}/cancel`, session)
    expect(cancelled.json()).toMatchObject({ code, status: 'cancelled' })
    expect((await post(`/api/v1/appointments/${code}/cancel`, session)).statusCode).toBe(409)
    expect((await book(at('09:40'))).statusCode).toBe(201)
    const actions = await t.runtime.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(eq(auditLog.subjectId, session.fiscalCode))
    expect(actions.map((row) => row.action).sort()).toEqual([
      'appointments.booked',
      'appointments.booked',
      'appointments.cancelled',
      'appointments.rescheduled',
    ])
  })

  it('answers another citizen’s code as missing', async () => {
    const owner = await createCitizenSession(t.runtime)
    const { code } = (await book(at('09:20'), owner)).json()
    const stranger = await createCitizenSession(t.runtime)
    expect((await post(`/api/v1/appointments/${code}/cancel`, stranger)).statusCode).toBe(404)
    const moved = await post(`/api/v1/appointments/${code}/reschedule`, stranger, { start: at('09:00') })
    expect(moved.statusCode).toBe(404)
    expect(moved.json().detail).toBe('Questo appuntamento non esiste o non è tuo.')
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/appointments' })).statusCode).toBe(401)
  })

  it('refuses bad input with a problem in Italian', async () => {
    const other = await createCitizenSession(t.runtime)
    const offGrid = await book(at('09:10'), other)
    expect(offGrid.statusCode).toBe(400)
    expect(offGrid.json().detail).toBe('L’orario scelto non corrisponde a un appuntamento disponibile.')
    const closedDay = await book(new Date('2030-03-06T09:00:00+01:00').toISOString(), other)
    expect(closedDay.json().detail).toBe('L’orario scelto non corrisponde a un appuntamento disponibile.')
    const tooSoon = await book(new Date('2030-03-04T07:30:00+01:00').toISOString(), other)
    expect(tooSoon.json().detail).toBe('L’orario scelto è troppo vicino: scegline uno più avanti.')
    const missing = await t.app.inject({
      method: 'POST',
      url: '/api/v1/appointments',
      headers: other.headers,
      payload: { office: calendar.officeId, start: 'domani' },
    })
    expect(missing.statusCode).toBe(400)
    expect(missing.json().errors).toEqual(
      expect.arrayContaining([{ path: 'body.service', message: 'campo obbligatorio' }]),
    )
    const badQuery = await t.app.inject({ method: 'GET', url: '/api/v1/appointments/slots?service=x' })
    expect(badQuery.statusCode).toBe(400)
  })

  it('gives the last seat to exactly one of thirty racers; the others get 409 and alternatives', async () => {
    // One counter, one 30-minute slot a day (Tuesdays 11:00–11:30): a single seat on the 5th.
    const race = await createTestCalendar(t.runtime.db, {
      counters: 1,
      services: [{ durationMinutes: 30 }],
      hours: [{ weekday: 2, opensAt: '11:00', closesAt: '11:30' }],
    })
    const racers = await Promise.all(Array.from({ length: 30 }, () => createCitizenSession(t.runtime)))
    const start = at('11:00')
    const answers = await Promise.all(
      racers.map((racer) =>
        t.app.inject({
          method: 'POST',
          url: '/api/v1/appointments',
          headers: racer.headers,
          payload: { service: race.serviceIds[0], office: race.officeId, start },
        }),
      ),
    )
    const statuses = answers.map((answer) => answer.statusCode)
    expect(statuses.filter((status) => status >= 500)).toEqual([])
    expect(statuses.filter((status) => status === 201)).toHaveLength(1)
    expect(statuses.filter((status) => status === 409)).toHaveLength(29)
    for (const answer of answers.filter((candidate) => candidate.statusCode === 409)) {
      expect(answer.headers['content-type']).toContain('application/problem+json')
      expect(answer.json().code).toBe('CONFLICT')
      expect(answer.json().alternatives.map((slot: { startsAt: string }) => slot.startsAt)).toEqual([
        new Date('2030-03-12T11:00:00+01:00').toISOString(),
        new Date('2030-03-19T11:00:00+01:00').toISOString(),
        new Date('2030-03-26T11:00:00+01:00').toISOString(),
      ])
    }
    const held = await t.runtime.db
      .select({ count: sql<number>`count(*)::int` })
      .from(appointmentBookings)
      .where(
        and(
          eq(appointmentBookings.counterId, race.counterIds[0] as string),
          ne(appointmentBookings.status, 'cancelled'),
        ),
      )
    expect(held[0]?.count).toBe(1)
  })
})
