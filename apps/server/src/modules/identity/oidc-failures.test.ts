import { randomUUID } from 'node:crypto'
import { eq } from 'drizzle-orm'
import type { LightMyRequestResponse } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditLog } from '../../platform/audit-tables.js'
import { manualClock } from '../../platform/clock.js'
import { createTestApp, type TestApp } from '../../test/app.js'
import { uniqueFiscalCode } from '../../test/identity.js'
import {
  openProviderPage,
  signInThroughDevProvider,
  submitProviderForm,
  TestBrowser,
} from '../../test/oidc-browser.js'
import { SESSION_COOKIE } from './session-service.js'
import { citizenAccounts, loginAttempts, staffAccounts } from './tables.js'

// The provider and its tokens live in real time; only Civico's own clock (attempt expiry) is moved.
const clock = manualClock(new Date())
let t: TestApp

beforeAll(async () => {
  t = await createTestApp({ clock, work: false })
})
afterAll(async () => {
  await t?.close()
})

function someone(overrides: Record<string, string> = {}) {
  return {
    identity: 'custom',
    fiscalCode: uniqueFiscalCode(),
    givenName: 'Luigi',
    familyName: 'Bianchi',
    level: '2',
    ...overrides,
  }
}

function expectProblem(response: LightMyRequestResponse, status: number, code: string) {
  expect(response.statusCode).toBe(status)
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/)
  const problem = response.json()
  expect(problem).toMatchObject({ status, code })
  expect(response.headers['set-cookie'] ?? '').not.toContain(SESSION_COOKIE)
  return problem as { detail: string; title: string }
}

