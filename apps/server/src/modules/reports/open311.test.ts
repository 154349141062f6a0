import { XMLParser } from 'fast-xml-parser'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { manualClock } from '../../platform/clock.js'
import { createTestApp, type TestApp } from '../../test/app.js'
import { createCitizenSession, createStaffSession } from '../../test/identity.js'
import { createApiClient } from '../identity/api-client-service.js'
import { createTestDetail, testTicketsContext } from '../tickets/intake-fixtures.js'
import { injector, nearDuomo } from './test-fixtures.js'
import { plainJpeg } from './test-images.js'

/**
 * A client written from the GeoReport v2 spec: every endpoint, in JSON and in XML (read with a real
 * XML parser), and the errors as a list of {code, description} with the HTTP status.
 */
const clock = manualClock('2026-03-02T09:00:00Z')
let t: TestApp
let service: string
let writeKey: string
let otherKey: string
const inject = injector(() => t)
const xml = new XMLParser({ isArray: (name) => ['service', 'request', 'error', 'attribute'].includes(name) })

type Format = 'json' | 'xml'
const FORMATS: Format[] = ['json', 'xml']

/** The document, as the same plain shape whichever the format: lists of records. */
function read(format: Format, body: string, root: string, item: string): Record<string, unknown>[] {
  if (format === 'json') return JSON.parse(body)
  const parsed = xml.parse(body)
  expect(Object.keys(parsed), body).toContain(root)
  return parsed[root] === '' ? [] : (parsed[root][item] ?? [])
}

function post(format: Format, fields: Record<string, string>) {
  return inject({
    method: 'POST',
    url: `/open311/v2/requests.${format}`,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams(fields).toString(),
  })
}

beforeAll(async () => {
  t = await createTestApp({ clock, work: false })
  service = (await createTestDetail(t.runtime.db, { process: 'problem-report' })).code
  const system = testTicketsContext(t.runtime, { type: 'system', name: 'test' })
  writeKey = (await createApiClient(system, { name: 'Open311 app', scopes: ['open311:write'] })).key
  otherKey = (await createApiClient(system, { name: 'Centralino', scopes: ['telephony'] })).key
})
afterAll(async () => t?.close())

