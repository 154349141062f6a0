import { randomBytes } from 'node:crypto'
import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditLog } from '../../platform/audit-tables.js'
import { manualClock } from '../../platform/clock.js'
import { createTestApp, type TestApp } from '../../test/app.js'
import { createCitizenSession, createStaffSession } from '../../test/identity.js'
import { createApiClient, resolveApiKey, revokeApiClient } from './api-client-service.js'
import { SESSION_COOKIE } from './session-service.js'
import { staffAccounts } from './tables.js'

const clock = manualClock('2026-03-02T09:00:00Z')
const MINUTE = 60_000

describe('sessions', () => {
  let t: TestApp

  beforeAll(async () => {
    t = await createTestApp({ clock, work: false })
  })
  afterAll(async () => {
    await t?.close()
  })

  const whoAmI = (headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'GET', url: '/api/v1/session', headers }).then((r) => r.json())

  it('tells an anonymous browser it is not signed in', async () => {
    expect(await whoAmI()).toEqual({ authenticated: false })
  })

  it('describes a citizen session with its level and CSRF token, and never caches it', async () => {
    const citizen = await createCitizenSession(t.runtime, { level: 2 })
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/session', headers: citizen.headers })
    expect(response.headers['cache-control']).toBe('no-store')
    expect(response.json()).toMatchObject({
      authenticated: true,
      kind: 'citizen',
      level: 2,
      method: 'spid',
      fiscalCode: citizen.fiscalCode,
      csrfToken: citizen.csrfToken,
      actingFor: null,
    })
  })

  it('ignores a forged or malformed cookie', async () => {
    const forged = { cookie: `${SESSION_COOKIE}=${randomBytes(32).toString('base64url')}` }
    expect(await whoAmI(forged)).toEqual({ authenticated: false })
    expect(await whoAmI({ cookie: `${SESSION_COOKIE}=x` })).toEqual({ authenticated: false })
    const logout = await t.app.inject({ method: 'DELETE', url: '/api/v1/session', headers: forged })
    expect(logout.statusCode).toBe(401)
    expect(logout.json().code).toBe('UNAUTHENTICATED')
  })

  it('ends a session left idle for more than 30 minutes', async () => {
    const citizen = await createCitizenSession(t.runtime)
    clock.advance(29 * MINUTE)
    expect((await whoAmI(citizen.headers)).authenticated).toBe(true)
    clock.advance(31 * MINUTE)
    expect(await whoAmI(citizen.headers)).toEqual({ authenticated: false })
  })

  it('ends an active session after 12 hours however busy', async () => {
    const citizen = await createCitizenSession(t.runtime)
    for (let elapsed = 0; elapsed < 12 * 60 - 20; elapsed += 20) {
      clock.advance(20 * MINUTE)
      expect((await whoAmI(citizen.headers)).authenticated).toBe(true)
    }
    clock.advance(25 * MINUTE)
    expect(await whoAmI(citizen.headers)).toEqual({ authenticated: false })
  })

  it('refuses a change without the CSRF token, then signs out with it', async () => {
    const citizen = await createCitizenSession(t.runtime)
    const withoutCsrf = await t.app.inject({
      method: 'DELETE',
      url: '/api/v1/session',
      headers: { cookie: citizen.headers.cookie! },
    })
    expect(withoutCsrf.statusCode).toBe(403)
    expect(withoutCsrf.json().code).toBe('CSRF_FAILED')
    const wrongCsrf = await t.app.inject({
      method: 'DELETE',
      url: '/api/v1/session',
      headers: { ...citizen.headers, 'x-csrf-token': 'nope' },
    })
    expect(wrongCsrf.statusCode).toBe(403)

    const logout = await t.app.inject({ method: 'DELETE', url: '/api/v1/session', headers: citizen.headers })
    expect(logout.statusCode).toBe(204)
    expect(String(logout.headers['set-cookie'])).toMatch(new RegExp(`${SESSION_COOKIE}=;`))
    expect(await whoAmI(citizen.headers)).toEqual({ authenticated: false })
    const audit = await t.runtime.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'session.end'), eq(auditLog.subjectId, citizen.accountId)))
    expect(audit).toHaveLength(1)
  })

  it('signs out of every device at once', async () => {
    const phone = await createCitizenSession(t.runtime)
    const laptop = await createCitizenSession(t.runtime, { fiscalCode: phone.fiscalCode })
    const stranger = await createCitizenSession(t.runtime)
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/session/logout-everywhere',
      headers: phone.headers,
    })
    expect(response.statusCode).toBe(200)
    expect(response.json()).toEqual({ endedSessions: 2 })
    expect((await whoAmI(phone.headers)).authenticated).toBe(false)
    expect((await whoAmI(laptop.headers)).authenticated).toBe(false)
    expect((await whoAmI(stranger.headers)).authenticated).toBe(true)
  })

  it('describes a staff session with roles and teams; a deactivated account loses it', async () => {
    const staff = await createStaffSession(t.runtime, { roles: ['operator'], teams: ['anagrafe-test'] })
    expect(await whoAmI(staff.headers)).toMatchObject({
      authenticated: true,
      kind: 'staff',
      roles: ['operator'],
      teams: ['anagrafe-test'],
      fiscalCode: null,
    })
    await t.runtime.db
      .update(staffAccounts)
      .set({ active: false })
      .where(eq(staffAccounts.id, staff.accountId))
    clock.advance(10_000) // past the in-process cache
    expect(await whoAmI(staff.headers)).toEqual({ authenticated: false })
  })
})

describe('API keys', () => {
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp({ clock, work: false })
  })
  afterAll(async () => {
    await t?.close()
  })

  const ctx = () => ({
    ...t.runtime,
    actor: { type: 'system' as const, name: 'test' },
    meta: { ip: null, requestId: null, locale: 'it' as const },
  })

  it('resolves a key to its client and scopes, stores only a hash, and stops after revocation', async () => {
    const { client, key } = await createApiClient(ctx(), { name: 'Telefonia 020202', scopes: ['telephony'] })
    expect(key).toMatch(/^civ_[A-Za-z0-9]{8}_/)
    expect(JSON.stringify(client)).not.toContain(key.split('_')[2])
    expect(await resolveApiKey(t.runtime, key)).toEqual({ id: client.id, scopes: ['telephony'] })
    expect(await resolveApiKey(t.runtime, `${key.slice(0, -2)}xx`)).toBeNull()
    expect(await resolveApiKey(t.runtime, 'civ_short')).toBeNull()
    await revokeApiClient(ctx(), client.id)
    expect(await resolveApiKey(t.runtime, key)).toBeNull()
  })

  it('refuses an unknown key outright', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/v1/session',
      headers: { 'x-api-key': `civ_abcdefgh_${'z'.repeat(43)}` },
    })
    expect(response.statusCode).toBe(401)
  })
})

describe('session heartbeat', () => {
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp({ clock: manualClock('2026-05-01T10:00:00Z'), work: false })
  })
  afterAll(async () => {
    await t?.close()
  })

  it('tells a signed-in person when the session will end', async () => {
    const citizen = await createCitizenSession(t.runtime)
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/v1/session/heartbeat',
      headers: citizen.headers,
    })
    expect(response.statusCode).toBe(200)
    expect(response.json()).toEqual({
      idleExpiresAt: '2026-05-01T10:30:00.000Z',
      expiresAt: '2026-05-01T22:00:00.000Z',
    })
  })
})
