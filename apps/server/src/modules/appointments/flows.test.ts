import { and, eq, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { manualClock } from '../../platform/clock.js'
import { createTestApp, type TestApp } from '../../test/app.js'
import {
  createCitizenSession,
  createStaffSession,
  type TestSession,
  uniqueFiscalCode,
} from '../../test/identity.js'
import { notifyDeps } from '../notifications/jobs.js'
import { runDailyRules } from '../notifications/rules.js'
import { notificationMessages } from '../notifications/tables.js'
import { appointmentBookings, appointmentWaitlist } from './tables.js'
import { createTestCalendar, type TestCalendar } from './test-calendar.js'
import { expireOffer } from './waitlist.js'

// Monday 4 March 2030, 7:00 in Rome (UTC+1): bookings are for Tuesday the 5th.
const clock = manualClock('2030-03-04T06:00:00Z')
const TUESDAY = '2030-03-05'
const at = (rome: string) => new Date(`${TUESDAY}T${rome}:00+01:00`).toISOString()

type Citizen = TestSession & { fiscalCode: string }

describe('appointment messages, links, the contact centre and the waiting list', () => {
  let t: TestApp
  let calendar: TestCalendar

  beforeAll(async () => {
    t = await createTestApp({ clock, work: false })
    // One counter, one 30-minute service, Tuesdays 9:00–10:00: two seats a day.
    calendar = await createTestCalendar(t.runtime.db, {
      counters: 1,
      services: [{ durationMinutes: 30, minNoticeHours: 1 }],
      hours: [{ weekday: 2, opensAt: '09:00', closesAt: '10:00' }],
    })
  })
  afterAll(async () => {
    await t?.close()
  })

  const service = () => calendar.serviceIds[0] as string
  const post = (url: string, headers: Record<string, string> | undefined, payload?: object) =>
    t.app.inject({ method: 'POST', url, headers, ...(payload ? { payload } : {}) })
  const book = (who: Citizen, start: string) =>
    post('/api/v1/appointments', who.headers, { service: service(), office: calendar.officeId, start })
  const messagesOf = (fiscalCode: string) =>
    t.runtime.db
      .select()
      .from(notificationMessages)
      .where(eq(notificationMessages.recipientFiscalCode, fiscalCode))
      .orderBy(notificationMessages.createdAt)
  const manageTokenIn = (body: string) => /token=([A-Za-z0-9_-]+)/.exec(body)?.[1] as string
  const freeUp = async () => {
    await t.runtime.db.execute(
      sql`update appointment_bookings set status = 'cancelled' where office_id = ${calendar.officeId}`,
    )
    await t.runtime.db.execute(
      sql`delete from appointment_counter_claims where counter_id = ${calendar.counterIds[0] as string}`,
    )
  }

  it('writes a confirmation with a manage link that a mail scanner cannot use to cancel', async () => {
    const ada = await createCitizenSession(t.runtime)
    const booked = await book(ada, at('09:00'))
    expect(booked.statusCode).toBe(201)
    const { code } = booked.json()
    const [confirmation] = await messagesOf(ada.fiscalCode)
    expect(confirmation).toMatchObject({ template: 'appointments.booked', topic: 'appointments' })
    expect(confirmation?.bodyMarkdown).toContain(code)
    expect(confirmation?.bodyMarkdown).toContain('martedì 5 marzo 2030, 09:00')
    const token = manageTokenIn(confirmation?.bodyMarkdown ?? '')
    expect(token).toBeTruthy()

    // Following the link only reads: the booking stands.
    const page = await t.app.inject({
      method: 'GET',
      url: `/api/v1/appointments/manage/${code}?token=${token}`,
    })
    expect(page.statusCode).toBe(200)
    expect(page.json()).toMatchObject({ code, status: 'booked', changeable: true })
    expect(page.json()).not.toHaveProperty('reason')
    const wrong = await t.app.inject({
      method: 'GET',
      url: `/api/v1/appointments/manage/${code}?token=${'x'.repeat(32)}`,
    })
    expect(wrong.statusCode).toBe(404)
    expect(wrong.json().detail).toMatch(/link non è valido/)

    // A move through the link writes a new link; the old one then stops working. The clock moves
    // on between steps so the inbox order is the order of events.
    clock.advance(1000)
    const moved = await post(`/api/v1/appointments/manage/${code}/reschedule`, undefined, {
      token,
      start: at('09:30'),
    })
    expect(moved.statusCode).toBe(200)
    const after = await messagesOf(ada.fiscalCode)
    expect(after.map((message) => message.template)).toEqual([
      'appointments.booked',
      'appointments.rescheduled',
    ])
    const newToken = manageTokenIn(after[1]?.bodyMarkdown ?? '')
    expect(newToken).not.toBe(token)
    expect((await post(`/api/v1/appointments/manage/${code}/cancel`, undefined, { token })).statusCode).toBe(
      404,
    )
    clock.advance(1000)
    const cancelled = await post(`/api/v1/appointments/manage/${code}/cancel`, undefined, { token: newToken })
    expect(cancelled.json()).toMatchObject({ code, status: 'cancelled' })
    expect((await messagesOf(ada.fiscalCode)).at(-1)?.template).toBe('appointments.cancelled')
  })

  it('serves the booking as a calendar file and a QR code to its citizen only', async () => {
    await freeUp()
    const ada = await createCitizenSession(t.runtime)
    const other = await createCitizenSession(t.runtime)
    const { code } = (await book(ada, at('09:00'))).json()
    const ics = await t.app.inject({
      method: 'GET',
      url: `/api/v1/appointments/${code}/calendar.ics`,
      headers: ada.headers,
    })
    expect(ics.headers['content-type']).toMatch(/^text\/calendar/)
    expect(ics.body).toContain('BEGIN:VEVENT')
    expect(ics.body).toContain('DTSTART:20300305T080000Z')
    expect(ics.body).toContain('DTEND:20300305T083000Z')
    expect(ics.body).toContain(`Codice prenotazione ${code}`)
    const qr = await t.app.inject({
      method: 'GET',
      url: `/api/v1/appointments/${code}/qr.svg`,
      headers: ada.headers,
    })
    expect(qr.headers['content-type']).toMatch(/^image\/svg\+xml/)
    expect(qr.body).toMatch(/^<svg/)
    for (const path of ['calendar.ics', 'qr.svg']) {
      const refused = await t.app.inject({
        method: 'GET',
        url: `/api/v1/appointments/${code}/${path}`,
        headers: other.headers,
      })
      expect(refused.statusCode).toBe(404)
    }
    expect((await post(`/api/v1/appointments/${code}/cancel`, ada.headers)).statusCode).toBe(200)
  })

  it('lets the contact centre book, list, move and cancel for a citizen, on the 020202 channel', async () => {
    await freeUp()
    const operator = await createStaffSession(t.runtime, { roles: ['operator'] })
    const analyst = await createStaffSession(t.runtime, { roles: ['analyst'] })
    const citizen = await createCitizenSession(t.runtime)
    const fiscalCode = uniqueFiscalCode()
    const payload = {
      fiscalCode: fiscalCode.toLowerCase(),
      service: service(),
      office: calendar.officeId,
      start: at('09:00'),
    }
    expect((await post('/api/v1/staff/appointments', analyst.headers, payload)).statusCode).toBe(403)
    expect((await post('/api/v1/staff/appointments', citizen.headers, payload)).statusCode).toBe(403)
    const bad = await post('/api/v1/staff/appointments', operator.headers, {
      ...payload,
      fiscalCode: 'RSSMRA80A01F205Z',
    })
    expect(bad.statusCode).toBe(400)
    expect(bad.json().detail).toMatch(/codice fiscale non è valido/)
    const booked = await post('/api/v1/staff/appointments', operator.headers, payload)
    expect(booked.statusCode).toBe(201)
    const { code } = booked.json()
    const [row] = await t.runtime.db
      .select()
      .from(appointmentBookings)
      .where(eq(appointmentBookings.code, code))
    expect(row).toMatchObject({ channel: '020202', citizenFiscalCode: fiscalCode })
    expect(row?.bookedByStaffId).toBeTruthy()
    const listed = await t.app.inject({
      method: 'GET',
      url: `/api/v1/staff/appointments?fiscalCode=${fiscalCode}`,
      headers: operator.headers,
    })
    expect(listed.json()).toMatchObject([{ code, channel: '020202', citizenFiscalCode: fiscalCode }])
    const moved = await post(`/api/v1/staff/appointments/${code}/reschedule`, operator.headers, {
      start: at('09:30'),
    })
    expect(moved.json()).toMatchObject({ code, startsAt: at('09:30') })
    // A citizen cannot touch it with the code alone.
    expect((await post(`/api/v1/appointments/${code}/cancel`, citizen.headers)).statusCode).toBe(404)
    expect((await post(`/api/v1/staff/appointments/${code}/cancel`, operator.headers)).json().status).toBe(
      'cancelled',
    )
  })

  it('offers freed time to the first in line, lets it lapse to the next, and books on acceptance', async () => {
    await freeUp()
    const [first, second, waiter1, waiter2] = await Promise.all(
      Array.from({ length: 4 }, () => createCitizenSession(t.runtime)),
    )
    const join = (who: Citizen) =>
      post('/api/v1/appointments/waitlist', who!.headers, {
        service: service(),
        office: calendar.officeId,
        date: TUESDAY,
      })
    // With free time the day cannot be waited for.
    const early = await join(waiter1 as Citizen)
    expect(early.statusCode, early.body).toBe(409)
    const { code: firstCode } = (await book(first as Citizen, at('09:00'))).json()
    expect((await book(second as Citizen, at('09:30'))).statusCode).toBe(201)
    expect((await join(waiter1 as Citizen)).statusCode).toBe(201)
    expect((await join(waiter1 as Citizen)).statusCode).toBe(409)
    clock.advance(1000)
    expect((await join(waiter2 as Citizen)).statusCode).toBe(201)
    const line = await t.app.inject({
      method: 'GET',
      url: '/api/v1/appointments/waitlist',
      headers: waiter2!.headers,
    })
    expect(line.json()).toMatchObject([{ status: 'waiting', position: 2, date: TUESDAY }])

    expect((await post(`/api/v1/appointments/${firstCode}/cancel`, first!.headers)).statusCode).toBe(200)
    const offered = (
      await t.app.inject({ method: 'GET', url: '/api/v1/appointments', headers: waiter1!.headers })
    ).json()
    expect(offered).toMatchObject([{ status: 'offered', startsAt: at('09:00') }])
    expect((await messagesOf(waiter1!.fiscalCode)).map((m) => m.template)).toEqual(['appointments.offered'])
    // Held time is not offered to anyone else.
    const free = await t.app.inject({
      method: 'GET',
      url: `/api/v1/appointments/slots?service=${service()}&office=${calendar.officeId}&date=${TUESDAY}`,
    })
    expect(free.json().slots).toEqual([])

    // The first lets the offer lapse: it goes to the second in line.
    clock.advance(3 * 3_600_000)
    // Sessions idle that long have ended: the waiters sign in again.
    const again1 = await createCitizenSession(t.runtime, { fiscalCode: waiter1!.fiscalCode })
    const again2 = await createCitizenSession(t.runtime, { fiscalCode: waiter2!.fiscalCode })
    const [held] = await t.runtime.db
      .select()
      .from(appointmentBookings)
      .where(eq(appointmentBookings.code, offered[0].code))
    await expireOffer({ ...ctxOf(t), notify: notifyDeps(t.runtime), publicUrl: 'http://localhost' }, held!.id)
    const lapsed = await t.runtime.db
      .select()
      .from(appointmentWaitlist)
      .where(eq(appointmentWaitlist.citizenFiscalCode, waiter1!.fiscalCode))
    expect(lapsed[0]?.status).toBe('expired')
    expect((await post(`/api/v1/appointments/${offered[0].code}/accept`, again1.headers)).statusCode).toBe(
      409,
    )
    const second2 = (
      await t.app.inject({ method: 'GET', url: '/api/v1/appointments', headers: again2.headers })
    ).json()
    expect(second2[0]).toMatchObject({ status: 'offered', startsAt: at('09:00') })
    // Another citizen can neither take the offer nor drop someone's place in line.
    const stranger = await createCitizenSession(t.runtime)
    expect((await post(`/api/v1/appointments/${second2[0].code}/accept`, stranger.headers)).statusCode).toBe(
      404,
    )
    const [place] = await t.runtime.db
      .select()
      .from(appointmentWaitlist)
      .where(eq(appointmentWaitlist.citizenFiscalCode, waiter2!.fiscalCode))
    const dropped = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/appointments/waitlist/${place!.id}`,
      headers: stranger.headers,
    })
    expect(dropped.statusCode).toBe(404)
    const accepted = await post(`/api/v1/appointments/${second2[0].code}/accept`, again2.headers)
    expect(accepted.json()).toMatchObject({ status: 'booked', startsAt: at('09:00') })
    const entries = await t.runtime.db
      .select()
      .from(appointmentWaitlist)
      .where(and(eq(appointmentWaitlist.citizenFiscalCode, waiter2!.fiscalCode)))
    expect(entries[0]?.status).toBe('booked')
    expect((await messagesOf(waiter2!.fiscalCode)).map((m) => m.template)).toEqual([
      'appointments.offered',
      'appointments.booked',
    ])
    clock.set('2030-03-04T06:00:00Z')
  })

  it('reminds of tomorrow’s appointments once, and lists them in Scadenze', async () => {
    await freeUp()
    const ada = await createCitizenSession(t.runtime)
    const { code } = (await book(ada, at('09:00'))).json()
    const deps = { db: t.runtime.db, notify: notifyDeps(t.runtime), logger: t.runtime.logger }
    for (let run = 0; run < 2; run++) {
      await runDailyRules(deps, clock.now(), { only: 'appointment-tomorrow', force: true })
    }
    const reminders = (await messagesOf(ada.fiscalCode)).filter((m) => m.template === 'appointments.tomorrow')
    expect(reminders).toHaveLength(1)
    expect(reminders[0]?.subject).toContain('Domani hai un appuntamento')
    const deadlines = (
      await t.app.inject({ method: 'GET', url: '/api/v1/deadlines', headers: ada.headers })
    ).json()
    expect(deadlines.items).toContainEqual(
      expect.objectContaining({
        source: 'appointments',
        reference: code,
        date: TUESDAY,
        startsAt: at('09:00'),
      }),
    )
  })
})

function ctxOf(t: TestApp) {
  return {
    ...t.runtime,
    actor: { type: 'system' as const, name: 'test' },
    meta: { ip: null, requestId: null, locale: 'it' as const },
  }
}