describe('callback refusals', () => {
  it('refuses a callback whose state it never issued', async () => {
    const browser = new TestBrowser(t.app)
    const response = await browser.get('/auth/citizen/callback?code=abc&state=never-issued-by-civico')
    const problem = expectProblem(response, 400, 'UNAUTHENTICATED')
    expect(problem.detail).toContain('non è valida')
  })

  it('refuses a callback without a state, in English when asked', async () => {
    const browser = new TestBrowser(t.app)
    const response = await browser.get('/auth/citizen/callback?code=abc', { 'accept-language': 'en' })
    const problem = expectProblem(response, 400, 'UNAUTHENTICATED')
    expect(problem.detail).toContain('not valid')
  })

  it('accepts each callback once: a replay fails and leaves the first session alone', async () => {
    const browser = new TestBrowser(t.app)
    const { callback, response } = await signInThroughDevProvider(
      browser,
      '/auth/citizen/login?level=2',
      someone(),
    )
    expect(response.statusCode).toBe(302)
    const firstToken = browser.sessionToken

    const replay = await browser.get(callback)
    expect(expectProblem(replay, 400, 'UNAUTHENTICATED').detail).toContain('già stata usata')
    const attacker = await new TestBrowser(t.app).get(callback)
    expectProblem(attacker, 400, 'UNAUTHENTICATED')

    expect(browser.sessionToken).toBe(firstToken)
    const session = await browser.get('/api/v1/session')
    expect(session.json()).toMatchObject({ authenticated: true, level: 2 })
  })

  it('refuses a callback opened in a browser other than the one that started the sign-in', async () => {
    const attacker = new TestBrowser(t.app)
    const { uid } = await openProviderPage(attacker, '/auth/citizen/login?level=2')
    const callback = await submitProviderForm(attacker, uid, someone())
    const victim = new TestBrowser(t.app)
    const response = await victim.get(callback)
    expect(expectProblem(response, 400, 'UNAUTHENTICATED').detail).toContain('altro browser')
    expect(victim.sessionToken).toBeUndefined()
    // The link is spent: not even the browser that started it can use it now.
    expectProblem(await attacker.get(callback), 400, 'UNAUTHENTICATED')
  })

  it('binds the round trip with a short-lived cookie scoped to the sign-in routes', async () => {
    const login = await new TestBrowser(t.app).get('/auth/citizen/login?level=2')
    const state = new URL(String(login.headers.location)).searchParams.get('state')
    expect(login.headers['set-cookie']).toMatch(
      new RegExp(`^civico_login=${state}; Max-Age=600; Path=/auth; HttpOnly; SameSite=Lax$`),
    )
  })

  it('refuses a callback more than ten minutes after the login started', async () => {
    const browser = new TestBrowser(t.app)
    const person = someone()
    const { uid } = await openProviderPage(browser, '/auth/citizen/login?level=2')
    const callback = await submitProviderForm(browser, uid, person)
    clock.advance(10 * 60_000 + 1000)
    const response = await browser.get(callback)
    expect(expectProblem(response, 400, 'UNAUTHENTICATED').detail).toContain('scaduta')
    const [account] = await t.runtime.db
      .select()
      .from(citizenAccounts)
      .where(eq(citizenAccounts.fiscalCode, person.fiscalCode))
    expect(account).toBeUndefined()
  })

  it('refuses a lower level than the one asked for', async () => {
    const browser = new TestBrowser(t.app)
    const person = someone({ level: '1' })
    const { response } = await signInThroughDevProvider(browser, '/auth/citizen/login?level=2', person)
    const problem = expectProblem(response, 403, 'STEP_UP_REQUIRED')
    expect(problem.detail).toContain('livello 2')
    expect(problem.detail).toContain('livello 1')
  })

  it('refuses a step-up that comes back at the old level and keeps the old session', async () => {
    const browser = new TestBrowser(t.app)
    const person = someone({ level: '1' })
    await signInThroughDevProvider(browser, '/auth/citizen/login?level=1', person)
    const levelOne = browser.sessionToken
    const { response } = await signInThroughDevProvider(browser, '/auth/citizen/login?level=2', person)
    expectProblem(response, 403, 'STEP_UP_REQUIRED')
    expect(browser.sessionToken).toBe(levelOne)
    expect((await browser.get('/api/v1/session')).json()).toMatchObject({ authenticated: true, level: 1 })
  })

  it('refuses a fiscal code with a wrong check character and creates no account', async () => {
    const browser = new TestBrowser(t.app)
    const valid = uniqueFiscalCode()
    const broken = `${valid.slice(0, 15)}${valid.endsWith('A') ? 'B' : 'A'}`
    const { response } = await signInThroughDevProvider(
      browser,
      '/auth/citizen/login?level=2',
      someone({ fiscalCode: broken }),
    )
    expect(expectProblem(response, 403, 'FORBIDDEN').detail).toContain('codice fiscale')
    const accounts = await t.runtime.db
      .select()
      .from(citizenAccounts)
      .where(eq(citizenAccounts.fiscalCode, broken))
    expect(accounts).toEqual([])
  })

  it('reports a sign-in cancelled at the provider', async () => {
    const browser = new TestBrowser(t.app)
    const { uid } = await openProviderPage(browser, '/auth/citizen/login?level=2')
    const back = await browser.visit(`/dev-idp/interaction/${uid}/abort`, (path) => path.startsWith('/auth/'))
    const callback = String(back.headers.location)
    expect(callback).toContain('error=access_denied')
    const response = await browser.get(callback)
    expect(expectProblem(response, 401, 'UNAUTHENTICATED').detail).toContain('annullato')
  })

  it('does not let a staff state complete a citizen sign-in', async () => {
    const browser = new TestBrowser(t.app)
    const login = await browser.get('/auth/staff/login')
    const state = new URL(String(login.headers.location)).searchParams.get('state')
    const response = await browser.get(`/auth/citizen/callback?code=abc&state=${state}`)
    expectProblem(response, 400, 'UNAUTHENTICATED')
  })

  it('refuses an unknown level with a validation problem', async () => {
    const browser = new TestBrowser(t.app)
    expectProblem(await browser.get('/auth/citizen/login?level=7'), 400, 'VALIDATION_FAILED')
    expectProblem(await browser.get('/auth/citizen/login?method=password'), 400, 'VALIDATION_FAILED')
  })
})

