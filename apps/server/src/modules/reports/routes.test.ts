import { randomUUID } from 'node:crypto'
import { eq } from 'drizzle-orm'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../test/app.js'
import { createCitizenSession, createStaffSession, type TestSession } from '../../test/identity.js'
import { notificationMessages } from '../notifications/tables.js'
import { createTestDetail } from '../tickets/intake-fixtures.js'
import { ticketAttachments, ticketContacts, tickets } from '../tickets/tables.js'
import { emailProof, injector, nearDuomo, newAddress } from './test-fixtures.js'
import { exifWithGps, plainJpeg, withExif } from './test-images.js'

let t: TestApp
let category: string
let otherCategory: string
let standardDetail: string
let citizen: TestSession & { fiscalCode: string }
let otherCitizen: TestSession
let operator: TestSession
let analyst: TestSession
const inject = injector(() => t)

beforeAll(async () => {
  t = await createTestApp({ work: false })
  category = (await createTestDetail(t.runtime.db, { teamCode: 'contact-center', process: 'problem-report' }))
    .code
  otherCategory = (await createTestDetail(t.runtime.db, { process: 'problem-report' })).code
  standardDetail = (await createTestDetail(t.runtime.db)).code
  citizen = await createCitizenSession(t.runtime)
  otherCitizen = await createCitizenSession(t.runtime)
  operator = await createStaffSession(t.runtime, { roles: ['operator'] })
  analyst = await createStaffSession(t.runtime, { roles: ['analyst'] })
})
afterAll(async () => t?.close())

// Each test files its reports around its own spot, far from the others'.
const spot = () => nearDuomo(Math.random() * 50_000, Math.random() * 50_000)

async function file(
  payload: Record<string, unknown>,
  headers: Record<string, string> = citizen.headers,
): Promise<{ code: string; ticketCode: string }> {
  const response = await inject({ method: 'POST', url: '/api/v1/reports', headers, payload })
  expect(response.statusCode, response.body).toBe(201)
  return response.json()
}

const report = (point: { lat: number; long: number }, extra: Record<string, unknown> = {}) => ({
  categoryCode: category,
  ...point,
  description: 'Buca profonda in mezzo alla carreggiata',
  ...extra,
})

