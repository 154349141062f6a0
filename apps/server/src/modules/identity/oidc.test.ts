import { randomUUID } from 'node:crypto'
import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditLog } from '../../platform/audit-tables.js'
import { createTestApp, type TestApp } from '../../test/app.js'
import { uniqueFiscalCode } from '../../test/identity.js'
import { signInThroughDevProvider, TestBrowser } from '../../test/oidc-browser.js'
import { createHousehold } from '../../test/registry.js'
import { notificationMessages } from '../notifications/tables.js'
import { SESSION_COOKIE } from './session-service.js'
import { citizenAccounts, staffAccounts } from './tables.js'

let t: TestApp

beforeAll(async () => {
  t = await createTestApp({ work: false })
})
afterAll(async () => {
  await t?.close()
})

async function sessionOf(browser: TestBrowser) {
  return (await browser.get('/api/v1/session')).json()
}

function someone(overrides: Record<string, string> = {}) {
  return {
    identity: 'custom',
    fiscalCode: uniqueFiscalCode(),
    givenName: 'Marta',
    familyName: 'Rossi',
    birthDate: '1979-04-21',
    ...overrides,
  }
}

async function citizenAccount(fiscalCode: string) {
  const [row] = await t.runtime.db
    .select()
    .from(citizenAccounts)
    .where(eq(citizenAccounts.fiscalCode, fiscalCode))
  return row
}

async function auditRows(action: string, subjectId: string) {
  return t.runtime.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, action), eq(auditLog.subjectId, subjectId)))
    .orderBy(auditLog.id)
}

