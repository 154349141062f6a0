import { randomUUID } from 'node:crypto'
import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditLog } from '../../platform/audit-tables.js'
import type { StaffRole } from '../../platform/context.js'
import { createTestApp, type TestApp } from '../../test/app.js'
import { createCitizenSession, createStaffSession, type TestSession } from '../../test/identity.js'
import { resolveApiKey } from './api-client-service.js'

function uniqueCode(prefix: string): string {
  return `${prefix}-${randomUUID().slice(0, 8)}`
}

describe('back-office administration', () => {
  let t: TestApp
  let admin: TestSession

  beforeAll(async () => {
    t = await createTestApp({ work: false })
    admin = await createStaffSession(t.runtime, { roles: ['admin'] })
  })
  afterAll(async () => {
    await t?.close()
  })

  const call = (
    method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
    url: string,
    session?: { headers: Record<string, string> },
    payload?: unknown,
  ) =>
    t.app.inject({
      method,
      url: `/api/v1/admin${url}`,
      headers: session?.headers ?? {},
      ...(payload === undefined ? {} : { payload: payload as object }),
    })

  const newStaff = (overrides: Record<string, unknown> = {}) => {
    const id = randomUUID().slice(0, 8)
    return {
      subject: `oidc-${id}`,
      email: `staff.${id}@comune.example.it`,
      displayName: `Persona ${id}`,
      roles: ['operator'],
      ...overrides,
    }
  }

  describe('access', () => {
    const someId = randomUUID()
    const reads = [
      { method: 'GET', url: '/staff', payload: undefined },
      { method: 'GET', url: '/teams', payload: undefined },
    ] as const
    const adminOnly = [
      { method: 'GET', url: '/api-clients', payload: undefined },
      { method: 'POST', url: '/staff', payload: newStaff() },
      { method: 'PATCH', url: `/staff/${someId}`, payload: { active: false } },
      { method: 'PUT', url: `/staff/${someId}/teams`, payload: { teamCodes: [] } },
      { method: 'POST', url: '/teams', payload: { code: 'nuovo', name: 'Nuovo' } },
      { method: 'POST', url: '/api-clients', payload: { name: 'Centralino', scopes: ['telephony'] } },
      { method: 'DELETE', url: `/api-clients/${someId}`, payload: undefined },
    ] as const

    it.each([...reads, ...adminOnly])(
      '$method $url refuses anonymous callers, citizens, operators and analysts',
      async ({ method, url, payload }) => {
        expect((await call(method, url, undefined, payload)).statusCode).toBe(401)
        expect((await call(method, url, await createCitizenSession(t.runtime), payload)).statusCode).toBe(403)
        for (const role of ['operator', 'analyst'] satisfies StaffRole[]) {
          const staff = await createStaffSession(t.runtime, { roles: [role] })
          expect((await call(method, url, staff, payload)).statusCode).toBe(403)
        }
      },
    )

    it.each(reads)('$method $url is open to supervisors', async ({ method, url }) => {
      const supervisor = await createStaffSession(t.runtime, { roles: ['supervisor'] })
      expect((await call(method, url, supervisor)).statusCode).toBe(200)
    })

    it.each(adminOnly)('$method $url is closed to supervisors', async ({ method, url, payload }) => {
      const supervisor = await createStaffSession(t.runtime, { roles: ['supervisor'] })
      expect((await call(method, url, supervisor, payload)).statusCode).toBe(403)
    })

    it.each(adminOnly.filter((route) => route.method !== 'GET'))(
      '$method $url refuses a change without the CSRF header',
      async ({ method, url, payload }) => {
        const response = await t.app.inject({
          method,
          url: `/api/v1/admin${url}`,
          headers: { cookie: admin.headers.cookie! },
          payload,
        })
        expect(response.statusCode).toBe(403)
        expect(response.json().code).toBe('CSRF_FAILED')
      },
    )
  })

  it('adds a staff member with teams and lists them', async () => {
    const team = uniqueCode('ufficio')
    expect((await call('POST', '/teams', admin, { code: team, name: 'Ufficio di prova' })).statusCode).toBe(
      201,
    )
    const input = newStaff({ roles: ['operator', 'supervisor'], teamCodes: [team] })
    const created = await call('POST', '/staff', admin, input)
    expect(created.statusCode).toBe(201)
    expect(created.json()).toMatchObject({
      subject: input.subject,
      email: input.email,
      displayName: input.displayName,
      roles: ['operator', 'supervisor'],
      active: true,
      teams: [{ code: team, name: 'Ufficio di prova' }],
      lastLoginAt: null,
    })
    const listed = (await call('GET', '/staff', admin)).json().staff
    expect(listed).toContainEqual(created.json())
    const teams = (await call('GET', '/teams', admin)).json().teams
    expect(teams).toContainEqual(expect.objectContaining({ code: team, memberCount: 1 }))

    expect((await call('POST', '/staff', admin, { ...newStaff(), subject: input.subject })).statusCode).toBe(
      409,
    )
    expect((await call('POST', '/teams', admin, { code: team, name: 'Doppione' })).statusCode).toBe(409)
  })

  it.each([
    ['/staff', newStaff({ email: 'not-an-address' }), 'body.email'],
    ['/staff', newStaff({ roles: ['mayor'] }), 'body.roles.0'],
    ['/staff', newStaff({ roles: [] }), 'body.roles'],
    ['/staff', newStaff({ teamCodes: ['no-such-team-xyz'] }), 'body.teamCodes'],
    ['/teams', { code: 'Ufficio Tributi', name: 'Tributi' }, 'body.code'],
    ['/api-clients', { name: 'Centralino', scopes: ['everything'] }, 'body.scopes.0'],
    ['/api-clients', { name: '', scopes: ['telephony'] }, 'body.name'],
  ])('refuses bad input on POST %s', async (url, payload, path) => {
    const response = await call('POST', url, admin, payload)
    expect(response.statusCode).toBe(400)
    expect(response.json().errors).toContainEqual(expect.objectContaining({ path }))
  })

  it('applies role changes and deactivation at once', async () => {
    const colleague = await createStaffSession(t.runtime, { roles: ['operator'] })
    expect((await call('GET', '/staff', colleague)).statusCode).toBe(403)

    const promoted = await call('PATCH', `/staff/${colleague.accountId}`, admin, {
      roles: ['operator', 'supervisor'],
    })
    expect(promoted.statusCode).toBe(200)
    expect(promoted.json().roles).toEqual(['operator', 'supervisor'])
    expect((await call('GET', '/staff', colleague)).statusCode).toBe(200)

    const renamed = await call('PATCH', `/staff/${colleague.accountId}`, admin, { displayName: 'Nome Nuovo' })
    expect(renamed.json().displayName).toBe('Nome Nuovo')

    const deactivated = await call('PATCH', `/staff/${colleague.accountId}`, admin, { active: false })
    expect(deactivated.json().active).toBe(false)
    const session = await t.app.inject({ method: 'GET', url: '/api/v1/session', headers: colleague.headers })
    expect(session.json()).toEqual({ authenticated: false })

    const audit = await t.runtime.db
      .select({ details: auditLog.details })
      .from(auditLog)
      .where(and(eq(auditLog.action, 'staff.update'), eq(auditLog.subjectId, colleague.accountId)))
      .orderBy(auditLog.id)
    expect(audit.map((row) => row.details)).toEqual([
      { before: { roles: ['operator'] }, after: { roles: ['operator', 'supervisor'] }, revokedSessions: 0 },
      {
        before: { displayName: expect.any(String) },
        after: { displayName: 'Nome Nuovo' },
        revokedSessions: 0,
      },
      { before: { active: true }, after: { active: false }, revokedSessions: 1 },
    ])
  })

  it('keeps administrators from locking themselves out', async () => {
    const self = await createStaffSession(t.runtime, { roles: ['admin', 'supervisor'] })
    const demoted = await call('PATCH', `/staff/${self.accountId}`, self, { roles: ['supervisor'] })
    expect(demoted.statusCode).toBe(403)
    expect(demoted.json().detail).toContain('amministratore')
    expect((await call('PATCH', `/staff/${self.accountId}`, self, { active: false })).statusCode).toBe(403)
    expect((await call('PATCH', `/staff/${self.accountId}`, self, { displayName: 'Io' })).statusCode).toBe(
      200,
    )
    // Another administrator may demote them.
    expect(
      (await call('PATCH', `/staff/${self.accountId}`, admin, { roles: ['supervisor'] })).statusCode,
    ).toBe(200)
  })

  it('refuses empty, malformed or unknown staff changes', async () => {
    const other = await createStaffSession(t.runtime, { roles: ['analyst'] })
    expect((await call('PATCH', `/staff/${other.accountId}`, admin, {})).statusCode).toBe(400)
    expect(
      (await call('PATCH', `/staff/${other.accountId}`, admin, { roles: ['admin'], email: 'x' })).statusCode,
    ).toBe(400)
    expect((await call('PATCH', '/staff/not-a-uuid', admin, { active: true })).statusCode).toBe(400)
    expect((await call('PATCH', `/staff/${randomUUID()}`, admin, { active: true })).statusCode).toBe(404)
    expect((await call('PUT', `/staff/${randomUUID()}/teams`, admin, { teamCodes: [] })).statusCode).toBe(404)
  })

  it('replaces a member’s teams, effective on their next request', async () => {
    const first = uniqueCode('team')
    const second = uniqueCode('team')
    for (const code of [first, second]) await call('POST', '/teams', admin, { code, name: code })
    const operator = await createStaffSession(t.runtime, { roles: ['operator'], teams: [first] })
    const changed = await call('PUT', `/staff/${operator.accountId}/teams`, admin, { teamCodes: [second] })
    expect(changed.statusCode).toBe(200)
    expect(changed.json().teams).toEqual([{ code: second, name: second }])
    const session = await t.app.inject({ method: 'GET', url: '/api/v1/session', headers: operator.headers })
    expect(session.json().teams).toEqual([second])

    const unknown = await call('PUT', `/staff/${operator.accountId}/teams`, admin, {
      teamCodes: [second, 'nope-x'],
    })
    expect(unknown.statusCode).toBe(400)
    expect(unknown.json().errors[0].message).toContain('nope-x')
    expect((await call('GET', '/staff', admin)).json().staff).toContainEqual(
      expect.objectContaining({ id: operator.accountId, teams: [{ code: second, name: second }] }),
    )
  })

  it('creates an API client whose key is shown once, lists and revokes it', async () => {
    const created = await call('POST', '/api-clients', admin, {
      name: 'Centralino 020202',
      scopes: ['telephony'],
    })
    expect(created.statusCode).toBe(201)
    expect(created.headers['cache-control']).toBe('no-store')
    const { client, key } = created.json()
    expect(key).toMatch(/^civ_[A-Za-z0-9]{8}_/)
    expect(client).toMatchObject({ name: 'Centralino 020202', scopes: ['telephony'], revokedAt: null })
    expect(await resolveApiKey(t.runtime, key)).toEqual({ id: client.id, scopes: ['telephony'] })

    const listed = (await call('GET', '/api-clients', admin)).json().apiClients
    // Using the key above recorded its last use.
    expect(listed).toContainEqual({ ...client, lastUsedAt: expect.any(String) })
    expect(JSON.stringify(listed)).not.toContain(key)

    const revoked = await call('DELETE', `/api-clients/${client.id}`, admin)
    expect(revoked.statusCode).toBe(200)
    expect(revoked.json().revokedAt).not.toBeNull()
    expect(await resolveApiKey(t.runtime, key)).toBeNull()
    expect((await call('DELETE', `/api-clients/${client.id}`, admin)).statusCode).toBe(404)
    expect((await call('DELETE', '/api-clients/nope', admin)).statusCode).toBe(400)
  })
})