describe('filing a report', () => {
  it('opens a CRM ticket on the report channel, with the photos re-encoded and no personal data in public', async () => {
    const photo = withExif(await plainJpeg(640, 480), exifWithGps('SecretPhone'))
    const filed = await file(
      report(spot(), {
        address: 'Via Dante 1',
        photos: [{ name: 'buca.png', type: 'image/png', data: photo.toString('base64') }],
      }),
    )
    expect(filed.code).toMatch(/^S\d{4}-[0-9A-Z]{6}$/)
    const [ticket] = await t.runtime.db.select().from(tickets).where(eq(tickets.code, filed.ticketCode))
    expect(ticket).toMatchObject({ channel: 'report', teamCode: 'contact-center', status: 'new' })
    const [contact] = await t.runtime.db
      .select()
      .from(ticketContacts)
      .where(eq(ticketContacts.id, ticket!.contactId))
    expect(contact?.fiscalCode).toBe(citizen.fiscalCode)
    const files = await t.runtime.db
      .select()
      .from(ticketAttachments)
      .where(eq(ticketAttachments.ticketId, ticket!.id))
    expect(files).toHaveLength(1)

    const page = await inject({ method: 'GET', url: `/api/v1/reports/${filed.code}` })
    expect(page.statusCode).toBe(200)
    const body = page.json()
    expect(body).toMatchObject({ code: filed.code, status: 'open', supportCount: 0, address: 'Via Dante 1' })
    expect(body.history).toEqual([{ status: 'open', note: null, at: expect.any(String) }])
    expect(page.body).not.toContain(citizen.fiscalCode)
    expect(page.body).not.toMatch(/Cittadino|email|fiscal/i)
    expect(body.photos).toEqual([
      { position: 1, thumbnailUrl: `/api/v1/reports/${filed.code}/photos/1/thumbnail` },
    ])

    const thumbnail = await inject({ method: 'GET', url: body.photos[0].thumbnailUrl })
    expect(thumbnail.statusCode).toBe(200)
    expect(thumbnail.headers['content-type']).toBe('image/jpeg')
    expect((await sharp(thumbnail.rawPayload).metadata()).exif).toBeUndefined()
    expect(thumbnail.rawPayload.includes(Buffer.from('SecretPhone'))).toBe(false)

    const full = `/api/v1/reports/${filed.code}/photos/1`
    expect((await inject({ method: 'GET', url: full })).statusCode).toBe(401)
    expect((await inject({ method: 'GET', url: full, headers: otherCitizen.headers })).statusCode).toBe(404)
    expect((await inject({ method: 'GET', url: full, headers: analyst.headers })).statusCode).toBe(404)
    const mine = await inject({ method: 'GET', url: full, headers: citizen.headers })
    expect(mine.statusCode).toBe(200)
    expect(mine.rawPayload.includes(Buffer.from('SecretPhone'))).toBe(false)
    expect((await inject({ method: 'GET', url: full, headers: operator.headers })).statusCode).toBe(200)
  })

  it('takes an anonymous report with a verified e-mail only, and refuses staff and other categories', async () => {
    const email = `anonimo.${randomUUID().slice(0, 8)}@example.org`
    const refused = await inject({
      method: 'POST',
      url: '/api/v1/reports',
      payload: report(spot(), { email }),
    })
    expect(refused.statusCode).toBe(422)
    expect(refused.json().detail).toMatch(/e-mail verificato/)
    const proof = await emailProof(t, email)
    const filed = await file(report(spot(), { email, proof, name: 'Mario' }), {})
    const page = await inject({ method: 'GET', url: `/api/v1/reports/${filed.code}` })
    expect(page.body).not.toContain(email)
    expect(page.body).not.toContain('Mario')
    const again = await inject({
      method: 'POST',
      url: '/api/v1/reports',
      payload: report(spot(), { email, proof }),
    })
    expect(again.statusCode).toBe(422)

    const byStaff = await inject({
      method: 'POST',
      url: '/api/v1/reports',
      headers: operator.headers,
      payload: report(spot()),
    })
    expect(byStaff.statusCode).toBe(403)
    const standard = await inject({
      method: 'POST',
      url: '/api/v1/reports',
      headers: citizen.headers,
      payload: report(spot(), { categoryCode: standardDetail }),
    })
    expect(standard.statusCode).toBe(422)
  })

  it('answers bad input with a clear 400 or 422 in the caller’s language', async () => {
    const noPlace = await inject({
      method: 'POST',
      url: '/api/v1/reports',
      headers: { ...citizen.headers, 'accept-language': 'en' },
      payload: { categoryCode: category, description: 'Something is broken here' },
    })
    expect(noPlace.statusCode).toBe(400)
    const notAPhoto = await inject({
      method: 'POST',
      url: '/api/v1/reports',
      headers: { ...citizen.headers, 'accept-language': 'en' },
      payload: report(spot(), {
        photos: [{ name: 'x.jpg', type: 'image/jpeg', data: Buffer.from('%PDF-1.4').toString('base64') }],
      }),
    })
    expect(notAPhoto.statusCode).toBe(422)
    expect(notAPhoto.json().detail).toBe('File 1 is not a JPEG, PNG or WebP photo.')
    const italian = await inject({
      method: 'POST',
      url: '/api/v1/reports',
      headers: citizen.headers,
      payload: report(spot(), { photos: [{ data: Buffer.from('hello').toString('base64') }] }),
    })
    expect(italian.json().detail).toBe('Il file 1 non è una foto JPEG, PNG o WebP.')
    const badBox = await inject({ method: 'GET', url: '/api/v1/reports?bbox=45,9,44,10' })
    expect(badBox.statusCode).toBe(400)
    expect((await inject({ method: 'GET', url: '/api/v1/reports/not-a-code' })).statusCode).toBe(400)
    expect((await inject({ method: 'GET', url: '/api/v1/reports/S2026-ZZZZZZ' })).statusCode).toBe(404)
  })

  it('limits public writes per address', async () => {
    const from = newAddress()
    const statuses: number[] = []
    for (let index = 0; index < 21; index++) {
      const response = await inject({
        method: 'POST',
        url: '/api/v1/reports',
        from,
        payload: { categoryCode: category, description: 'x' },
      })
      statuses.push(response.statusCode)
    }
    expect(statuses.slice(0, 20).every((status) => status === 400)).toBe(true)
    expect(statuses[20]).toBe(429)
  })
})

describe('nearby duplicates and support', () => {
  it('finds open reports of the same category within 50 m, nearest first', async () => {
    const here = spot()
    const near = await file(report(nearDuomo(30, 0, here)))
    const nearer = await file(report(nearDuomo(0, 10, here)))
    await file(report(nearDuomo(70, 0, here)))
    await file(report(nearDuomo(5, 5, here), { categoryCode: otherCategory }))
    const closed = await file(report(nearDuomo(2, 0, here)))
    const closing = await inject({
      method: 'POST',
      url: `/api/v1/staff/reports/${closed.code}/status`,
      headers: operator.headers,
      payload: { status: 'closed' },
    })
    expect(closing.statusCode).toBe(200)

    const response = await inject({
      method: 'GET',
      url: `/api/v1/reports/nearby?categoryCode=${category}&lat=${here.lat}&long=${here.long}`,
    })
    expect(response.statusCode).toBe(200)
    const items = response.json().items
    expect(items.map((item: { code: string }) => item.code)).toEqual([nearer.code, near.code])
    expect(items[0].distanceMetres).toBeGreaterThanOrEqual(9)
    expect(items[0].distanceMetres).toBeLessThanOrEqual(11)
    expect(items[1].distanceMetres).toBeGreaterThanOrEqual(29)
    expect(items[1].distanceMetres).toBeLessThanOrEqual(31)
  })

  it('counts a citizen’s or an e-mail’s voice once', async () => {
    const filed = await file(report(spot()))
    const support = (headers: Record<string, string>, payload: object = {}) =>
      inject({ method: 'POST', url: `/api/v1/reports/${filed.code}/supports`, headers, payload })
    expect((await support(otherCitizen.headers)).json()).toEqual({
      code: filed.code,
      supportCount: 1,
      added: true,
    })
    expect((await support(otherCitizen.headers)).json()).toEqual({
      code: filed.code,
      supportCount: 1,
      added: false,
    })
    expect((await support({})).statusCode).toBe(422)
    const email = `voce.${randomUUID().slice(0, 8)}@example.org`
    expect((await support({}, { email, proof: await emailProof(t, email) })).json().supportCount).toBe(2)
    expect(
      (await support({}, { email: email.toUpperCase(), proof: await emailProof(t, email) })).json(),
    ).toEqual({
      code: filed.code,
      supportCount: 2,
      added: false,
    })
    expect((await support(operator.headers)).statusCode).toBe(403)
    const page = await inject({ method: 'GET', url: `/api/v1/reports/${filed.code}` })
    expect(page.json().supportCount).toBe(2)
  })
})

