import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../../test/app.js'
import { openProviderPage, TestBrowser } from '../../../test/oidc-browser.js'
import { createHousehold } from '../../../test/registry.js'
import { staffAccounts } from '../tables.js'

let t: TestApp

beforeAll(async () => {
  t = await createTestApp({ work: false })
})
afterAll(async () => {
  await t?.close()
})

/** Every form control with an id has a label pointing at it. */
function unlabelledControls(html: string): string[] {
  const ids = [...html.matchAll(/<(?:input|select)[^>]*\bid="([^"]+)"/g)].map((match) => match[1]!)
  return ids.filter((id) => !html.includes(`<label for="${id}"`))
}

describe('the development identity provider', () => {
  it('publishes its configuration under /dev-idp, for the code flow with PKCE and SPID levels', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/dev-idp/.well-known/openid-configuration' })
    expect(response.statusCode).toBe(200)
    const document = response.json()
    expect(document).toMatchObject({
      issuer: 'http://localhost:3000/dev-idp',
      authorization_endpoint: 'http://localhost:3000/dev-idp/auth',
      token_endpoint: 'http://localhost:3000/dev-idp/token',
      userinfo_endpoint: 'http://localhost:3000/dev-idp/me',
      response_types_supported: ['code'],
      code_challenge_methods_supported: ['S256'],
      id_token_signing_alg_values_supported: ['ES256'],
      acr_values_supported: [
        'https://www.spid.gov.it/SpidL1',
        'https://www.spid.gov.it/SpidL2',
        'https://www.spid.gov.it/SpidL3',
      ],
    })
    expect(document.claims_supported).toEqual(
      expect.arrayContaining([
        'given_name',
        'family_name',
        'https://attributes.eid.gov.it/fiscal_number',
        'acr',
      ]),
    )
  })

  it('advertises the public address whatever host the request used', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/dev-idp/.well-known/openid-configuration',
      headers: { host: 'evil.example', 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'https' },
    })
    expect(response.json().authorization_endpoint).toBe('http://localhost:3000/dev-idp/auth')
  })

  it('refuses an authorization request without PKCE', async () => {
    const query = new URLSearchParams({
      client_id: 'civico-citizens',
      response_type: 'code',
      scope: 'openid',
      redirect_uri: 'http://localhost:3000/auth/citizen/callback',
      state: 'abc',
    })
    const response = await t.app.inject({ method: 'GET', url: `/dev-idp/auth?${query}` })
    expect(response.statusCode).toBe(303)
    const location = new URL(String(response.headers.location))
    expect(location.pathname).toBe('/auth/citizen/callback')
    expect(location.searchParams.get('error')).toBe('invalid_request')
  })

  it('shows its own error page, without scripts, for a redirect address it does not know', async () => {
    const query = new URLSearchParams({
      client_id: 'civico-citizens',
      response_type: 'code',
      scope: 'openid',
      redirect_uri: 'https://evil.example/callback',
      code_challenge: 'x'.repeat(43),
      code_challenge_method: 'S256',
    })
    const response = await t.app.inject({ method: 'GET', url: `/dev-idp/auth?${query}` })
    expect(response.statusCode).toBe(400)
    expect(response.headers['content-type']).toMatch(/^text\/html/)
    expect(response.body).toContain('<html lang="it">')
    expect(response.body).not.toContain('<script')
    expect(response.headers['content-security-policy']).toContain("script-src 'self'")
  })

  it('serves its stylesheet', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/dev-idp/assets/dev-idp.css' })
    expect(response.statusCode).toBe(200)
    expect(response.headers['content-type']).toMatch(/^text\/css/)
  })

  it('stays out of the API description', async () => {
    const openApi = await t.app.inject({ method: 'GET', url: '/api/openapi.json' })
    const paths = Object.keys(openApi.json().paths)
    expect(paths.some((path) => path.startsWith('/dev-idp'))).toBe(false)
    expect(paths).toContain('/auth/citizen/login')
  })

  it('explains an expired or unknown sign-in page instead of failing', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/dev-idp/interaction/unknown-uid' })
    expect(response.statusCode).toBe(400)
    expect(response.body).toContain('Richiesta di accesso scaduta')
    const submit = await t.app.inject({
      method: 'GET',
      url: '/dev-idp/interaction/unknown-uid/login?identity=x',
    })
    expect(submit.statusCode).toBe(400)
  })
})

