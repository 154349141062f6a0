import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../test/app.js'

describe('a refused sign-in seen from a browser', () => {
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp({ work: false })
  })
  afterAll(async () => {
    await t?.close()
  })

  it('takes a citizen back to the sign-in page with the reason', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/auth/citizen/callback?state=unknown-state-value&code=abc',
      headers: { accept: 'text/html,application/xhtml+xml' },
    })
    expect(response.statusCode).toBe(302)
    expect(response.headers.location).toBe('/login?error=unauthenticated')
  })

  it('takes staff back to the back-office sign-in page', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/auth/staff/callback?error=access_denied&state=whatever',
      headers: { accept: 'text/html' },
    })
    expect(response.statusCode).toBe(302)
    expect(response.headers.location).toMatch(/^\/backoffice\?error=[a-z-]+$/)
  })

  it('still answers a programmatic caller with a problem document', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/auth/citizen/callback?state=unknown&code=abc',
    })
    expect(response.statusCode).toBeGreaterThanOrEqual(400)
    expect(response.headers['content-type']).toContain('application/problem+json')
  })
})
