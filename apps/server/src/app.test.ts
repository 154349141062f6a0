import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { buildApp } from './app.js'
import { DEMO_CITY } from './modules/city/demo-city.js'
import { configureCity } from './modules/city/service.js'
import { AppError } from './platform/errors.js'
import { PUBLIC } from './platform/http/access.js'
import { createTestApp, type TestApp } from './test/app.js'

describe('the HTTP platform', () => {
  let testApp: TestApp
  let app: FastifyInstance

  beforeAll(async () => {
    testApp = await createTestApp({ work: false, env: { BODY_LIMIT_BYTES: '2048' } })
    // A second app on the same runtime, with probe routes that exercise the error paths.
    app = await buildApp(testApp.runtime)
    app.post(
      '/api/v1/probe/echo',
      {
        config: { access: PUBLIC },
        schema: { body: z.object({ name: z.string().min(2), age: z.number().int().min(0) }).strict() },
      },
      async (request) => request.body,
    )
    app.get('/api/v1/probe/crash', { config: { access: PUBLIC } }, async () => {
      throw new Error('secret internal detail')
    })
    app.get('/api/v1/probe/forbidden', { config: { access: PUBLIC } }, async () => {
      throw new AppError('FORBIDDEN')
    })
    await app.ready()
  })

  afterAll(async () => {
    await app?.close()
    await testApp?.close()
  })

  it('answers liveness and readiness, with a request id', async () => {
    const live = await app.inject({ method: 'GET', url: '/health/live' })
    expect(live.statusCode).toBe(200)
    expect(live.json()).toEqual({ status: 'ok' })
    expect(live.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/)

    const ready = await app.inject({ method: 'GET', url: '/health/ready' })
    expect(ready.statusCode).toBe(200)
    expect(ready.json()).toEqual({ status: 'ok', checks: { database: 'ok', jobs: 'ok' } })
  })

  it('keeps a sane incoming request id and replaces a hostile one', async () => {
    const kept = await app.inject({
      method: 'GET',
      url: '/health/live',
      headers: { 'x-request-id': 'cc-020202-abc123' },
    })
    expect(kept.headers['x-request-id']).toBe('cc-020202-abc123')
    const replaced = await app.inject({
      method: 'GET',
      url: '/health/live',
      headers: { 'x-request-id': '<script>' },
    })
    expect(replaced.headers['x-request-id']).not.toBe('<script>')
  })

  it('serves the OpenAPI 3.1 document and its browsable UI', async () => {
    const doc = await app.inject({ method: 'GET', url: '/api/openapi.json' })
    expect(doc.statusCode).toBe(200)
    const body = doc.json()
    expect(body.openapi).toBe('3.1.0')
    expect(Object.keys(body.paths)).toEqual(
      expect.arrayContaining(['/api/v1/city', '/health/live', '/health/ready']),
    )
    expect(Object.keys(body.components.securitySchemes)).toEqual(['sessionCookie', 'apiKey'])
    expect(body.paths['/api/v1/city'].get.security).toEqual([])
    expect(body.paths['/api/v1/session'].delete.security).toEqual([{ sessionCookie: [] }])
    const ui = await app.inject({ method: 'GET', url: '/api/docs/' })
    expect(ui.statusCode).toBe(200)
    expect(ui.headers['content-type']).toContain('text/html')
  })

  it('serves the configured city', async () => {
    await configureCity(
      {
        ...testApp.runtime,
        actor: { type: 'system', name: 'test' },
        meta: { ip: null, requestId: null, locale: 'it' },
      },
      DEMO_CITY,
    )
    const response = await app.inject({ method: 'GET', url: '/api/v1/city' })
    expect(response.statusCode).toBe(200)
    expect(response.json()).toMatchObject({
      name: 'Milano',
      provinceCode: 'MI',
      contactPhone: '020202',
      demo: true,
    })
  })

  it('renders an unknown route as a problem document in Italian by default', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/v1/nowhere?x=1' })
    expect(response.statusCode).toBe(404)
    expect(response.headers['content-type']).toContain('application/problem+json')
    expect(response.json()).toMatchObject({
      type: 'urn:civico:problem:route-not-found',
      status: 404,
      code: 'ROUTE_NOT_FOUND',
      title: 'Pagina non trovata',
      instance: '/api/v1/nowhere',
    })
    expect(response.json().correlationId).toBe(response.headers['x-request-id'])
  })

  it('speaks English when the browser asks for it', async () => {
    const response = await app.inject({
      method: 'GET',
      url: '/api/v1/nowhere',
      headers: { 'accept-language': 'en-GB,en;q=0.9,it;q=0.5' },
    })
    expect(response.json().title).toBe('Page not found')
    expect(response.headers['content-language']).toBe('en')
  })

  it('refuses malformed JSON with 400', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/probe/echo',
      headers: { 'content-type': 'application/json' },
      payload: '{"name": "Ada",',
    })
    expect(response.statusCode).toBe(400)
    expect(response.json().code).toBe('MALFORMED_BODY')
  })

  it('lists every schema violation with its field', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/probe/echo',
      headers: { 'accept-language': 'en' },
      payload: { name: 'A', age: -1, extra: true },
    })
    expect(response.statusCode).toBe(400)
    const problem = response.json()
    expect(problem.code).toBe('VALIDATION_FAILED')
    const paths = problem.errors.map((e: { path: string }) => e.path)
    expect(paths).toEqual(expect.arrayContaining(['body.name', 'body.age']))
    expect(problem.errors.every((e: { message: string }) => e.message.length > 0)).toBe(true)
  })

  it('refuses a missing field as required', async () => {
    const response = await app.inject({ method: 'POST', url: '/api/v1/probe/echo', payload: { name: 'Ada' } })
    expect(response.statusCode).toBe(400)
    expect(response.json().errors).toContainEqual({ path: 'body.age', message: 'campo obbligatorio' })
  })

  it('refuses an oversized body with 413 and an unknown media type with 415', async () => {
    const big = await app.inject({
      method: 'POST',
      url: '/api/v1/probe/echo',
      payload: { name: 'x'.repeat(5000), age: 1 },
    })
    expect(big.statusCode).toBe(413)
    expect(big.json().code).toBe('PAYLOAD_TOO_LARGE')

    const xml = await app.inject({
      method: 'POST',
      url: '/api/v1/probe/echo',
      headers: { 'content-type': 'application/xml' },
      payload: '<a/>',
    })
    expect(xml.statusCode).toBe(415)
    expect(xml.json().code).toBe('UNSUPPORTED_MEDIA_TYPE')
  })

  it('turns an unexpected error into a 500 with a correlation id and no internals', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/v1/probe/crash' })
    expect(response.statusCode).toBe(500)
    const problem = response.json()
    expect(problem.code).toBe('INTERNAL')
    expect(problem.detail).toContain(problem.correlationId)
    expect(response.body).not.toContain('secret internal detail')
    expect(response.body).not.toContain('at ')
  })

  it('renders an AppError with its status', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/v1/probe/forbidden' })
    expect(response.statusCode).toBe(403)
    expect(response.json().code).toBe('FORBIDDEN')
  })

  it('sends a locked-down policy with JSON and a strict page policy with pages', async () => {
    const api = await app.inject({ method: 'GET', url: '/health/live' })
    expect(api.headers['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'")
    expect(api.headers['x-content-type-options']).toBe('nosniff')

    const page = await app.inject({ method: 'GET', url: '/servizi/area-b' })
    expect(page.headers['content-security-policy']).toContain("default-src 'self'")
    expect(page.headers['content-security-policy']).toContain("script-src 'self';")
    expect(page.headers['content-security-policy']).toContain("frame-ancestors 'none'")
    expect(page.headers['x-frame-options']).toBe('DENY')
    expect(page.headers['strict-transport-security']).toBeUndefined()
  })

  it('refuses to register a route that does not say who may call it', async () => {
    const bare = await buildApp(testApp.runtime)
    expect(() => bare.get('/api/v1/undeclared', async () => 'oops')).toThrow(/config.access/)
    await bare.close()
  })
})