describe('staff refusals', () => {
  async function refusals(subject: string) {
    return t.runtime.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'staff.login-refused'))
      .then((rows) => rows.filter((row) => (row.details as { subject?: string }).subject === subject))
  }

  it('refuses someone the directory knows but Civico does not, and audits it', async () => {
    const browser = new TestBrowser(t.app)
    const subject = `stranger-${randomUUID()}`
    const { response } = await signInThroughDevProvider(browser, '/auth/staff/login?returnTo=/backoffice', {
      identity: 'custom',
      subject,
      displayName: 'Sconosciuto',
      email: `${randomUUID()}@example.it`,
    })
    expect(expectProblem(response, 403, 'FORBIDDEN').detail).toContain('non è abilitata')
    expect(await refusals(subject)).toHaveLength(1)
  })

  it('refuses a deactivated staff member', async () => {
    const subject = `test-${randomUUID()}`
    await t.runtime.db.insert(staffAccounts).values({
      subject,
      email: `${randomUUID()}@comune.example.it`,
      displayName: 'Ex Operatore',
      roles: ['operator'],
      active: false,
    })
    const browser = new TestBrowser(t.app)
    const { response } = await signInThroughDevProvider(browser, '/auth/staff/login', { identity: subject })
    expectProblem(response, 403, 'FORBIDDEN')
    expect((await refusals(subject))[0]!.details).toMatchObject({ reason: 'inactive' })
  })
})

describe('rate limit', () => {
  it('answers 429 with Retry-After after 20 sign-ins a minute from one address', async () => {
    const browser = new TestBrowser(t.app)
    for (let attempt = 0; attempt < 20; attempt++) {
      expect((await browser.get('/auth/citizen/login?level=2')).statusCode).toBe(302)
    }
    const limited = await browser.get('/auth/citizen/login?level=2')
    expectProblem(limited, 429, 'RATE_LIMITED')
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0)

    // Counted per address and per route: others, and this browser's callbacks, are not affected.
    expect((await new TestBrowser(t.app).get('/auth/citizen/login?level=2')).statusCode).toBe(302)
    expectProblem(await browser.get('/auth/citizen/callback?state=x'), 400, 'UNAUTHENTICATED')
  })

  it('limits the callback too', async () => {
    const browser = new TestBrowser(t.app)
    for (let attempt = 0; attempt < 20; attempt++) await browser.get('/auth/staff/callback?state=x')
    expectProblem(await browser.get('/auth/staff/callback?state=x'), 429, 'RATE_LIMITED')
  })
})

describe('an unreachable identity provider', () => {
  let offline: TestApp
  // A moment no other test uses, so "no attempt stored" can be checked on a shared database.
  const offlineClock = manualClock('2001-02-03T04:05:06.789Z')

  beforeAll(async () => {
    offline = await createTestApp({
      work: false,
      clock: offlineClock,
      env: {
        DEV_IDP: 'false',
        OIDC_CITIZEN_ISSUER: 'http://127.0.0.1:9/idp',
        OIDC_CITIZEN_CLIENT_ID: 'civico',
        OIDC_CITIZEN_CLIENT_SECRET: 'secret',
        OIDC_STAFF_ISSUER: 'http://127.0.0.1:9/idp',
        OIDC_STAFF_CLIENT_ID: 'civico-staff',
        OIDC_STAFF_CLIENT_SECRET: 'secret',
      },
    })
  })
  afterAll(async () => {
    await offline?.close()
  })

  it('answers 503 with Retry-After and stores no attempt', async () => {
    const browser = new TestBrowser(offline.app)
    const response = await browser.get('/auth/citizen/login?level=2')
    expect(expectProblem(response, 503, 'SERVICE_UNAVAILABLE').detail).toContain('non risponde')
    expect(response.headers['retry-after']).toBe('30')
    const stored = await offline.runtime.db
      .select()
      .from(loginAttempts)
      .where(eq(loginAttempts.createdAt, offlineClock.now()))
    expect(stored).toEqual([])
  })

  it('has no development provider mounted', async () => {
    const response = await offline.app.inject({
      method: 'GET',
      url: '/dev-idp/.well-known/openid-configuration',
    })
    expect(response.statusCode).toBe(404)
  })
})