describe('the citizen sign-in page', () => {
  it('is accessible, script-free and lists test identities and residents', async () => {
    await createHousehold(t.runtime.db)
    const { page, uid } = await openProviderPage(new TestBrowser(t.app), '/auth/citizen/login?level=2')
    const html = page.body
    expect(page.headers['content-type']).toMatch(/^text\/html/)
    expect(page.headers['content-security-policy']).toContain("script-src 'self'")
    expect(html).toContain('<html lang="it">')
    expect(html).not.toMatch(/<script|onclick=|javascript:/i)
    expect(html).toMatch(/<h1>Accesso con SPID o CIE<\/h1>/)
    expect(unlabelledControls(html).filter((id) => !id.startsWith('level-'))).toEqual([])
    for (const level of ['1', '2', '3', 'cie']) expect(html).toContain(`<label for="level-${level}">`)
    expect(html).toContain('id="level-2" value="2" checked')
    expect(html).toContain('>Entra come Gaio Giulio Cesare</button>')
    expect(html).toContain('>Entra come Ada Lovelace</button>')
    expect(html).toContain('>Entra come Matteo Bosco</button>')
    expect(html).toContain(
      `<form method="get" action="/dev-idp/interaction/${uid}/login" id="identity-list">`,
    )
    const residents = html.slice(html.indexOf('id="residents"'), html.indexOf('id="other-person"'))
    expect(residents.match(/Entra come/g)?.length ?? 0).toBeGreaterThanOrEqual(1)
    expect(html).toContain('id="custom-fiscal-code" name="fiscalCode"')
    expect(html).toContain('>Entra con questi dati</button>')
  })

  it('preselects the level asked for, CIE for level 3', async () => {
    const levelOne = await openProviderPage(new TestBrowser(t.app), '/auth/citizen/login?level=1')
    expect(levelOne.page.body).toContain('id="level-1" value="1" checked')
    const cie = await openProviderPage(new TestBrowser(t.app), '/auth/citizen/login?method=cie')
    expect(cie.page.body).toContain('id="level-cie" value="cie" checked')
  })

  it('asks again, keeping what was typed, when the other-person form is incomplete', async () => {
    const browser = new TestBrowser(t.app)
    const { uid } = await openProviderPage(browser, '/auth/citizen/login?level=2')
    const response = await browser.get(
      `/dev-idp/interaction/${uid}/login?identity=custom&fiscalCode=&givenName=Anna%22%3E&familyName=Neri`,
    )
    expect(response.statusCode).toBe(400)
    expect(response.body).toContain('role="alert"')
    expect(response.body).toContain('value="Anna&quot;&gt;"')
  })

  it('asks again when the picked identity is not one it knows', async () => {
    const browser = new TestBrowser(t.app)
    const { uid } = await openProviderPage(browser, '/auth/citizen/login?level=2')
    const response = await browser.get(`/dev-idp/interaction/${uid}/login?identity=XXXXXX00X00X000X&level=2`)
    expect(response.statusCode).toBe(400)
    expect(response.body).toContain('Scegli una delle persone elencate')
  })
})

describe('the staff sign-in page', () => {
  it('lists staff from the database with a button each', async () => {
    await t.runtime.db.insert(staffAccounts).values({
      subject: `test-${randomUUID()}`,
      email: `${randomUUID()}@comune.example.it`,
      displayName: 'Anna Supervisora',
      roles: ['supervisor'],
    })
    const { page } = await openProviderPage(new TestBrowser(t.app), '/auth/staff/login?returnTo=/backoffice')
    expect(page.body).toContain('<h1>Accesso operatori del Comune</h1>')
    expect(page.body).toMatch(/<button type="submit" name="identity" value="[^"]+">Entra come /)
    expect(page.body).toContain('id="custom-subject" name="subject"')
    expect(unlabelledControls(page.body)).toEqual([])
  })
})