describe('citizen sign-in through the development provider', () => {
  it('signs a citizen in at level 1, then steps up to level 2 in a new session', async () => {
    const browser = new TestBrowser(t.app)
    const person = someone({ level: '1' })
    const first = await signInThroughDevProvider(
      browser,
      '/auth/citizen/login?method=spid&level=1&returnTo=/area-personale',
      person,
    )
    expect(first.response.statusCode).toBe(302)
    expect(first.response.headers.location).toBe('/area-personale')
    const cookies = [first.response.headers['set-cookie'] ?? []].flat()
    expect(cookies).toContainEqual(
      expect.stringMatching(/^civico_session=.+; Path=\/;.*HttpOnly; SameSite=Lax$/),
    )
    // The round trip is over: its browser binding is cleared.
    expect(cookies).toContainEqual(expect.stringMatching(/^civico_login=; Max-Age=0;/))
    const levelOneToken = browser.sessionToken
    expect(await sessionOf(browser)).toMatchObject({
      authenticated: true,
      kind: 'citizen',
      level: 1,
      method: 'spid',
      fiscalCode: person.fiscalCode,
      displayName: 'Marta Rossi',
    })

    const stepUp = await signInThroughDevProvider(
      browser,
      '/auth/citizen/login?level=2&returnTo=/area-personale/documenti',
      { ...person, level: '2' },
    )
    expect(stepUp.response.statusCode).toBe(302)
    expect(stepUp.response.headers.location).toBe('/area-personale/documenti')
    expect(browser.sessionToken).toBeDefined()
    expect(browser.sessionToken).not.toBe(levelOneToken)
    expect(await sessionOf(browser)).toMatchObject({
      authenticated: true,
      level: 2,
      fiscalCode: person.fiscalCode,
    })

    const oldCookie = { cookie: `${SESSION_COOKIE}=${levelOneToken}` }
    const withOldToken = await t.app.inject({ method: 'GET', url: '/api/v1/session', headers: oldCookie })
    expect(withOldToken.json()).toEqual({ authenticated: false })

    const account = await citizenAccount(person.fiscalCode)
    const logins = await auditRows('citizen.login', account!.id)
    expect(logins.map((row) => row.details)).toEqual([
      expect.objectContaining({ level: 1, requestedLevel: 1, stepUp: false, method: 'spid' }),
      expect.objectContaining({ level: 2, requestedLevel: 2, stepUp: true }),
    ])
    expect(logins[0]!.ip).toBe(browser.remoteAddress)
    // The first sign-in wrote one welcome message; the step-up did not write another.
    const welcome = await t.runtime.db
      .select()
      .from(notificationMessages)
      .where(eq(notificationMessages.recipientFiscalCode, person.fiscalCode))
    // "del Comune", or "del Comune di Milano" when the shared PostgreSQL database holds the demo city.
    expect(welcome.map((message) => message.subject)).toEqual([
      expect.stringMatching(/^Benvenuto, Marta: la tua area personale del Comune( di [A-Z]\w+)?$/),
    ])
  })

  it('signs in with CIE at level 3', async () => {
    const browser = new TestBrowser(t.app)
    const { response } = await signInThroughDevProvider(browser, '/auth/citizen/login?method=cie&level=1', {
      ...someone(),
      level: 'cie',
    })
    expect(response.statusCode).toBe(302)
    expect(await sessionOf(browser)).toMatchObject({ authenticated: true, level: 3, method: 'cie' })
  })

  it('signs in a public SPID test identity picked from the list, with its verified e-mail', async () => {
    const browser = new TestBrowser(t.app)
    const { response } = await signInThroughDevProvider(browser, '/auth/citizen/login?level=2', {
      identity: 'LVLDAA85T50G702B',
      level: '2',
    })
    expect(response.statusCode).toBe(302)
    expect(response.headers.location).toBe('/')
    expect(await sessionOf(browser)).toMatchObject({ level: 2, displayName: 'Ada Lovelace' })
    const account = await citizenAccount('LVLDAA85T50G702B')
    expect(account).toMatchObject({ email: 'ada.lovelace@example.it', birthDate: '1985-12-10' })
    expect(account!.emailVerifiedAt).toBeInstanceOf(Date)
  })

  it('links the account to the registry person with the same fiscal code', async () => {
    const household = await createHousehold(t.runtime.db)
    const browser = new TestBrowser(t.app)
    const { response } = await signInThroughDevProvider(browser, '/auth/citizen/login?level=2', {
      identity: household.parent.fiscalCode,
      level: '2',
    })
    expect(response.statusCode).toBe(302)
    const account = await citizenAccount(household.parent.fiscalCode)
    expect(account).toMatchObject({
      personId: household.parent.id,
      givenName: household.parent.givenName,
      familyName: household.parent.familyName,
    })
    const [login] = await auditRows('citizen.login', account!.id)
    expect(login!.details).toMatchObject({ registryMatch: true })
  })

  it('opens a folder without a registry person for someone not resident', async () => {
    const browser = new TestBrowser(t.app)
    const person = someone()
    await signInThroughDevProvider(browser, '/auth/citizen/login?level=2', { ...person, level: '2' })
    expect((await citizenAccount(person.fiscalCode))!.personId).toBeNull()
  })

  it('stores an e-mail the provider did not verify as unverified', async () => {
    const browser = new TestBrowser(t.app)
    const person = someone({ email: 'marta.rossi@example.it', level: '2' })
    await signInThroughDevProvider(browser, '/auth/citizen/login?level=2', person)
    const account = await citizenAccount(person.fiscalCode)
    expect(account).toMatchObject({ email: 'marta.rossi@example.it', emailVerifiedAt: null })

    await signInThroughDevProvider(browser, '/auth/citizen/login?level=2', {
      ...person,
      emailVerified: 'true',
    })
    expect((await citizenAccount(person.fiscalCode))!.emailVerifiedAt).toBeInstanceOf(Date)
  })

  it.each([
    ['a protocol-relative address', '//evil.example'],
    ['an absolute address elsewhere', 'https://evil.example/x'],
    ['a backslash trick', '/\\evil.example'],
  ])('sends the citizen home when returnTo is %s', async (_label, returnTo) => {
    const browser = new TestBrowser(t.app)
    const { response } = await signInThroughDevProvider(
      browser,
      `/auth/citizen/login?level=2&returnTo=${encodeURIComponent(returnTo)}`,
      { ...someone(), level: '2' },
    )
    expect(response.statusCode).toBe(302)
    expect(response.headers.location).toBe('/')
  })

  it('asks the provider for the level, a fresh login, PKCE and a nonce', async () => {
    const browser = new TestBrowser(t.app)
    const login = await browser.get('/auth/citizen/login?level=3&returnTo=/area-personale')
    expect(login.statusCode).toBe(302)
    expect(login.headers['cache-control']).toBe('no-store')
    const url = new URL(String(login.headers.location))
    expect(url.origin + url.pathname).toBe('http://localhost:3000/dev-idp/auth')
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      client_id: 'civico-citizens',
      response_type: 'code',
      redirect_uri: 'http://localhost:3000/auth/citizen/callback',
      scope: 'openid profile email',
      acr_values: 'https://www.spid.gov.it/SpidL3',
      prompt: 'login',
      code_challenge_method: 'S256',
    })
    expect(url.searchParams.get('state')).toMatch(/^[\w-]{20,}$/)
    expect(url.searchParams.get('nonce')).toMatch(/^[\w-]{20,}$/)
    expect(url.searchParams.get('code_challenge')).toMatch(/^[\w-]{43}$/)
  })
})