describe('the public map and the staff status', () => {
  it('lists reports in a viewport, newest first, with filters', async () => {
    const here = spot()
    const first = await file(report(nearDuomo(100, 100, here)))
    const second = await file(report(nearDuomo(200, 200, here), { categoryCode: otherCategory }))
    await file(report(nearDuomo(5000, 5000, here)))
    const box = [nearDuomo(0, 0, here), nearDuomo(300, 300, here)]
    const bbox = `${box[0]!.lat},${box[0]!.long},${box[1]!.lat},${box[1]!.long}`
    const all = await inject({ method: 'GET', url: `/api/v1/reports?bbox=${bbox}` })
    expect(all.json().items.map((item: { code: string }) => item.code)).toEqual([second.code, first.code])
    const filtered = await inject({
      method: 'GET',
      url: `/api/v1/reports?bbox=${bbox}&category=${category}&status=open`,
    })
    expect(filtered.json().items.map((item: { code: string }) => item.code)).toEqual([first.code])
    const future = await inject({ method: 'GET', url: `/api/v1/reports?bbox=${bbox}&from=2999-01-01` })
    expect(future.json().items).toEqual([])

    const map = await inject({ method: 'GET', url: `/api/v1/reports/map?bbox=${bbox}` })
    expect(map.statusCode).toBe(200)
    const pins = map.json().items
    expect(pins.map((pin: { code: string }) => pin.code)).toEqual([second.code, first.code])
    expect(pins[1]).toEqual({
      code: first.code,
      lat: expect.closeTo(nearDuomo(100, 100, here).lat, 6),
      long: expect.closeTo(nearDuomo(100, 100, here).long, 6),
      status: 'open',
      categoryCode: category,
      createdAt: expect.any(String),
    })
    const onlyOther = await inject({
      method: 'GET',
      url: `/api/v1/reports/map?bbox=${bbox}&category=${otherCategory}`,
    })
    expect(onlyOther.json().items.map((pin: { code: string }) => pin.code)).toEqual([second.code])
    expect((await inject({ method: 'GET', url: '/api/v1/reports/map' })).statusCode).toBe(400)
  })

  it('lets operators publish a status with a note, which reaches the reporter’s inbox', async () => {
    const filed = await file(report(spot()))
    const url = `/api/v1/staff/reports/${filed.code}/status`
    const payload = { status: 'in-progress', publicNote: 'Squadra in arrivo domani mattina.' }
    expect((await inject({ method: 'POST', url, payload })).statusCode).toBe(401)
    expect((await inject({ method: 'POST', url, headers: citizen.headers, payload })).statusCode).toBe(403)
    expect((await inject({ method: 'POST', url, headers: analyst.headers, payload })).statusCode).toBe(403)
    const updated = await inject({ method: 'POST', url, headers: operator.headers, payload })
    expect(updated.statusCode).toBe(200)
    expect(updated.json().status).toBe('in-progress')
    expect(updated.json().history.at(-1)).toMatchObject({ status: 'in-progress', note: payload.publicNote })
    const same = await inject({
      method: 'POST',
      url,
      headers: operator.headers,
      payload: { status: 'in-progress' },
    })
    expect(same.statusCode).toBe(409)

    const inbox = await t.runtime.db
      .select()
      .from(notificationMessages)
      .where(eq(notificationMessages.recipientFiscalCode, citizen.fiscalCode))
    const notice = inbox.find(
      (message) => message.template === 'reports.status-changed' && message.subject.includes(filed.code),
    )
    expect(notice?.bodyMarkdown).toContain('Squadra in arrivo')
    const missing = await inject({
      method: 'POST',
      url: '/api/v1/staff/reports/S2026-ZZZZZZ/status',
      headers: operator.headers,
      payload,
    })
    expect(missing.statusCode).toBe(404)
  })
})
