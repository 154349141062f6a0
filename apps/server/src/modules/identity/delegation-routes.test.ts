import { randomUUID } from 'node:crypto'
import { and, desc, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest'
import { auditLog } from '../../platform/audit-tables.js'
import { manualClock } from '../../platform/clock.js'
import { createTestApp, type TestApp } from '../../test/app.js'
import { type CreatedMember, createHousehold } from '../../test/households.js'
import { createCitizenSession, createStaffSession, uniqueFiscalCode } from '../../test/identity.js'

// 10:00 in Rome on 2 March 2026.
const clock = manualClock('2026-03-02T09:00:00Z')
const MINUTE = 60_000

describe('acting for others and delegations', () => {
  let t: TestApp

  beforeAll(async () => {
    t = await createTestApp({ clock, work: false })
  })
  afterAll(async () => {
    await t?.close()
  })

  const call = (
    method: 'GET' | 'PUT' | 'POST' | 'DELETE',
    url: string,
    session?: { headers: Record<string, string> },
    payload?: unknown,
  ) =>
    t.app.inject({
      method,
      url,
      headers: session?.headers ?? {},
      ...(payload === undefined ? {} : { payload: payload as object }),
    })

  /** A family: parents, a minor, a child turning 18 today, an adult child; and a grandmother elsewhere. */
  async function family() {
    const [head, spouse, minor, comingOfAge, adultChild] = (await createHousehold(t.runtime.db, [
      { relationship: 'head', birthDate: '1980-04-10' },
      { relationship: 'spouse', birthDate: '1982-07-21' },
      { relationship: 'child', birthDate: '2015-06-01' },
      { relationship: 'child', birthDate: '2008-03-02' },
      { relationship: 'child', birthDate: '2000-01-01' },
    ])) as [CreatedMember, CreatedMember, CreatedMember, CreatedMember, CreatedMember]
    const [grandmother] = (await createHousehold(t.runtime.db, [
      { relationship: 'head', birthDate: '1950-09-09' },
    ])) as [CreatedMember]
    return { head, spouse, minor, comingOfAge, adultChild, grandmother }
  }

  const signIn = (person: CreatedMember, level: 1 | 2 | 3 = 2) =>
    createCitizenSession(t.runtime, { fiscalCode: person.fiscalCode, personId: person.id, level })

  const inAMonth = '2026-04-02'

  describe('access', () => {
    const someId = randomUUID()
    const routes = [
      { method: 'GET', url: '/api/v1/me/represented', payload: undefined },
      { method: 'PUT', url: '/api/v1/session/acting-for', payload: { fiscalCode: null } },
      { method: 'GET', url: '/api/v1/me/delegations', payload: undefined },
      {
        method: 'POST',
        url: '/api/v1/me/delegations',
        payload: { delegateFiscalCode: 'RSSMRA80A01F205X', scopes: ['folder'], validUntil: inAMonth },
      },
      { method: 'DELETE', url: `/api/v1/me/delegations/${someId}`, payload: undefined },
    ] as const

    it.each(routes)('$method $url needs a citizen session', async ({ method, url, payload }) => {
      expect((await call(method, url, undefined, payload)).statusCode).toBe(401)
      const staff = await createStaffSession(t.runtime, { roles: ['operator'] })
      expect((await call(method, url, staff, payload)).statusCode).toBe(403)
    })

    it.each(routes.filter((route) => route.method !== 'GET'))(
      '$method $url refuses a change without the CSRF header',
      async ({ method, url, payload }) => {
        const citizen = await createCitizenSession(t.runtime)
        const response = await t.app.inject({
          method,
          url,
          headers: { cookie: citizen.headers.cookie! },
          payload,
        })
        expect(response.statusCode).toBe(403)
        expect(response.json().code).toBe('CSRF_FAILED')
      },
    )

    it('asks for SPID level 2 to give a delegation', async () => {
      const { head, grandmother } = await family()
      const response = await call('POST', '/api/v1/me/delegations', await signIn(grandmother, 1), {
        delegateFiscalCode: head.fiscalCode,
        scopes: ['folder'],
        validUntil: inAMonth,
      })
      expect(response.statusCode).toBe(403)
      expect(response.json().code).toBe('STEP_UP_REQUIRED')
    })
  })

  it('lists the minor children of the household, not those of age', async () => {
    const { head, spouse, minor, adultChild } = await family()
    for (const parent of [head, spouse]) {
      const response = await call('GET', '/api/v1/me/represented', await signIn(parent))
      expect(response.statusCode).toBe(200)
      expect(response.json()).toEqual({
        actingFor: null,
        people: [
          {
            fiscalCode: minor.fiscalCode,
            givenName: minor.givenName,
            familyName: minor.familyName,
            birthDate: '2015-06-01',
            basis: 'minor-child',
            scopes: ['folder', 'certificates', 'appointments', 'payments', 'tickets'],
            delegationId: null,
            validUntil: null,
          },
        ],
      })
    }
    const asChild = await call('GET', '/api/v1/me/represented', await signIn(adultChild))
    expect(asChild.json().people).toEqual([])
  })

  it('switches the session to a minor child and back, audited with both people', async () => {
    const { head, minor, comingOfAge, adultChild } = await family()
    const parent = await signIn(head)
    const switched = await call('PUT', '/api/v1/session/acting-for', parent, {
      fiscalCode: minor.fiscalCode.toLowerCase(),
    })
    expect(switched.statusCode).toBe(200)
    expect(switched.json().actingFor).toMatchObject({ fiscalCode: minor.fiscalCode, basis: 'minor-child' })
    expect((await call('GET', '/api/v1/session', parent)).json().actingFor).toBe(minor.fiscalCode)
    expect((await call('GET', '/api/v1/me/represented', parent)).json().actingFor).toBe(minor.fiscalCode)

    const [audit] = await t.runtime.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'session.acting-for'), eq(auditLog.subjectId, minor.fiscalCode)))
    expect(audit).toMatchObject({
      actorType: 'citizen',
      actorId: parent.accountId,
      details: { citizen: head.fiscalCode, from: null, to: minor.fiscalCode, basis: 'minor-child' },
    })

    for (const refused of [comingOfAge, adultChild]) {
      const response = await call('PUT', '/api/v1/session/acting-for', parent, {
        fiscalCode: refused.fiscalCode,
      })
      expect(response.statusCode).toBe(403)
      expect(response.json().detail).toContain('Non puoi operare per questa persona')
    }
    expect((await call('GET', '/api/v1/session', parent)).json().actingFor).toBe(minor.fiscalCode)

    const back = await call('PUT', '/api/v1/session/acting-for', parent, { fiscalCode: null })
    expect(back.json()).toEqual({ actingFor: null })
    expect((await call('GET', '/api/v1/session', parent)).json().actingFor).toBeNull()
    const self = await call('PUT', '/api/v1/session/acting-for', parent, { fiscalCode: head.fiscalCode })
    expect(self.json()).toEqual({ actingFor: null })
  })

  it('refuses a malformed fiscal code when switching', async () => {
    const { head } = await family()
    const response = await call('PUT', '/api/v1/session/acting-for', await signIn(head), {
      fiscalCode: 'RSSMRA80A01F205',
    })
    expect(response.statusCode).toBe(400)
    expect(response.json().errors).toContainEqual(expect.objectContaining({ path: 'body.fiscalCode' }))
  })

  it('lets a delegator give, list and revoke a delegation, and the delegate act on it meanwhile', async () => {
    const { head, grandmother } = await family()
    const granny = await signIn(grandmother)
    const created = await call('POST', '/api/v1/me/delegations', granny, {
      delegateFiscalCode: head.fiscalCode,
      scopes: ['certificates', 'payments'],
      validUntil: inAMonth,
    })
    expect(created.statusCode).toBe(201)
    const delegation = created.json()
    expect(delegation).toMatchObject({
      direction: 'given',
      delegator: {
        fiscalCode: grandmother.fiscalCode,
        name: `${grandmother.givenName} ${grandmother.familyName}`,
      },
      delegate: { fiscalCode: head.fiscalCode, name: `${head.givenName} ${head.familyName}` },
      scopes: ['certificates', 'payments'],
      validFrom: '2026-03-02T09:00:00.000Z',
      // The end of 2 April in Rome (summer time by then).
      validUntil: '2026-04-02T22:00:00.000Z',
      revokedAt: null,
      status: 'active',
    })

    const son = await signIn(head)
    const represented = (await call('GET', '/api/v1/me/represented', son)).json()
    expect(represented.people).toContainEqual({
      fiscalCode: grandmother.fiscalCode,
      givenName: grandmother.givenName,
      familyName: grandmother.familyName,
      birthDate: '1950-09-09',
      basis: 'delegation',
      scopes: ['certificates', 'payments'],
      delegationId: delegation.id,
      validUntil: '2026-04-02T22:00:00.000Z',
    })
    const received = (await call('GET', '/api/v1/me/delegations', son)).json()
    expect(received.given).toEqual([])
    expect(received.received).toEqual([{ ...delegation, direction: 'received' }])
    expect((await call('GET', '/api/v1/me/delegations', granny)).json().given).toEqual([delegation])

    expect(
      (await call('PUT', '/api/v1/session/acting-for', son, { fiscalCode: grandmother.fiscalCode }))
        .statusCode,
    ).toBe(200)

    // Neither the delegate nor a stranger may revoke; the stranger does not even learn it exists.
    const byDelegate = await call('DELETE', `/api/v1/me/delegations/${delegation.id}`, son)
    expect(byDelegate.statusCode).toBe(403)
    const stranger = await createCitizenSession(t.runtime)
    expect((await call('DELETE', `/api/v1/me/delegations/${delegation.id}`, stranger)).statusCode).toBe(404)
    const strangersList = (await call('GET', '/api/v1/me/delegations', stranger)).json()
    expect(strangersList).toEqual({ given: [], received: [] })

    const revoked = await call('DELETE', `/api/v1/me/delegations/${delegation.id}`, granny)
    expect(revoked.statusCode).toBe(200)
    expect(revoked.json()).toMatchObject({ status: 'revoked', revokedAt: '2026-03-02T09:00:00.000Z' })
    expect((await call('GET', '/api/v1/session', son)).json().actingFor).toBeNull()
    expect((await call('GET', '/api/v1/me/represented', son)).json().people).not.toContainEqual(
      expect.objectContaining({ fiscalCode: grandmother.fiscalCode }),
    )
    expect(
      (await call('PUT', '/api/v1/session/acting-for', son, { fiscalCode: grandmother.fiscalCode }))
        .statusCode,
    ).toBe(403)
    expect((await call('DELETE', `/api/v1/me/delegations/${delegation.id}`, granny)).statusCode).toBe(409)

    const actions = await t.runtime.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(eq(auditLog.subjectId, delegation.id))
      .orderBy(desc(auditLog.id))
    expect(actions.map((row) => row.action)).toEqual(['delegation.revoke', 'delegation.create'])
  })

  it('replaces the delegation in force when the same person is delegated again', async () => {
    const { head, grandmother } = await family()
    const granny = await signIn(grandmother)
    const first = (
      await call('POST', '/api/v1/me/delegations', granny, {
        delegateFiscalCode: head.fiscalCode,
        scopes: ['folder'],
        validUntil: inAMonth,
      })
    ).json()
    clock.advance(MINUTE)
    const second = (
      await call('POST', '/api/v1/me/delegations', granny, {
        delegateFiscalCode: head.fiscalCode,
        scopes: ['folder', 'tickets'],
        validUntil: '2026-12-31',
      })
    ).json()
    const given = (await call('GET', '/api/v1/me/delegations', granny)).json().given
    expect(given.map((entry: { id: string; status: string }) => [entry.id, entry.status])).toEqual([
      [second.id, 'active'],
      [first.id, 'revoked'],
    ])
  })

  it('stops acting for a delegator when the delegation runs out at midnight', async () => {
    clock.set('2026-03-02T21:50:00Z') // 22:50 in Rome
    onTestFinished(() => clock.set('2026-03-02T09:00:00Z'))
    const { head, grandmother } = await family()
    const granny = await signIn(grandmother)
    await call('POST', '/api/v1/me/delegations', granny, {
      delegateFiscalCode: head.fiscalCode,
      scopes: ['folder'],
      validUntil: '2026-03-02',
    })
    const son = await signIn(head)
    await call('PUT', '/api/v1/session/acting-for', son, { fiscalCode: grandmother.fiscalCode })
    clock.advance(25 * MINUTE)
    expect((await call('GET', '/api/v1/me/represented', son)).json().actingFor).toBe(grandmother.fiscalCode)
    clock.advance(25 * MINUTE) // 23:40 in Rome
    expect((await call('GET', '/api/v1/me/represented', son)).json().actingFor).toBe(grandmother.fiscalCode)
    clock.advance(25 * MINUTE) // 00:05 on 3 March
    const after = (await call('GET', '/api/v1/me/represented', son)).json()
    expect(after.actingFor).toBeNull()
    expect(after.people.map((person: { basis: string }) => person.basis)).toEqual(['minor-child'])
    expect((await call('GET', '/api/v1/session', son)).json().actingFor).toBeNull()
    const list = (await call('GET', '/api/v1/me/delegations', son)).json()
    expect(list.received[0].status).toBe('expired')
  })

  it('refuses a delegator who is not an adult in the registry', async () => {
    const { head, minor } = await family()
    const unregistered = await createCitizenSession(t.runtime)
    const payload = { delegateFiscalCode: head.fiscalCode, scopes: ['folder'], validUntil: inAMonth }
    const response = await call('POST', '/api/v1/me/delegations', unregistered, payload)
    expect(response.statusCode).toBe(403)
    expect(response.json().detail).toContain('anagrafe')
    const child = await call('POST', '/api/v1/me/delegations', await signIn(minor), payload)
    expect(child.statusCode).toBe(403)
    expect(child.json().detail).toContain('maggiorenne')
  })

  it.each([
    ['an unknown scope', { scopes: ['folder', 'taxes'] }, 'body.scopes.1'],
    ['no scope', { scopes: [] }, 'body.scopes'],
    ['a repeated scope', { scopes: ['folder', 'folder'] }, 'body.scopes'],
    ['an end in the past', { validUntil: '2026-03-01' }, 'body.validUntil'],
    ['an end more than a year ahead', { validUntil: '2027-03-03' }, 'body.validUntil'],
    ['a date that does not exist', { validUntil: '2026-02-30' }, 'body.validUntil'],
    ['a malformed fiscal code', { delegateFiscalCode: 'RSSMRA80A01F205A' }, 'body.delegateFiscalCode'],
    ['oneself as delegate', { delegateFiscalCode: 'SELF' }, 'body.delegateFiscalCode'],
    ['a minor as delegate', { delegateFiscalCode: 'MINOR' }, 'body.delegateFiscalCode'],
  ])('refuses %s', async (_name, change, path) => {
    const { head, minor, grandmother } = await family()
    const granny = await signIn(grandmother)
    const payload = {
      delegateFiscalCode: head.fiscalCode,
      scopes: ['folder'],
      validUntil: inAMonth,
      ...change,
    }
    if (payload.delegateFiscalCode === 'SELF') payload.delegateFiscalCode = grandmother.fiscalCode
    if (payload.delegateFiscalCode === 'MINOR') payload.delegateFiscalCode = minor.fiscalCode
    const response = await call('POST', '/api/v1/me/delegations', granny, payload)
    expect(response.statusCode).toBe(400)
    expect(response.json().errors).toContainEqual(expect.objectContaining({ path }))
    expect((await call('GET', '/api/v1/me/delegations', granny)).json().given).toEqual([])
  })

  it('describes the identity routes in the OpenAPI document', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/openapi.json' })
    expect(response.statusCode).toBe(200)
    expect(Object.keys(response.json().paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/me',
        '/api/v1/me/contacts/email',
        '/api/v1/me/contacts/mobile',
        '/api/v1/me/contacts/verify',
        '/api/v1/me/represented',
        '/api/v1/session/acting-for',
        '/api/v1/me/delegations',
        '/api/v1/me/delegations/{id}',
        '/api/v1/admin/staff',
        '/api/v1/admin/staff/{id}',
        '/api/v1/admin/staff/{id}/teams',
        '/api/v1/admin/teams',
        '/api/v1/admin/api-clients',
        '/api/v1/admin/api-clients/{id}',
      ]),
    )
  })

  it('refuses a malformed delegation id and unknown ones', async () => {
    const citizen = await createCitizenSession(t.runtime, { fiscalCode: uniqueFiscalCode() })
    expect((await call('DELETE', '/api/v1/me/delegations/not-a-uuid', citizen)).statusCode).toBe(400)
    expect((await call('DELETE', `/api/v1/me/delegations/${randomUUID()}`, citizen)).statusCode).toBe(404)
  })
})
