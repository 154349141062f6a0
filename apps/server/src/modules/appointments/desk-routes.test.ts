import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditLog } from '../../platform/audit-tables.js'
import { manualClock } from '../../platform/clock.js'
import { createTestApp, type TestApp } from '../../test/app.js'
import { createCitizenSession, createStaffSession, type TestSession } from '../../test/identity.js'
import { createHousehold } from '../../test/registry.js'
import { serviceUseEvents } from '../surveys/tables.js'
import { insertCounter, linkCounterServices } from './calendar-repo.js'
import { createTestCalendar, type TestCalendar } from './test-calendar.js'

// Monday 4 March 2030, 7:00 in Rome (UTC+1); the office opens at 9:00 on Mondays and Tuesdays.
const clock = manualClock('2030-03-04T06:00:00Z')
const MONDAY = '2030-03-04'
const at = (rome: string, day = MONDAY) => new Date(`${day}T${rome}:00+01:00`).toISOString()
const MISSING = '00000000-0000-4000-8000-000000000000'

interface DeskBooking {
  code: string
  status: string
  ticketNumber: number | null
  ticket: string | null
  service: { id: string; name: string }
  calledTo: { id: string; name: string } | null
  citizen: { fiscalCode: string; name: string | null }
  calledAt: string | null
}

