import { randomUUID } from 'node:crypto'
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditLog } from '../../platform/audit-tables.js'
import { manualClock } from '../../platform/clock.js'
import { createTestApp, type TestApp } from '../../test/app.js'
import {
  createCitizenSession,
  createStaffSession,
  type TestSession,
  uniqueFiscalCode,
} from '../../test/identity.js'
import { insertBooking, updateBooking } from './repo.js'

// Monday 4 March 2030, 7:00 in Rome (UTC+1).
const clock = manualClock('2030-03-04T06:00:00Z')
const TUESDAY = '2030-03-05'
const rome = (day: string, time: string) => new Date(`${day}T${time}:00+01:00`).toISOString()
const BASE = '/api/v1/staff/appointments/admin'

describe('appointments administration', () => {
  let t: TestApp
  let admin: TestSession

  beforeAll(async () => {
    t = await createTestApp({ clock, work: false })
    admin = await createStaffSession(t.runtime, { roles: ['admin'] })
  })
  afterAll(async () => {
    await t?.close()
  })

  const call = (
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    url: string,
    who?: TestSession,
    payload?: object,
    language = 'it',
  ) =>
    t.app.inject({
      method,
      url: `${BASE}${url}`,
      headers: { ...(who?.headers ?? {}), 'accept-language': language },
      ...(payload ? { payload } : {}),
    })

  const tag = () => randomUUID().slice(0, 8)
  const newOffice = async (name = `Sede ${tag()}`) => {
    const created = await call('POST', '/offices', admin, { name, address: 'Via Dante 1, Milano' })
    expect(created.statusCode).toBe(201)
    return created.json() as { id: string; name: string }
  }
  const newService = async (extra: object = {}) => {
    const created = await call('POST', '/services', admin, {
      name: `Servizio ${tag()}`,
      durationMinutes: 15,
      documentsToBring: ['Documento d’identità'],
      minNoticeHours: 0,
      maxDaysAhead: 30,
      ...extra,
    })
    expect(created.statusCode).toBe(201)
    return created.json() as { id: string; durationMinutes: number }
  }
  /** An office with one counter serving a new service on Tuesdays 9:00–10:00. */
  const newCalendar = async () => {
    const office = await newOffice()
    const service = await newService()
    const counter = await call('POST', `/offices/${office.id}/counters`, admin, {
      name: 'Sportello 1',
      serviceIds: [service.id],
    })
    expect(counter.statusCode).toBe(201)
    const hours = await call('PUT', `/offices/${office.id}/hours/${service.id}`, admin, {
      ranges: [{ weekday: 2, opensAt: '09:00', closesAt: '10:00' }],
    })
    expect(hours.statusCode).toBe(200)
    return { office, service, counterId: counter.json().id as string }
  }
  const slotsOn = async (serviceId: string, officeId: string, date: string) =>
    (
      await t.app.inject({
        method: 'GET',
        url: `/api/v1/appointments/slots?service=${serviceId}&office=${officeId}&date=${date}`,
      })
    ).json().slots as { startsAt: string }[]
  const bookDirectly = (calendar: Awaited<ReturnType<typeof newCalendar>>, startsAt: string) =>
    insertBooking(t.runtime.db, {
      code: tag().toUpperCase(),
      citizenFiscalCode: uniqueFiscalCode(),
      serviceId: calendar.service.id,
      officeId: calendar.office.id,
      counterId: calendar.counterId,
      startsAt: new Date(startsAt),
      endsAt: new Date(Date.parse(startsAt) + 15 * 60_000),
      channel: '020202',
    })

  describe('access', () => {
    it('lets administrators change, supervisors read, and nobody else in', async () => {
      const citizen = await createCitizenSession(t.runtime)
      const operator = await createStaffSession(t.runtime, { roles: ['operator'] })
      const supervisor = await createStaffSession(t.runtime, { roles: ['supervisor'] })
      const office = { name: `Sede ${tag()}`, address: 'Via Roma 1' }
      for (const url of ['/offices', '/services', '/closures']) {
        expect((await call('GET', url)).statusCode).toBe(401)
        expect((await call('GET', url, citizen)).statusCode).toBe(403)
        expect((await call('GET', url, operator)).statusCode).toBe(403)
        expect((await call('GET', url, supervisor)).statusCode).toBe(200)
      }
      expect((await call('POST', '/offices', citizen, office)).statusCode).toBe(403)
      expect((await call('POST', '/offices', operator, office)).statusCode).toBe(403)
      expect((await call('POST', '/offices', supervisor, office)).statusCode).toBe(403)
      const someId = randomUUID()
      expect((await call('DELETE', `/services/${someId}`, supervisor)).statusCode).toBe(403)
      expect((await call('DELETE', `/services/${someId}`, admin)).statusCode).toBe(404)
      expect((await call('POST', '/offices', admin, office)).statusCode).toBe(201)
    })
  })

  describe('validation', () => {
    it('refuses a length off the five-minute grid with a field message in Italian or English', async () => {
      const payload = { name: `Servizio ${tag()}`, durationMinutes: 7 }
      const italian = await call('POST', '/services', admin, payload)
      expect(italian.statusCode).toBe(422)
      expect(italian.headers['content-type']).toContain('application/problem+json')
      expect(italian.json()).toMatchObject({
        code: 'VALIDATION_FAILED',
        detail: 'Alcuni campi non sono validi: correggi quelli segnalati.',
        errors: [
          { path: 'body.durationMinutes', message: 'La durata va da 5 a 480 minuti, a multipli di 5.' },
        ],
      })
      const english = await call('POST', '/services', admin, { ...payload, durationMinutes: 485 }, 'en')
      expect(english.json().errors).toEqual([
        {
          path: 'body.durationMinutes',
          message: 'The length goes from 5 to 480 minutes, in multiples of 5.',
        },
      ])
      const missing = await call('POST', '/services', admin, { durationMinutes: 10 })
      expect(missing.statusCode).toBe(422)
      expect(missing.json().errors).toEqual([{ path: 'body.name', message: 'Campo obbligatorio.' }])
    })

    it('refuses overlapping, reversed and off-grid opening hours', async () => {
      const { office, service } = await newCalendar()
      const put = (ranges: object[]) =>
        call('PUT', `/offices/${office.id}/hours/${service.id}`, admin, { ranges })
      const overlapping = await put([
        { weekday: 1, opensAt: '08:30', closesAt: '12:00' },
        { weekday: 1, opensAt: '11:30', closesAt: '15:00' },
      ])
      expect(overlapping.statusCode).toBe(422)
      expect(overlapping.json().errors).toEqual([
        {
          path: 'body.ranges.0.opensAt',
          message: 'Questa fascia si sovrappone a un’altra dello stesso giorno.',
        },
        {
          path: 'body.ranges.1.opensAt',
          message: 'Questa fascia si sovrappone a un’altra dello stesso giorno.',
        },
      ])
      const reversed = await put([{ weekday: 3, opensAt: '12:00', closesAt: '09:00' }])
      expect(reversed.json().errors).toEqual([
        { path: 'body.ranges.0.closesAt', message: 'La chiusura deve venire dopo l’apertura.' },
      ])
      const offGrid = await put([{ weekday: 8, opensAt: '08:32', closesAt: '12:00' }])
      expect(offGrid.json().errors.map((error: { path: string }) => error.path)).toEqual([
        'body.ranges.0.weekday',
        'body.ranges.0.opensAt',
      ])
      // Two ranges a day are fine when they only touch; the earlier week is left as it was on refusals.
      const split = await put([
        { weekday: 1, opensAt: '14:00', closesAt: '16:00' },
        { weekday: 1, opensAt: '08:30', closesAt: '14:00' },
      ])
      expect(split.statusCode).toBe(200)
      expect(split.json().ranges).toEqual([
        { weekday: 1, opensAt: '08:30', closesAt: '14:00' },
        { weekday: 1, opensAt: '14:00', closesAt: '16:00' },
      ])
      const listed = (await call('GET', `/offices/${office.id}/hours`, admin)).json()
      expect(listed).toEqual([{ serviceId: service.id, ranges: split.json().ranges }])
    })

    it('refuses a closure ending before it starts, and an unknown office', async () => {
      const reversed = await call('POST', '/closures', admin, {
        fromDate: '2030-03-10',
        toDate: '2030-03-09',
        reason: 'Inventario',
      })
      expect(reversed.statusCode).toBe(422)
      expect(reversed.json().errors).toEqual([
        { path: 'body.toDate', message: 'La data di fine non può venire prima di quella di inizio.' },
      ])
      const unknown = await call('POST', '/closures', admin, {
        officeId: randomUUID(),
        fromDate: '2030-03-10',
        toDate: '2030-03-10',
        reason: 'Inventario',
      })
      expect(unknown.statusCode).toBe(422)
      expect(unknown.json().errors).toEqual([{ path: 'body.officeId', message: 'Questa sede non esiste.' }])
    })

    it('answers a name already taken with 409, whatever its case', async () => {
      const office = await newOffice()
      const again = await call('POST', '/offices', admin, {
        name: office.name.toUpperCase(),
        address: 'Via X',
      })
      expect(again.statusCode).toBe(409)
      expect(again.json()).toMatchObject({
        detail: 'Esiste già una sede con questo nome.',
        errors: [{ path: 'body.name', message: 'Esiste già una sede con questo nome.' }],
      })
      const first = { name: `Servizio ${tag()}`, durationMinutes: 5 }
      expect((await call('POST', '/services', admin, first)).statusCode).toBe(201)
      const second = await newService()
      const clash = await call('PUT', `/services/${second.id}`, admin, { ...first, name: ` ${first.name} ` })
      expect(clash.statusCode).toBe(409)
      expect(clash.json().detail).toBe('Esiste già un servizio con questo nome.')
      const counter = await call('POST', `/offices/${office.id}/counters`, admin, {
        name: 'A',
        serviceIds: [],
      })
      expect(counter.statusCode).toBe(201)
      const twin = await call('POST', `/offices/${office.id}/counters`, admin, { name: 'a', serviceIds: [] })
      expect(twin.json().detail).toBe('Questa sede ha già uno sportello con questo nome.')
      const unknownService = await call('POST', `/offices/${office.id}/counters`, admin, {
        name: 'B',
        serviceIds: [randomUUID()],
      })
      expect(unknownService.statusCode).toBe(422)
      expect(unknownService.json().errors[0].path).toBe('body.serviceIds')
    })
  })

  describe('the calendar citizens book from', () => {
    it('offers a new office’s slots, and takes a closed day away until the closure is removed', async () => {
      const { office, service } = await newCalendar()
      const tuesday = await slotsOn(service.id, office.id, TUESDAY)
      expect(tuesday.map((slot) => slot.startsAt)).toEqual(
        ['09:00', '09:15', '09:30', '09:45'].map((time) => rome(TUESDAY, time)),
      )
      const catalogue = (await t.app.inject({ method: 'GET', url: '/api/v1/appointments/services' })).json()
      expect(catalogue.find((entry: { id: string }) => entry.id === service.id).offices).toEqual([
        expect.objectContaining({ id: office.id, name: office.name }),
      ])

      const closed = await call('POST', '/closures', admin, {
        officeId: office.id,
        fromDate: TUESDAY,
        toDate: TUESDAY,
        reason: 'Manutenzione impianti',
      })
      expect(closed.statusCode).toBe(201)
      expect(closed.json()).toMatchObject({ officeName: office.name, bookingsOnClosedDays: 0 })
      expect(await slotsOn(service.id, office.id, TUESDAY)).toEqual([])
      // The next Tuesday is still open.
      expect(await slotsOn(service.id, office.id, '2030-03-12')).toHaveLength(4)
      const listed = (await call('GET', '/closures', admin)).json()
      expect(listed).toContainEqual(
        expect.objectContaining({ id: closed.json().id, fromDate: TUESDAY, reason: 'Manutenzione impianti' }),
      )

      expect((await call('DELETE', `/closures/${closed.json().id}`, admin)).statusCode).toBe(204)
      expect(await slotsOn(service.id, office.id, TUESDAY)).toHaveLength(4)
      expect((await call('DELETE', `/closures/${closed.json().id}`, admin)).statusCode).toBe(404)

      const actions = await t.runtime.db
        .select({ action: auditLog.action })
        .from(auditLog)
        .where(eq(auditLog.subjectId, office.id))
      expect(actions.map((row) => row.action)).toEqual([
        'appointments.admin.office-created',
        'appointments.admin.hours-replaced',
        'appointments.admin.closure-added',
        'appointments.admin.closure-removed',
      ])
    })

    it('a city-wide closure closes every office', async () => {
      const { office, service } = await newCalendar()
      const closed = await call('POST', '/closures', admin, {
        fromDate: '2030-03-12',
        toDate: '2030-03-12',
        reason: 'Sciopero generale',
      })
      expect(closed.json()).toMatchObject({ officeId: null, officeName: null })
      expect(await slotsOn(service.id, office.id, '2030-03-12')).toEqual([])
      expect((await call('DELETE', `/closures/${closed.json().id}`, admin)).statusCode).toBe(204)
    })
  })

  describe('deleting', () => {
    it('refuses while bookings ahead use a service, office or counter, and keeps those on record', async () => {
      const calendar = await newCalendar()
      const booking = await bookDirectly(calendar, rome(TUESDAY, '09:00'))
      const services = (await call('GET', '/services', admin)).json()
      expect(services.find((entry: { id: string }) => entry.id === calendar.service.id).futureBookings).toBe(
        1,
      )

      const refused = await call('DELETE', `/services/${calendar.service.id}`, admin)
      expect(refused.statusCode).toBe(409)
      expect(refused.json().detail).toBe(
        'Non si può eliminare: 1 prenotazioni future lo usano. Spostale o annullale prima.',
      )
      expect((await call('DELETE', `/offices/${calendar.office.id}`, admin)).statusCode).toBe(409)
      expect((await call('DELETE', `/counters/${calendar.counterId}`, admin)).statusCode).toBe(409)

      // Moving the week away keeps the booking, and says it is now outside the hours.
      const moved = await call('PUT', `/offices/${calendar.office.id}/hours/${calendar.service.id}`, admin, {
        ranges: [{ weekday: 3, opensAt: '09:00', closesAt: '10:00' }],
      })
      expect(moved.json().bookingsOutsideHours).toBe(1)

      await updateBooking(t.runtime.db, booking.id, { status: 'cancelled' })
      const history = await call('DELETE', `/services/${calendar.service.id}`, admin, undefined, 'en')
      expect(history.statusCode).toBe(409)
      expect(history.json().detail).toContain('1 past or cancelled bookings')

      const unused = await newService()
      expect((await call('DELETE', `/services/${unused.id}`, admin)).statusCode).toBe(204)
      const bare = await newOffice()
      const counter = await call('POST', `/offices/${bare.id}/counters`, admin, {
        name: 'Unico',
        serviceIds: [],
      })
      expect((await call('DELETE', `/counters/${counter.json().id}`, admin)).statusCode).toBe(204)
      expect((await call('DELETE', `/offices/${bare.id}`, admin)).statusCode).toBe(204)
      const offices = (await call('GET', '/offices', admin)).json()
      expect(offices.some((entry: { id: string }) => entry.id === bare.id)).toBe(false)
    })

    it('counts bookings on the days a new closure covers', async () => {
      const calendar = await newCalendar()
      await bookDirectly(calendar, rome('2030-03-19', '09:15'))
      const closed = await call('POST', '/closures', admin, {
        officeId: calendar.office.id,
        fromDate: '2030-03-18',
        toDate: '2030-03-19',
        reason: 'Trasloco',
      })
      expect(closed.json().bookingsOnClosedDays).toBe(1)
    })
  })

  it('edits an office, a counter and a service', async () => {
    const office = await newOffice()
    const service = await newService()
    const edited = await call('PUT', `/offices/${office.id}`, admin, {
      name: `${office.name} bis`,
      address: 'Piazza Duomo 1',
      accessibilityNotes: 'Ascensore',
    })
    expect(edited.json()).toMatchObject({ name: `${office.name} bis`, accessibilityNotes: 'Ascensore' })
    const counter = (await call('POST', `/offices/${office.id}/counters`, admin, { name: 'S1' })).json()
    const served = await call('PUT', `/counters/${counter.id}`, admin, {
      name: 'S2',
      serviceIds: [service.id],
    })
    expect(served.json()).toEqual({ id: counter.id, name: 'S2', serviceIds: [service.id] })
    const listed = (await call('GET', '/offices', admin))
      .json()
      .find((entry: { id: string }) => entry.id === office.id)
    expect(listed.counters).toEqual([{ id: counter.id, name: 'S2', serviceIds: [service.id] }])
    const longer = await call('PUT', `/services/${service.id}`, admin, {
      name: `Servizio ${tag()}`,
      durationMinutes: 30,
      maxActivePerCitizen: 2,
    })
    expect(longer.json()).toMatchObject({ durationMinutes: 30, maxActivePerCitizen: 2, minNoticeHours: 2 })
    expect(
      (await call('PUT', `/offices/${randomUUID()}`, admin, { name: 'X', address: 'Y' })).statusCode,
    ).toBe(404)
  })
})
