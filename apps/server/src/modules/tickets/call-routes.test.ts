import { randomUUID } from 'node:crypto'
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../test/app.js'
import {
  createCitizenSession,
  createStaffSession,
  type TestSession,
  uniqueFiscalCode,
} from '../../test/identity.js'
import { createApiClient } from '../identity/api-client-service.js'
import { createTestDetail, testTicketsContext } from './intake-fixtures.js'
import { contactCalls, tickets } from './tables.js'

let t: TestApp
let operator: TestSession
let supervisor: TestSession
let detailCode: string
let telephonyKey: string
let socialKey: string

beforeAll(async () => {
  t = await createTestApp({ work: false })
  operator = await createStaffSession(t.runtime, { roles: ['operator'], teams: ['contact-center'] })
  supervisor = await createStaffSession(t.runtime, { roles: ['supervisor'], teams: ['contact-center'] })
  detailCode = (await createTestDetail(t.runtime.db, { teamCode: 'tributi' })).code
  const system = testTicketsContext(t.runtime, { type: 'system', name: 'test' })
  telephonyKey = (await createApiClient(system, { name: 'Centralino', scopes: ['telephony'] })).key
  socialKey = (await createApiClient(system, { name: 'Social', scopes: ['social'] })).key
})
afterAll(async () => t?.close())

const call = (headers: Record<string, string>, payload: object) =>
  t.app.inject({ method: 'POST', url: '/api/v1/staff/calls', headers, payload })
const startedAt = () => new Date(t.runtime.clock.now().getTime() - 120_000).toISOString()
const solvedCall = (notes = 'Orari dello sportello') => ({
  caller: { fiscalCode: uniqueFiscalCode() },
  categoryCode: detailCode,
  outcome: 'solved',
  startedAt: startedAt(),
  durationSeconds: 75,
  notes,
})

describe('POST /staff/calls', () => {
  it('logs a call for an operator and a supervisor', async () => {
    for (const who of [operator, supervisor]) {
      const response = await call(who.headers, solvedCall())
      expect(response.statusCode).toBe(201)
      expect(response.json()).toMatchObject({
        outcome: 'solved',
        category: { code: detailCode },
        durationSeconds: 75,
      })
    }
  })

  it('opens the ticket of an outcome "ticket" and answers its code', async () => {
    const response = await call(operator.headers, {
      ...solvedCall('Rimborso Tari mai arrivato'),
      outcome: 'ticket',
    })
    expect(response.statusCode).toBe(201)
    const { ticketCode } = response.json()
    const [ticket] = await t.runtime.db.select().from(tickets).where(eq(tickets.code, ticketCode))
    expect(ticket).toMatchObject({ channel: 'phone', teamCode: 'tributi' })
  })

  it('refuses a citizen, an analyst and an API client, storing nothing', async () => {
    const notes = `Non registrata ${randomUUID()}`
    const citizen = await createCitizenSession(t.runtime)
    const analyst = await createStaffSession(t.runtime, { roles: ['analyst'] })
    for (const headers of [citizen.headers, analyst.headers, { 'x-api-key': telephonyKey }]) {
      expect((await call(headers, solvedCall(notes))).statusCode).toBe(403)
    }
    expect((await call({}, solvedCall(notes))).statusCode).toBe(401)
    expect(await t.runtime.db.select().from(contactCalls).where(eq(contactCalls.notes, notes))).toHaveLength(
      0,
    )
  })

  it('answers an invalid fiscal code with a 422 in Italian, or in English when asked', async () => {
    const notes = `Codice errato ${randomUUID()}`
    const payload = { ...solvedCall(notes), caller: { fiscalCode: 'RSSMRA80A01F205Z' } }
    const italian = await call(operator.headers, payload)
    expect(italian.statusCode).toBe(422)
    expect(italian.headers['content-type']).toContain('application/problem+json')
    expect(italian.json()).toMatchObject({
      detail: 'Il codice fiscale non è valido: controllalo con chi ha chiamato.',
      errors: [{ path: 'body.caller.fiscalCode' }],
    })
    const english = await call({ ...operator.headers, 'accept-language': 'en' }, payload)
    expect(english.json().detail).toBe('The fiscal code is not valid: check it with the caller.')
    expect(await t.runtime.db.select().from(contactCalls).where(eq(contactCalls.notes, notes))).toHaveLength(
      0,
    )
  })

  it('answers malformed input with a 400 problem', async () => {
    const response = await call(operator.headers, {
      ...solvedCall(),
      outcome: 'hung-up',
      durationSeconds: -3,
    })
    expect(response.statusCode).toBe(400)
    expect(
      response
        .json()
        .errors.map((error: { path: string }) => error.path)
        .sort(),
    ).toEqual(['body.durationSeconds', 'body.outcome'])
  })
})

describe('GET /staff/calls', () => {
  it('lists the operator’s own calls, or a contact’s, and 404s for an unknown contact', async () => {
    const me = await createStaffSession(t.runtime, { roles: ['operator'], teams: ['anagrafe'] })
    const logged = (await call(me.headers, solvedCall())).json()
    const own = await t.app.inject({ method: 'GET', url: '/api/v1/staff/calls', headers: me.headers })
    expect(own.statusCode).toBe(200)
    expect(own.json().calls.map((entry: { id: string }) => entry.id)).toEqual([logged.id])
    const ofContact = await t.app.inject({
      method: 'GET',
      url: `/api/v1/staff/calls?contactId=${logged.contactId}`,
      headers: operator.headers,
    })
    expect(ofContact.json().calls.map((entry: { id: string }) => entry.id)).toEqual([logged.id])
    const unknown = await t.app.inject({
      method: 'GET',
      url: `/api/v1/staff/calls?contactId=${randomUUID()}`,
      headers: operator.headers,
    })
    expect(unknown.statusCode).toBe(404)
    const citizen = await createCitizenSession(t.runtime)
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/staff/calls', headers: citizen.headers }))
        .statusCode,
    ).toBe(403)
  })
})

describe('POST /telephony/waits', () => {
  const report = (headers: Record<string, string>, payload: object) =>
    t.app.inject({ method: 'POST', url: '/api/v1/telephony/waits', headers, payload })

  it('needs the telephony scope', async () => {
    const payload = { callId: `tel-${randomUUID()}`, waitSeconds: 30 }
    expect((await report({}, payload)).statusCode).toBe(401)
    expect((await report({ 'x-api-key': socialKey }, payload)).statusCode).toBe(403)
    expect((await report(operator.headers, payload)).statusCode).toBe(403)
    expect(
      (await report({ 'x-api-key': 'civ_AAAAAAAA_not-a-real-secret-at-all-0123456789' }, payload)).statusCode,
    ).toBe(401)
  })

  it('sets the wait of a logged call, idempotently', async () => {
    const callId = `tel-${randomUUID()}`
    const logged = (await call(operator.headers, { ...solvedCall(), telephonyCallId: callId })).json()
    for (let attempt = 0; attempt < 2; attempt++) {
      const response = await report(
        { 'x-api-key': telephonyKey },
        { callId, waitSeconds: 61, queue: 'tributi' },
      )
      expect(response.statusCode).toBe(200)
      expect(response.json()).toEqual({ callId, matchedCall: true })
    }
    const [stored] = await t.runtime.db.select().from(contactCalls).where(eq(contactCalls.id, logged.id))
    expect(stored!.waitSeconds).toBe(61)
    const bad = await report({ 'x-api-key': telephonyKey }, { callId, waitSeconds: 'a lot' })
    expect(bad.statusCode).toBe(400)
  })
})
