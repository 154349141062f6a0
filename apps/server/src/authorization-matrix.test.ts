import { randomUUID } from 'node:crypto'
import type { InjectOptions } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApiClient } from './modules/identity/api-client-service.js'
import { STAFF_ROLES, type StaffRole } from './platform/context.js'
import { type DeclaredRoute, listDeclaredRoutes } from './platform/http/access.js'
import { createTestApp, type TestApp } from './test/app.js'
import { createCitizenSession, createStaffSession, type TestSession } from './test/identity.js'

/**
 * Every route registered in the app, tried by callers who must be refused: nobody, the wrong kind
 * of person, the wrong role, a client without the scope, and a citizen reaching for ids that are not
 * theirs. New routes are picked up automatically.
 */
describe('authorization matrix', () => {
  let t: TestApp
  let routes: DeclaredRoute[]
  let citizenL1: TestSession
  let otherCitizen: TestSession
  const staffByRole = new Map<StaffRole, TestSession>()
  let scopelessClientKey: string

  beforeAll(async () => {
    t = await createTestApp({ work: false })
    routes = listDeclaredRoutes(t.app)
    citizenL1 = await createCitizenSession(t.runtime, { level: 1 })
    otherCitizen = await createCitizenSession(t.runtime, { level: 3 })
    for (const role of STAFF_ROLES)
      staffByRole.set(role, await createStaffSession(t.runtime, { roles: [role] }))
    const ctx = {
      ...t.runtime,
      actor: { type: 'system' as const, name: 'test' },
      meta: { ip: null, requestId: null, locale: 'it' as const },
    }
    scopelessClientKey = (await createApiClient(ctx, { name: 'no scopes', scopes: [] })).key
  })

  afterAll(async () => {
    await t?.close()
  })

  function request(route: DeclaredRoute, headers: Record<string, string> = {}): InjectOptions {
    const url = route.url.replace(/:(\w+)/g, () => randomUUID()).replace(/\*$/, 'x')
    const method = route.method as InjectOptions['method']
    const withBody = !['GET', 'DELETE', 'OPTIONS'].includes(route.method)
    return { method, url, headers, ...(withBody ? { payload: {} } : {}) }
  }

  const protectedRoutes = () => routes.filter((r) => r.access.kind !== 'public')

  it('knows the routes of the app', () => {
    expect(routes.length).toBeGreaterThan(5)
    expect(routes).toContainEqual({ method: 'DELETE', url: '/api/v1/session', access: { kind: 'signed-in' } })
  })

  it('refuses every protected route to an anonymous caller with 401', async () => {
    for (const route of protectedRoutes()) {
      const response = await t.app.inject(request(route))
      expect(response.statusCode, `${route.method} ${route.url}`).toBe(401)
    }
  })

  it('refuses citizen routes to staff and API clients, and enforces the minimum level', async () => {
    for (const route of routes.filter((r) => r.access.kind === 'citizen')) {
      for (const staff of staffByRole.values()) {
        const response = await t.app.inject(request(route, staff.headers))
        expect(response.statusCode, `${route.method} ${route.url} as staff`).toBe(403)
      }
      const client = await t.app.inject(request(route, { 'x-api-key': scopelessClientKey }))
      expect(client.statusCode, `${route.method} ${route.url} as API client`).toBe(403)
      const minimum = route.access.kind === 'citizen' ? (route.access.minimumLevel ?? 1) : 1
      if (minimum > 1) {
        const low = await t.app.inject(request(route, citizenL1.headers))
        expect(low.statusCode, `${route.method} ${route.url} at level 1`).toBe(403)
        expect(low.json()).toMatchObject({ code: 'STEP_UP_REQUIRED', requiredLevel: minimum })
      }
    }
  })

  it('refuses staff routes to citizens and to staff without the role', async () => {
    for (const route of routes.filter((r) => r.access.kind === 'staff')) {
      const asCitizen = await t.app.inject(request(route, otherCitizen.headers))
      expect(asCitizen.statusCode, `${route.method} ${route.url} as citizen`).toBe(403)
      const allowed = route.access.kind === 'staff' ? route.access.roles : []
      for (const [role, staff] of staffByRole) {
        if (allowed.length === 0 || allowed.includes(role)) continue
        const response = await t.app.inject(request(route, staff.headers))
        expect(response.statusCode, `${route.method} ${route.url} as ${role}`).toBe(403)
      }
    }
  })

  it('refuses API-client routes to people and to clients without the scope', async () => {
    for (const route of routes.filter((r) => r.access.kind === 'api-client')) {
      for (const session of [otherCitizen, ...staffByRole.values()]) {
        const response = await t.app.inject(request(route, session.headers))
        expect(response.statusCode, `${route.method} ${route.url} as a person`).toBe(403)
      }
      const needsScopes = route.access.kind === 'api-client' && route.access.scopes.length > 0
      if (needsScopes) {
        const response = await t.app.inject(request(route, { 'x-api-key': scopelessClientKey }))
        expect(response.statusCode, `${route.method} ${route.url} without scope`).toBe(403)
      }
    }
  })

  it('refuses signed-in routes to API clients', async () => {
    for (const route of routes.filter((r) => r.access.kind === 'signed-in')) {
      const response = await t.app.inject(request(route, { 'x-api-key': scopelessClientKey }))
      expect(response.statusCode, `${route.method} ${route.url}`).toBe(403)
    }
  })

  it('never hands a citizen something under ids that are not theirs', async () => {
    for (const route of routes.filter((r) => r.access.kind === 'citizen' && r.url.includes(':'))) {
      const response = await t.app.inject(request(route, otherCitizen.headers))
      expect(response.statusCode, `${route.method} ${route.url} with foreign ids`).toBeGreaterThanOrEqual(400)
      expect(response.statusCode, `${route.method} ${route.url} with foreign ids`).toBeLessThan(500)
    }
  })
})
