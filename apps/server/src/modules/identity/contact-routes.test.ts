import { randomInt, randomUUID } from 'node:crypto'
import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditLog } from '../../platform/audit-tables.js'
import { manualClock } from '../../platform/clock.js'
import { listLatestDevOutboxMessages } from '../../platform/outbox/dev-outbox-repo.js'
import { createTestApp, type TestApp } from '../../test/app.js'
import { createHousehold } from '../../test/households.js'
import { createCitizenSession, createStaffSession, type TestSession } from '../../test/identity.js'
import { contactVerifications } from './tables.js'

const clock = manualClock('2026-03-02T09:00:00Z')
const MINUTE = 60_000

function uniqueEmail(): string {
  return `cittadino.${randomUUID().slice(0, 8)}@Example.IT`
}

function uniqueMobile(): string {
  return `+39333${String(randomInt(0, 10_000_000)).padStart(7, '0')}`
}

describe('the citizen’s contacts and language', () => {
  let t: TestApp

  beforeAll(async () => {
    t = await createTestApp({ clock, work: false })
  })
  afterAll(async () => {
    await t?.close()
  })

  const call = (
    method: 'GET' | 'PUT' | 'POST' | 'PATCH',
    url: string,
    session?: { headers: Record<string, string> },
    payload?: unknown,
    extraHeaders: Record<string, string> = {},
  ) =>
    t.app.inject({
      method,
      url,
      headers: { ...(session?.headers ?? {}), ...extraHeaders },
      ...(payload === undefined ? {} : { payload: payload as object }),
    })

  async function latestCode(recipient: string): Promise<string> {
    const [message] = await listLatestDevOutboxMessages(t.runtime.db, { limit: 1, recipient })
    const code = /\b(\d{6})\b/.exec(message?.text ?? '')?.[1]
    if (!code) throw new Error(`no code sent to ${recipient}`)
    return code
  }

  async function auditActions(accountId: string): Promise<string[]> {
    const rows = await t.runtime.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.subjectType, 'citizen-account'), eq(auditLog.subjectId, accountId)))
      .orderBy(auditLog.id)
    return rows.map((row) => row.action)
  }

  describe('access', () => {
    const routes = [
      { method: 'GET', url: '/api/v1/me', payload: undefined },
      { method: 'PATCH', url: '/api/v1/me', payload: { locale: 'en' } },
      { method: 'PUT', url: '/api/v1/me/contacts/email', payload: { email: 'a@example.it' } },
      { method: 'PUT', url: '/api/v1/me/contacts/mobile', payload: { mobile: '+393331234567' } },
      { method: 'POST', url: '/api/v1/me/contacts/verify', payload: { channel: 'email', code: '123456' } },
    ] as const

    it.each(routes)('$method $url needs a citizen session', async ({ method, url, payload }) => {
      expect((await call(method, url, undefined, payload)).statusCode).toBe(401)
      const staff = await createStaffSession(t.runtime, { roles: ['admin'] })
      const asStaff = await call(method, url, staff, payload)
      expect(asStaff.statusCode).toBe(403)
      expect(asStaff.json().code).toBe('FORBIDDEN')
    })

    it.each(routes.filter((route) => route.method !== 'GET'))(
      '$method $url refuses a change without the CSRF header',
      async ({ method, url, payload }) => {
        const citizen = await createCitizenSession(t.runtime, { level: 1 })
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
  })

  it('describes the account, linked to the registry or not', async () => {
    const citizen = await createCitizenSession(t.runtime, { level: 1 })
    const response = await call('GET', '/api/v1/me', citizen)
    expect(response.statusCode).toBe(200)
    expect(response.headers['cache-control']).toBe('no-store')
    expect(response.json()).toEqual({
      id: citizen.accountId,
      fiscalCode: citizen.fiscalCode,
      givenName: 'Test',
      familyName: 'Cittadino',
      birthDate: null,
      locale: 'it',
      registryMatched: false,
      email: { value: null, verified: false, verifiedAt: null, pending: null },
      mobile: { value: null, verified: false, verifiedAt: null, pending: null },
    })
    const [resident] = await createHousehold(t.runtime.db, [
      { relationship: 'head', birthDate: '1970-05-05' },
    ])
    const matched = await createCitizenSession(t.runtime, {
      fiscalCode: resident!.fiscalCode,
      personId: resident!.id,
    })
    expect((await call('GET', '/api/v1/me', matched)).json().registryMatched).toBe(true)
  })

  it('verifies a new e-mail address with a six-digit code, keeping it pending until then', async () => {
    const citizen = await createCitizenSession(t.runtime, { level: 1 })
    const email = uniqueEmail()
    const requested = await call('PUT', '/api/v1/me/contacts/email', citizen, { email })
    expect(requested.statusCode).toBe(200)
    expect(requested.json().email).toEqual({
      value: null,
      verified: false,
      verifiedAt: null,
      pending: { value: email.toLowerCase(), expiresAt: '2026-03-02T09:10:00.000Z' },
    })

    const [message] = await listLatestDevOutboxMessages(t.runtime.db, {
      limit: 1,
      recipient: email.toLowerCase(),
    })
    expect(message).toMatchObject({
      channel: 'email',
      subject: expect.stringContaining('Codice di verifica'),
    })
    expect(message?.html).toContain('<strong')
    const code = await latestCode(email.toLowerCase())
    const [stored] = await t.runtime.db
      .select()
      .from(contactVerifications)
      .where(eq(contactVerifications.accountId, citizen.accountId))
    expect(stored?.codeHash).not.toContain(code)
    expect(stored?.codeHash).toMatch(/^[0-9a-f]{64}$/)

    const verified = await call('POST', '/api/v1/me/contacts/verify', citizen, { channel: 'email', code })
    expect(verified.statusCode).toBe(200)
    expect(verified.json().email).toEqual({
      value: email.toLowerCase(),
      verified: true,
      verifiedAt: '2026-03-02T09:00:00.000Z',
      pending: null,
    })
    expect(await auditActions(citizen.accountId)).toEqual([
      'contact.verification-requested',
      'contact.verified',
    ])

    // The same verified address again needs no new code.
    const again = await call('PUT', '/api/v1/me/contacts/email', citizen, { email })
    expect(again.json().email.pending).toBeNull()
  })

  it('verifies a mobile number by SMS, in the citizen’s language', async () => {
    const citizen = await createCitizenSession(t.runtime, { level: 1 })
    const english = await call('PATCH', '/api/v1/me', citizen, { locale: 'en' })
    expect(english.statusCode).toBe(200)
    expect(english.json().locale).toBe('en')
    const mobile = uniqueMobile()
    expect((await call('PUT', '/api/v1/me/contacts/mobile', citizen, { mobile })).statusCode).toBe(200)
    const [sms] = await listLatestDevOutboxMessages(t.runtime.db, { limit: 1, recipient: mobile })
    expect(sms).toMatchObject({ channel: 'sms', subject: null })
    expect(sms?.text).toContain('your verification code is')
    const code = await latestCode(mobile)
    const verified = await call('POST', '/api/v1/me/contacts/verify', citizen, { channel: 'sms', code })
    expect(verified.json().mobile).toMatchObject({ value: mobile, verified: true })
    expect(await auditActions(citizen.accountId)).toEqual([
      'account.preferences-changed',
      'contact.verification-requested',
      'contact.verified',
    ])
  })

  it('counts wrong codes, answers in the caller’s language and burns the code at the fifth', async () => {
    const citizen = await createCitizenSession(t.runtime, { level: 1 })
    const email = uniqueEmail().toLowerCase()
    await call('PUT', '/api/v1/me/contacts/email', citizen, { email })
    const code = await latestCode(email)
    const wrong = code === '000000' ? '111111' : '000000'
    const first = await call(
      'POST',
      '/api/v1/me/contacts/verify',
      citizen,
      { channel: 'email', code: wrong },
      { 'accept-language': 'en' },
    )
    expect(first.statusCode).toBe(400)
    expect(first.json()).toMatchObject({
      code: 'VALIDATION_FAILED',
      detail: 'The verification code is not correct. Attempts left: 4.',
      errors: [{ path: 'body.code' }],
    })
    for (const left of [3, 2, 1]) {
      const attempt = await call('POST', '/api/v1/me/contacts/verify', citizen, {
        channel: 'email',
        code: wrong,
      })
      expect(attempt.json().detail).toContain(`Tentativi rimasti: ${left}`)
    }
    const fifth = await call('POST', '/api/v1/me/contacts/verify', citizen, { channel: 'email', code: wrong })
    expect(fifth.statusCode).toBe(409)
    expect(fifth.json().detail).toContain('troppe volte')
    const afterBurn = await call('POST', '/api/v1/me/contacts/verify', citizen, { channel: 'email', code })
    expect(afterBurn.statusCode).toBe(409)
    expect((await call('GET', '/api/v1/me', citizen)).json().email).toMatchObject({
      value: null,
      pending: null,
    })
  })

  it('lets only the newest code work and refuses an expired one', async () => {
    const citizen = await createCitizenSession(t.runtime, { level: 1 })
    const email = uniqueEmail().toLowerCase()
    await call('PUT', '/api/v1/me/contacts/email', citizen, { email })
    const firstCode = await latestCode(email)
    await call('PUT', '/api/v1/me/contacts/email', citizen, { email })
    const secondCode = await latestCode(email)
    if (firstCode !== secondCode) {
      const stale = await call('POST', '/api/v1/me/contacts/verify', citizen, {
        channel: 'email',
        code: firstCode,
      })
      expect(stale.statusCode).toBe(400)
    }
    clock.advance(10 * MINUTE + 1000)
    const late = await call('POST', '/api/v1/me/contacts/verify', citizen, {
      channel: 'email',
      code: secondCode,
    })
    expect(late.statusCode).toBe(409)
    expect(late.json().detail).toContain('scaduto')
    expect((await call('GET', '/api/v1/me', citizen)).json().email.pending).toBeNull()
  })

  it('sends at most five codes an hour per account', async () => {
    let citizen: TestSession & { fiscalCode: string } = await createCitizenSession(t.runtime, { level: 1 })
    for (let index = 0; index < 5; index++) {
      const channel = index % 2 === 0 ? 'email' : 'mobile'
      const payload = channel === 'email' ? { email: uniqueEmail() } : { mobile: uniqueMobile() }
      expect((await call('PUT', `/api/v1/me/contacts/${channel}`, citizen, payload)).statusCode).toBe(200)
      clock.advance(MINUTE)
    }
    const sixth = await call('PUT', '/api/v1/me/contacts/email', citizen, { email: uniqueEmail() })
    expect(sixth.statusCode).toBe(429)
    expect(sixth.headers['retry-after']).toBe(String(60 * 60 - 5 * 60))
    expect(sixth.json().detail).toContain('troppi codici')
    clock.advance(56 * MINUTE)
    citizen = await createCitizenSession(t.runtime, { level: 1, fiscalCode: citizen.fiscalCode })
    expect(
      (await call('PUT', '/api/v1/me/contacts/email', citizen, { email: uniqueEmail() })).statusCode,
    ).toBe(200)
  })

  it.each([
    ['/api/v1/me/contacts/email', { email: 'not-an-address' }, 'body.email'],
    ['/api/v1/me/contacts/email', {}, 'body.email'],
    ['/api/v1/me/contacts/mobile', { mobile: '+447911123456' }, 'body.mobile'],
    ['/api/v1/me/contacts/mobile', { mobile: '3331234567' }, 'body.mobile'],
    ['/api/v1/me/contacts/mobile', { mobile: '+39 333 1234567' }, 'body.mobile'],
    ['/api/v1/me/contacts/mobile', { mobile: '+390212345678' }, 'body.mobile'],
  ])('refuses bad input on PUT %s', async (url, payload, path) => {
    const citizen = await createCitizenSession(t.runtime, { level: 1 })
    const response = await call('PUT', url, citizen, payload)
    expect(response.statusCode).toBe(400)
    expect(response.json().errors).toContainEqual(expect.objectContaining({ path }))
  })

  it.each([
    ['POST', '/api/v1/me/contacts/verify', { channel: 'email', code: '12345' }],
    ['POST', '/api/v1/me/contacts/verify', { channel: 'fax', code: '123456' }],
    ['PATCH', '/api/v1/me', { locale: 'fr' }],
    ['PATCH', '/api/v1/me', { locale: 'en', email: 'x@example.it' }],
  ] as const)('refuses bad input on %s %s', async (method, url, payload) => {
    const citizen = await createCitizenSession(t.runtime, { level: 1 })
    const response = await call(method, url, citizen, payload)
    expect(response.statusCode).toBe(400)
    expect(response.json().code).toBe('VALIDATION_FAILED')
    expect((await call('GET', '/api/v1/me', citizen)).json().locale).toBe('it')
  })

  it('answers 409 when no code is waiting', async () => {
    const citizen = await createCitizenSession(t.runtime, { level: 1 })
    const response = await call('POST', '/api/v1/me/contacts/verify', citizen, {
      channel: 'sms',
      code: '123456',
    })
    expect(response.statusCode).toBe(409)
    expect(response.json().detail).toContain('richiedine uno nuovo')
  })
})