describe('counter desk', () => {
  let t: TestApp
  let operator: TestSession
  let supervisor: TestSession

  beforeAll(async () => {
    t = await createTestApp({ clock, work: false })
    operator = await createStaffSession(t.runtime, { roles: ['operator'] })
    supervisor = await createStaffSession(t.runtime, { roles: ['supervisor'] })
  })
  afterAll(async () => {
    await t?.close()
  })

  /** An office of its own: two counters, a 20- and a 10-minute service, Mondays and Tuesdays 9–12. */
  const newOffice = (counters = 2) =>
    createTestCalendar(t.runtime.db, {
      counters,
      services: [{ durationMinutes: 20 }, { durationMinutes: 10 }],
      hours: [
        { weekday: 1, opensAt: '09:00', closesAt: '12:00' },
        { weekday: 2, opensAt: '09:00', closesAt: '12:00' },
      ],
    })

  /** Books through the citizen API, each time as a new citizen (one active booking per service). */
  async function book(calendar: TestCalendar, start: string, service = 0, who?: TestSession) {
    clock.set('2030-03-04T06:00:00Z')
    const citizen = who ?? (await createCitizenSession(t.runtime))
    const booked = await t.app.inject({
      method: 'POST',
      url: '/api/v1/appointments',
      headers: citizen.headers,
      payload: { service: calendar.serviceIds[service], office: calendar.officeId, start },
    })
    expect(booked.statusCode, booked.body).toBe(201)
    return booked.json().code as string
  }

  /** Moves the clock to a time of Monday and signs the operator in afresh (sessions go idle). */
  async function workFrom(rome: string) {
    clock.set(at(rome))
    operator = await createStaffSession(t.runtime, { roles: ['operator'] })
  }

  const get = (url: string, who: TestSession = operator, locale = 'it') =>
    t.app.inject({
      method: 'GET',
      url: `/api/v1${url}`,
      headers: { ...who.headers, 'accept-language': locale },
    })
  const post = (url: string, payload?: object, who: TestSession = operator, locale = 'it') =>
    t.app.inject({
      method: 'POST',
      url: `/api/v1${url}`,
      headers: { ...who.headers, 'accept-language': locale },
      ...(payload ? { payload } : {}),
    })
  const checkIn = (calendar: TestCalendar, code: string, locale = 'it') =>
    post('/staff/desk/check-in', { officeId: calendar.officeId, code }, operator, locale)
  const callNext = (counterId: string) => post(`/staff/desk/counters/${counterId}/call-next`)

  it('lets operators, supervisors and administrators in, and keeps citizens and analysts out', async () => {
    const calendar = await newOffice()
    const citizen = await createCitizenSession(t.runtime)
    const analyst = await createStaffSession(t.runtime, { roles: ['analyst'] })
    const admin = await createStaffSession(t.runtime, { roles: ['admin'] })
    for (const who of [citizen, analyst]) {
      expect((await get('/staff/desk/offices', who)).statusCode).toBe(403)
      expect((await get(`/staff/desk/offices/${calendar.officeId}/agenda`, who)).statusCode).toBe(403)
      expect(
        (await post('/staff/desk/check-in', { officeId: calendar.officeId, code: 'ABCDEFGH' }, who))
          .statusCode,
      ).toBe(403)
      expect(
        (await post(`/staff/desk/counters/${calendar.counterIds[0]}/call-next`, undefined, who)).statusCode,
      ).toBe(403)
    }
    for (const who of [operator, supervisor, admin]) {
      expect((await get('/staff/desk/offices', who)).statusCode).toBe(200)
    }
    const unknownOffice = await get(`/staff/desk/offices/${MISSING}/agenda`)
    expect(unknownOffice.statusCode).toBe(404)
    expect(unknownOffice.json().detail).toBe('Questa sede non esiste.')
    expect((await callNext(MISSING)).json().detail).toBe('Questo sportello non esiste.')
    expect((await get(`/appointments/display/${MISSING}`, citizen, 'en')).json().detail).toBe(
      'This office does not exist.',
    )
    expect((await get(`/staff/desk/offices/${calendar.officeId}/agenda?date=ieri`)).statusCode).toBe(400)
  })

  it('lists offices with their counters and the services each serves', async () => {
    const calendar = await newOffice()
    const counter = await insertCounter(t.runtime.db, { officeId: calendar.officeId, name: 'Sportello 3' })
    await linkCounterServices(t.runtime.db, [
      { counterId: counter.id, serviceId: calendar.serviceIds[1] as string },
    ])
    const offices = (await get('/staff/desk/offices')).json()
    const office = offices.find((candidate: { id: string }) => candidate.id === calendar.officeId)
    expect(office.counters.map((c: { name: string }) => c.name)).toEqual([
      'Sportello 1',
      'Sportello 2',
      'Sportello 3',
    ])
    expect(office.counters[0].services).toHaveLength(2)
    expect(office.counters[2].services.map((s: { id: string }) => s.id)).toEqual([calendar.serviceIds[1]])
  })

  it('shows the day’s agenda by start with the citizen’s name from the registry, and audits the look', async () => {
    const calendar = await newOffice()
    const { parent } = await createHousehold(t.runtime.db)
    const resident = await createCitizenSession(t.runtime, { fiscalCode: parent.fiscalCode })
    const late = await book(calendar, at('10:00'))
    const early = await book(calendar, at('09:00'), 0, resident)
    const canceller = await createCitizenSession(t.runtime)
    const dropped = await book(calendar, at('09:20'), 0, canceller)
    const otherDay = await book(calendar, at('09:00', '2030-03-05'))
    // A cancelled booking gives its time back and leaves the agenda.
    expect((await post(`/appointments/${dropped}/cancel`, undefined, canceller)).statusCode).toBe(200)
    await workFrom('08:30')
    const agenda = await get(`/staff/desk/offices/${calendar.officeId}/agenda`)
    expect(agenda.statusCode).toBe(200)
    expect(agenda.headers['cache-control']).toBe('no-store')
    const body = agenda.json()
    expect(body).toMatchObject({ date: MONDAY, today: true, office: { id: calendar.officeId } })
    expect(body.bookings.map((b: DeskBooking) => b.code)).toEqual([early, late])
    expect(body.bookings[0].citizen).toEqual({
      fiscalCode: parent.fiscalCode,
      name: `${parent.givenName} ${parent.familyName}`,
    })
    expect(body.bookings[1].citizen.name).toBeNull()
    const tuesday = (await get(`/staff/desk/offices/${calendar.officeId}/agenda?date=2030-03-05`)).json()
    expect(tuesday).toMatchObject({ today: false, bookings: [{ code: otherDay }] })
    const audits = await t.runtime.db
      .select()
      .from(auditLog)
      .where(
        and(eq(auditLog.action, 'appointments.agenda-viewed'), eq(auditLog.subjectId, calendar.officeId)),
      )
    expect(audits.map((row) => (row.details as { date: string }).date)).toEqual([MONDAY, '2030-03-05'])
  })

  it('checks in by code with consecutive tickets, once, and refuses the wrong office, day or time', async () => {
    const calendar = await newOffice()
    const elsewhere = await newOffice()
    const first = await book(calendar, at('09:00'))
    const second = await book(calendar, at('09:20'))
    const third = await book(calendar, at('09:40'))
    const tomorrow = await book(calendar, at('09:00', '2030-03-05'))
    const missed = await book(calendar, at('09:00'), 1)
    await workFrom('09:10')

    const checked = await checkIn(calendar, `  ${second.toLowerCase()}\n`)
    expect(checked.statusCode).toBe(200)
    expect(checked.json()).toMatchObject({
      alreadyCheckedIn: false,
      booking: { code: second, status: 'checked-in', ticketNumber: 1, ticket: '001' },
    })
    expect((await checkIn(calendar, first)).json().booking.ticketNumber).toBe(2)
    const again = await checkIn(calendar, second)
    expect(again.json()).toMatchObject({ alreadyCheckedIn: true, booking: { ticketNumber: 1 } })
    expect((await checkIn(calendar, third)).json().booking.ticket).toBe('003')

    const wrongOffice = await post('/staff/desk/check-in', { officeId: elsewhere.officeId, code: tomorrow })
    expect(wrongOffice.statusCode).toBe(409)
    expect(wrongOffice.json().detail).toBe('Questa prenotazione è per un’altra sede.')
    const otherDay = await checkIn(calendar, tomorrow)
    expect(otherDay.statusCode).toBe(409)
    expect(otherDay.json().detail).toBe('Questa prenotazione è per il 5 marzo 2030, non per oggi.')
    expect((await checkIn(calendar, tomorrow, 'en')).json().detail).toBe(
      'This booking is for 5 March 2030, not for today.',
    )
    await workFrom('09:31')
    const tooLate = await checkIn(calendar, missed)
    expect(tooLate.statusCode).toBe(409)
    expect(tooLate.json().detail).toBe(
      'L’orario della prenotazione è passato da più di 30 minuti: il cittadino deve prenotare di nuovo.',
    )
    const badCode = await checkIn(calendar, 'ABC')
    expect(badCode.statusCode).toBe(400)
    expect(badCode.json().errors).toEqual([
      { path: 'body.code', message: 'Il codice di prenotazione è fatto di 8 lettere e cifre.' },
    ])
    expect((await checkIn(calendar, 'ZZZZZZZZ')).statusCode).toBe(404)
    const audited = await t.runtime.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'appointments.checked-in'))
    expect(
      audited.filter((row) => (row.details as { officeId: string }).officeId === calendar.officeId),
    ).toHaveLength(3)
  })

  it('calls by booked start then arrival, only for the counter’s services, and says when nobody waits', async () => {
    const calendar = await newOffice()
    // A third counter serves the 10-minute service only.
    const shortOnly = await insertCounter(t.runtime.db, { officeId: calendar.officeId, name: 'Sportello 3' })
    await linkCounterServices(t.runtime.db, [
      { counterId: shortOnly.id, serviceId: calendar.serviceIds[1] as string },
    ])
    const long0900 = await book(calendar, at('09:00'), 0)
    const short0910 = await book(calendar, at('09:10'), 1)
    const short0900 = await book(calendar, at('09:00'), 1)
    const long0940 = await book(calendar, at('09:40'), 0)
    await workFrom('08:40')
    for (const code of [long0940, short0910, long0900, short0900]) {
      expect((await checkIn(calendar, code)).statusCode).toBe(200)
      clock.advance(60_000)
    }
    const calledBy = async (counterId: string) => (await callNext(counterId)).json()
    const fromShort = await calledBy(shortOnly.id)
    expect(fromShort).toMatchObject({
      called: { code: short0900, status: 'called', calledTo: { id: shortOnly.id, name: 'Sportello 3' } },
      waiting: 3,
    })
    expect((await calledBy(shortOnly.id)).called.code).toBe(short0910)
    expect(await calledBy(shortOnly.id)).toEqual({ called: null, waiting: 2 })
    const counter1 = calendar.counterIds[0] as string
    expect((await calledBy(counter1)).called.code).toBe(long0900)
    expect((await calledBy(counter1)).called.code).toBe(long0940)
    expect(await calledBy(counter1)).toEqual({ called: null, waiting: 0 })
  })

  it('recalls, serves once with one service-use event, and marks no-shows only once the time has come', async () => {
    const calendar = await newOffice()
    const served = await book(calendar, at('09:00'))
    const absent = await book(calendar, at('09:20'))
    const early = await book(calendar, at('10:00'))
    await workFrom('08:55')
    await checkIn(calendar, served)
    const counter = calendar.counterIds[1] as string
    const call = (await callNext(counter)).json().called as DeskBooking
    clock.advance(90_000)
    const recalled = await post(`/staff/desk/bookings/${served}/recall`)
    expect(recalled.statusCode).toBe(200)
    expect(Date.parse(recalled.json().calledAt)).toBe(Date.parse(call.calledAt as string) + 90_000)

    const done = await post(`/staff/desk/bookings/${served.toLowerCase()}/served`)
    expect(done.statusCode).toBe(200)
    expect(done.json()).toMatchObject({ status: 'served', finishedAt: clock.now().toISOString() })
    const twice = await post(`/staff/desk/bookings/${served}/served`)
    expect(twice.statusCode).toBe(409)
    expect(twice.json().detail).toBe('Questo cittadino è già stato servito.')
    const uses = await t.runtime.db
      .select()
      .from(serviceUseEvents)
      .where(eq(serviceUseEvents.subjectId, served))
    expect(uses).toHaveLength(1)
    expect(uses[0]).toMatchObject({ kind: 'appointment-served', channel: 'web' })
    expect((await post(`/staff/desk/bookings/${absent}/served`)).json().detail).toBe(
      'Il cittadino non ha ancora fatto l’accettazione.',
    )

    expect((await post(`/staff/desk/bookings/${absent}/no-show`)).json().detail).toBe(
      'L’orario della prenotazione non è ancora arrivato.',
    )
    await workFrom('09:21')
    expect((await post(`/staff/desk/bookings/${absent}/no-show`)).json().status).toBe('no-show')
    expect((await post(`/staff/desk/bookings/${early}/recall`)).statusCode).toBe(409)
    expect((await post('/staff/desk/bookings/nope/served')).statusCode).toBe(400)
    const actions = await t.runtime.db
      .select({ action: auditLog.action, details: auditLog.details })
      .from(auditLog)
    const mine = actions
      .filter((row) => [served, absent].includes((row.details as { code?: string }).code ?? ''))
      .map((row) => row.action)
    expect(mine.sort()).toEqual(
      [
        'appointments.booked',
        'appointments.booked',
        'appointments.called',
        'appointments.checked-in',
        'appointments.no-show',
        'appointments.recalled',
        'appointments.served',
      ].sort(),
    )
  })

  it('shows the display without names, codes or fiscal codes', async () => {
    const calendar = await newOffice()
    const { parent } = await createHousehold(t.runtime.db)
    const resident = await createCitizenSession(t.runtime, { fiscalCode: parent.fiscalCode })
    const first = await book(calendar, at('09:00'), 0, resident)
    const second = await book(calendar, at('09:20'))
    const third = await book(calendar, at('09:40'))
    await workFrom('08:50')
    for (const code of [first, second, third]) await checkIn(calendar, code)
    await callNext(calendar.counterIds[0] as string)
    clock.advance(60_000)
    await callNext(calendar.counterIds[1] as string)
    const display = await t.app.inject({
      method: 'GET',
      url: `/api/v1/appointments/display/${calendar.officeId}`,
    })
    expect(display.statusCode).toBe(200)
    expect(display.headers['cache-control']).toBe('no-store')
    expect(display.json()).toEqual({
      office: { id: calendar.officeId, name: expect.any(String) },
      called: [
        { ticket: '002', counter: 'Sportello 2', calledAt: at('08:51') },
        { ticket: '001', counter: 'Sportello 1', calledAt: at('08:50') },
      ],
      waiting: 1,
    })
    for (const secret of [first, second, third, parent.fiscalCode, parent.familyName]) {
      expect(display.body).not.toContain(secret)
    }
  })

  it('never gives one ticket or one citizen twice when counters work at once', async () => {
    const calendar = await newOffice(4)
    const codes: string[] = []
    for (const start of ['09:00', '09:10', '09:20', '09:30', '09:40', '09:50']) {
      codes.push(await book(calendar, at(start), 1))
    }
    await workFrom('08:45')
    // Arrivals at once still get the numbers 1 to 6, each once.
    const arrivals = await Promise.all(codes.map((code) => checkIn(calendar, code)))
    const tickets = arrivals.map((arrival) => arrival.json().booking.ticketNumber as number)
    expect(tickets.sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6])
    const calls = await Promise.all(
      [...calendar.counterIds, ...calendar.counterIds].map((counterId) => callNext(counterId)),
    )
    expect(calls.map((call) => call.statusCode)).toEqual(Array(8).fill(200))
    const called = calls.map((call) => call.json().called?.code).filter(Boolean)
    expect(called.sort()).toEqual([...codes].sort())
  })
})