describe('staff sign-in through the development provider', () => {
  async function createStaff(values: { subject: string; email: string; active?: boolean }) {
    const [row] = await t.runtime.db
      .insert(staffAccounts)
      .values({ ...values, displayName: 'Paola Operatrice', roles: ['operator', 'supervisor'] })
      .returning()
    return row!
  }

  it('signs a staff member in by subject and sends them to the back office', async () => {
    const staff = await createStaff({
      subject: `test-${randomUUID()}`,
      email: `${randomUUID()}@comune.example.it`,
    })
    const browser = new TestBrowser(t.app)
    const { response } = await signInThroughDevProvider(browser, '/auth/staff/login?returnTo=/backoffice', {
      identity: staff.subject,
    })
    expect(response.statusCode).toBe(302)
    expect(response.headers.location).toBe('/backoffice')
    expect(await sessionOf(browser)).toMatchObject({
      authenticated: true,
      kind: 'staff',
      method: 'staff',
      displayName: 'Paola Operatrice',
      roles: ['operator', 'supervisor'],
      fiscalCode: null,
    })
    const [login] = await auditRows('staff.login', staff.id)
    expect(login).toMatchObject({ actorType: 'staff', actorId: staff.id, details: { matchedBy: 'subject' } })
  })

  it('recognises a staff member by e-mail the first time and remembers the subject', async () => {
    const email = `${randomUUID()}@comune.example.it`
    const staff = await createStaff({ subject: `invited-${randomUUID()}`, email })
    const directorySubject = `directory-${randomUUID()}`
    const browser = new TestBrowser(t.app)
    const { response } = await signInThroughDevProvider(browser, '/auth/staff/login?returnTo=/backoffice', {
      identity: 'custom',
      subject: directorySubject,
      displayName: 'Paola Operatrice',
      email: email.toUpperCase(),
    })
    expect(response.statusCode).toBe(302)
    const [stored] = await t.runtime.db.select().from(staffAccounts).where(eq(staffAccounts.id, staff.id))
    expect(stored).toMatchObject({ subject: directorySubject })
    expect(stored!.lastLoginAt).toBeInstanceOf(Date)
  })

  it('replaces a citizen session open in the same browser', async () => {
    const browser = new TestBrowser(t.app)
    await signInThroughDevProvider(browser, '/auth/citizen/login?level=2', { ...someone(), level: '2' })
    const citizenToken = browser.sessionToken
    const staff = await createStaff({
      subject: `test-${randomUUID()}`,
      email: `${randomUUID()}@comune.example.it`,
    })
    await signInThroughDevProvider(browser, '/auth/staff/login', { identity: staff.subject })
    expect(browser.sessionToken).not.toBe(citizenToken)
    const old = await t.app.inject({
      method: 'GET',
      url: '/api/v1/session',
      headers: { cookie: `${SESSION_COOKIE}=${citizenToken}` },
    })
    expect(old.json()).toEqual({ authenticated: false })
  })
})