describe.each(FORMATS)('Open311 GeoReport v2 in %s', (format) => {
  it('lists services and describes one', async () => {
    const response = await inject({ method: 'GET', url: `/open311/v2/services.${format}` })
    expect(response.statusCode).toBe(200)
    expect(response.headers['content-type']).toContain(format === 'xml' ? 'text/xml' : 'application/json')
    const services = read(format, response.body, 'services', 'service')
    const mine = services.find((entry) => entry.service_code === service)
    expect(mine).toMatchObject({
      type: 'realtime',
      metadata: false,
      service_name: expect.stringMatching(/^Dettaglio/),
    })
    expect(mine?.group).toMatch(/^Area/)

    const definition = await inject({ method: 'GET', url: `/open311/v2/services/${service}.${format}` })
    expect(definition.statusCode).toBe(200)
    const parsed =
      format === 'json' ? JSON.parse(definition.body) : xml.parse(definition.body).service_definition
    expect(parsed.service_code).toBe(service)

    const unknown = await inject({ method: 'GET', url: `/open311/v2/services/nessuno.${format}` })
    expect(unknown.statusCode).toBe(404)
    expect(read(format, unknown.body, 'errors', 'error')).toEqual([
      { code: 404, description: 'service_code nessuno not found' },
    ])
  })

  it('files a request with an api_key, then finds it by id and by filters', async () => {
    const place = nearDuomo(1000 * Math.random(), 1000 * Math.random())
    const created = await post(format, {
      api_key: writeKey,
      service_code: service,
      lat: String(place.lat),
      long: String(place.long),
      description: 'Lampione spento <da una settimana> & più',
      email: 'segnalatore@example.org',
      first_name: 'Anna',
      last_name: 'Bianchi',
    })
    expect(created.statusCode, created.body).toBe(201)
    const [receipt] = read(format, created.body, 'service_requests', 'request')
    const id = String(receipt?.service_request_id)
    expect(id).toMatch(/^S2026-/)

    const one = await inject({ method: 'GET', url: `/open311/v2/requests/${id}.${format}` })
    expect(one.statusCode).toBe(200)
    const [request] = read(format, one.body, 'service_requests', 'request')
    expect(request).toMatchObject({
      service_request_id: id,
      status: 'open',
      service_code: service,
      description: 'Lampione spento <da una settimana> & più',
      requested_datetime: '2026-03-02T09:00:00Z',
      updated_datetime: '2026-03-02T09:00:00Z',
    })
    expect(Number(request?.lat)).toBeCloseTo(place.lat, 6)
    expect(Number(request?.long)).toBeCloseTo(place.long, 6)
    expect(one.body).not.toContain('segnalatore@example.org')
    expect(one.body).not.toContain('Bianchi')

    const byIds = await inject({
      method: 'GET',
      url: `/open311/v2/requests.${format}?service_request_id=${id},S2026-ZZZZZZ`,
    })
    expect(
      read(format, byIds.body, 'service_requests', 'request').map((entry) => entry.service_request_id),
    ).toEqual([id])

    const list = (query: string) => inject({ method: 'GET', url: `/open311/v2/requests.${format}?${query}` })
    const ids = async (query: string) =>
      read(format, (await list(query)).body, 'service_requests', 'request').map(
        (entry) => entry.service_request_id,
      )
    expect(await ids(`service_code=${service}&status=open`)).toContain(id)
    expect(await ids(`service_code=${service}&status=closed`)).not.toContain(id)
    expect(await ids(`service_code=${service}&start_date=2026-03-03T00:00:00%2B01:00`)).toEqual([])
    const backwards = await list('start_date=2026-03-03T00:00:00Z&end_date=2026-03-01T00:00:00Z')
    expect(backwards.statusCode).toBe(400)
    expect(
      await ids(`service_code=${service}&start_date=2026-03-01T00:00:00Z&end_date=2026-03-02T10:00:00Z`),
    ).toContain(id)
    // Ninety days later the request has left the default window.
    clock.advance(91 * 86_400_000)
    expect(await ids(`service_code=${service}`)).not.toContain(id)
    clock.advance(-91 * 86_400_000)
  })

  it('shows the published status and note, and the photo of a web report', async () => {
    const citizen = await createCitizenSession(t.runtime)
    const operator = await createStaffSession(t.runtime, { roles: ['operator'] })
    const filed = await inject({
      method: 'POST',
      url: '/api/v1/reports',
      headers: citizen.headers,
      payload: {
        categoryCode: service,
        address: 'Corso Buenos Aires 10',
        description: 'Cassonetto rovesciato sul marciapiede',
        photos: [{ data: (await plainJpeg()).toString('base64') }],
      },
    })
    const code = filed.json().code
    await inject({
      method: 'POST',
      url: `/api/v1/staff/reports/${code}/status`,
      headers: operator.headers,
      payload: { status: 'closed', publicNote: 'Rimosso.' },
    })
    const one = await inject({ method: 'GET', url: `/open311/v2/requests/${code}.${format}` })
    const [request] = read(format, one.body, 'service_requests', 'request')
    expect(request).toMatchObject({
      status: 'closed',
      status_notes: 'Rimosso.',
      address: 'Corso Buenos Aires 10',
    })
    expect(request?.media_url).toMatch(new RegExp(`/api/v1/reports/${code}/photos/1/thumbnail$`))
  })

  it('answers errors as a list of {code, description} with the right status', async () => {
    const errors = (body: string) => read(format, body, 'errors', 'error')
    const place = { lat: '45.46', long: '9.19' }
    const noKey = await post(format, { service_code: service, ...place, description: 'Senza chiave' })
    expect(noKey.statusCode).toBe(403)
    expect(errors(noKey.body)).toEqual([{ code: 403, description: 'api_key is required' }])
    const wrongKey = await post(format, { api_key: 'civ_nope', service_code: service, ...place })
    expect(wrongKey.statusCode).toBe(403)
    const wrongScope = await post(format, { api_key: otherKey, service_code: service, ...place })
    expect(wrongScope.statusCode).toBe(403)

    const missingCode = await post(format, { api_key: writeKey, ...place })
    expect(missingCode.statusCode).toBe(400)
    expect(errors(missingCode.body)).toEqual([{ code: 400, description: 'service_code is required' }])
    const noPlace = await post(format, { api_key: writeKey, service_code: service })
    expect(noPlace.statusCode).toBe(400)
    const unknownService = await post(format, { api_key: writeKey, service_code: 'nessuno', ...place })
    expect(unknownService.statusCode).toBe(400)
    const badLat = await post(format, { api_key: writeKey, service_code: service, lat: 'north', long: '9' })
    expect(badLat.statusCode).toBe(400)

    const badDate = await inject({
      method: 'GET',
      url: `/open311/v2/requests.${format}?start_date=yesterday`,
    })
    expect(badDate.statusCode).toBe(400)
    expect(errors(badDate.body)[0]?.code).toBe(400)
    const badStatus = await inject({ method: 'GET', url: `/open311/v2/requests.${format}?status=lost` })
    expect(badStatus.statusCode).toBe(400)
    const headerKey = await inject({
      method: 'POST',
      url: `/open311/v2/requests.${format}`,
      headers: { 'x-api-key': 'civ_unknown_key' },
      payload: { service_code: service, ...place },
    })
    expect(headerKey.statusCode).toBe(403)
    const nowhere = await inject({ method: 'GET', url: `/open311/v2/nowhere.${format}` })
    expect(nowhere.statusCode).toBe(404)
    expect(errors(nowhere.body)[0]?.code).toBe(404)
    const unknown = await inject({ method: 'GET', url: `/open311/v2/requests/S2026-ZZZZZZ.${format}` })
    expect(unknown.statusCode).toBe(404)
    expect(errors(unknown.body)).toEqual([
      { code: 404, description: 'service_request_id S2026-ZZZZZZ not found' },
    ])
  })
})

it('takes JSON bodies and the key in the platform’s header too', async () => {
  const response = await inject({
    method: 'POST',
    url: '/open311/v2/requests.json',
    headers: { 'x-api-key': writeKey },
    payload: { service_code: service, address_string: 'Piazza Duomo', description: 'Panchina rotta' },
  })
  expect(response.statusCode, response.body).toBe(201)
  expect(response.json()[0].service_request_id).toMatch(/^S2026-/)
})
