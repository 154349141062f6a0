import { and, eq } from 'drizzle-orm'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditLog } from '../../platform/audit-tables.js'
import { createTestApp, type TestApp } from '../../test/app.js'
import { createCitizenSession, createStaffSession, type TestSession } from '../../test/identity.js'
import { daysBefore, romeDay } from './presentation.js'
import { findServiceBySlug, incrementServiceViews } from './repo.js'
import { seedCatalogue } from './seed.js'
import { sampleServiceInput } from './test-service-input.js'

describe('the service catalogue', () => {
  let t: TestApp
  let app: FastifyInstance
  let admin: TestSession

  beforeAll(async () => {
    t = await createTestApp({ work: false })
    app = t.app
    await seedCatalogue(t.runtime)
    admin = await createStaffSession(t.runtime, { roles: ['admin'] })
  })
  afterAll(async () => {
    await t?.close()
  })

  const get = (url: string, headers: Record<string, string> = {}) =>
    app.inject({ method: 'GET', url: `/api/v1/catalogue${url}`, headers })
  const view = (slug: string, headers: Record<string, string> = {}) =>
    app.inject({ method: 'POST', url: `/api/v1/catalogue/services/${slug}/views`, headers })
  const create = async (headers: Record<string, string> = admin.headers) => {
    const input = sampleServiceInput()
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/catalogue/services',
      headers,
      payload: input,
    })
    expect(response.statusCode).toBe(201)
    return input.slug
  }
  const slugsOf = (items: { slug: string }[]) => items.map((item) => item.slug)

  it('seeds idempotently and lists categories in the request language', async () => {
    expect((await seedCatalogue(t.runtime)).servicesAdded).toBe(0)
    const italian = (await get('/categories')).json()
    expect(italian[0]).toEqual({ slug: 'anagrafe-e-stato-civile', name: 'Anagrafe e stato civile' })
    const english = (await get('/categories', { 'accept-language': 'en' })).json()
    expect(english[0].name).toBe('Registry and civil status')
  })

  it('lists active services by category, a page at a time', async () => {
    const response = await get('/services?category=mobilita-e-trasporti&pageSize=2')
    expect(response.statusCode).toBe(200)
    const body = response.json()
    expect(body.total).toBe(3)
    expect(body.items).toHaveLength(2)
    expect(
      body.items.every(
        (item: { category: { slug: string } }) => item.category.slug === 'mobilita-e-trasporti',
      ),
    ).toBe(true)
    const second = (await get('/services?category=mobilita-e-trasporti&pageSize=2&page=2')).json()
    expect(second.items).toHaveLength(1)
    expect(second.total).toBe(3)
  })

  it('searches in Italian with stemming, in English, and by prefix for short queries', async () => {
    const italian = (await get(`/services?q=${encodeURIComponent('certificato')}`)).json()
    expect(slugsOf(italian.items)).toContain('certificati-anagrafici')
    const english = (await get('/services?q=certificate', { 'accept-language': 'en' })).json()
    expect(english.items[0].title).toMatch(/certificates/i)
    const phrase = (await get(`/services?q=${encodeURIComponent('tassa sui rifiuti')}`)).json()
    expect(slugsOf(phrase.items)[0]).toBe('tari-tassa-rifiuti')
    const short = (await get('/services?q=ar')).json()
    expect(slugsOf(short.items)).toEqual(expect.arrayContaining(['area-b', 'area-c']))
    const partial = (await get('/services?q=resid')).json()
    expect(slugsOf(partial.items)).toContain('cambio-di-residenza')
    expect((await get('/services?q=zzzzzz')).json()).toMatchObject({ items: [], total: 0 })
  })

  it('refuses malformed queries with 400', async () => {
    expect((await get('/services?page=0')).statusCode).toBe(400)
    expect((await get('/services?pageSize=500')).statusCode).toBe(400)
    expect((await get('/services?unknown=1')).statusCode).toBe(400)
    expect((await get('/services/Not%20A%20Slug')).statusCode).toBe(400)
  })

  it('serves a full page in Italian and in English, with schema.org metadata', async () => {
    const italian = await get('/services/carta-identita-elettronica')
    expect(italian.statusCode).toBe(200)
    const page = italian.json()
    expect(page).toMatchObject({
      title: 'Carta d’identità elettronica',
      status: 'active',
      channels: ['appointment'],
    })
    expect(page.sections.howTo.length).toBeGreaterThan(1)
    expect(page.sections.access.label).toBe('Prenota un appuntamento')
    expect(page.jsonLd).toMatchObject({ '@type': 'GovernmentService', name: page.title, inLanguage: 'it' })
    const english = (await get('/services/carta-identita-elettronica', { 'accept-language': 'en' })).json()
    expect(english.title).toBe('Electronic identity card')
    expect(english.sections.whatYouGet).toMatch(/electronic identity card/)
    expect(english.category.name).toBe('Registry and civil status')
  })

  it('answers 404 for an unknown service, on reading and on counting', async () => {
    expect((await get('/services/servizio-inesistente')).json().code).toBe('NOT_FOUND')
    expect((await view('servizio-inesistente')).statusCode).toBe(404)
  })

  it('lists the services in evidence in their order', async () => {
    const featured = slugsOf((await get('/featured')).json())
    expect(featured.length).toBeGreaterThanOrEqual(4)
    expect(featured.slice(0, 2)).toEqual(['certificati-anagrafici', 'carta-identita-elettronica'])
  })

  it('counts views without a cookie and ranks the most visited', async () => {
    const popular = await create()
    const lessPopular = await create()
    for (let i = 0; i < 3; i++) {
      const response = await view(popular)
      expect(response.statusCode).toBe(204)
      expect(response.headers['set-cookie']).toBeUndefined()
    }
    await view(lessPopular)
    const ranking = slugsOf((await get('/most-visited?limit=20')).json())
    expect(ranking.indexOf(popular)).toBeGreaterThanOrEqual(0)
    expect(ranking.indexOf(popular)).toBeLessThan(ranking.indexOf(lessPopular))
    expect((await get('/most-visited?limit=99')).statusCode).toBe(400)

    // Views older than the 30-day window no longer count.
    const forgotten = await create()
    const service = await findServiceBySlug(t.runtime.db, forgotten)
    const longAgo = daysBefore(romeDay(new Date()), 40)
    for (let i = 0; i < 50; i++) await incrementServiceViews(t.runtime.db, service!.id, longAgo)
    expect(slugsOf((await get('/most-visited?limit=20')).json())).not.toContain(forgotten)
  })

  it('keeps each citizen’s own recently viewed services, newest first and at most ten', async () => {
    const mine = await createCitizenSession(t.runtime)
    const theirs = await createCitizenSession(t.runtime)
    await view('area-b', mine.headers)
    await view('tari-tassa-rifiuti', mine.headers)
    await view('biblioteche', theirs.headers)
    expect(slugsOf((await get('/recently-viewed', mine.headers)).json())).toEqual([
      'tari-tassa-rifiuti',
      'area-b',
    ])
    expect(slugsOf((await get('/recently-viewed', theirs.headers)).json())).toEqual(['biblioteche'])

    const all = slugsOf((await get('/services?pageSize=50')).json().items)
    for (const slug of all.slice(0, 12)) await view(slug, mine.headers)
    const recent = slugsOf((await get('/recently-viewed', mine.headers)).json())
    expect(recent).toHaveLength(10)
    expect(recent[0]).toBe(all[11])
  })

  it('asks anonymous visitors to sign in for the recently viewed list', async () => {
    expect((await get('/recently-viewed')).statusCode).toBe(401)
  })

  it('lets staff edit a page, with an audit row, and hides inactive services from lists', async () => {
    const slug = await create()
    const supervisor = await createStaffSession(t.runtime, { roles: ['supervisor'] })
    const response = await app.inject({
      method: 'PATCH',
      url: `/api/v1/catalogue/services/${slug}`,
      headers: supervisor.headers,
      payload: { title: { it: 'Titolo aggiornato' }, status: 'inactive', featured: true },
    })
    expect(response.statusCode).toBe(200)
    expect(response.json()).toMatchObject({ title: 'Titolo aggiornato', status: 'inactive', featured: true })
    const audit = await t.runtime.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'catalogue.service.update'), eq(auditLog.subjectId, slug)))
    expect(audit).toHaveLength(1)
    expect(audit[0]).toMatchObject({ actorType: 'staff', actorId: supervisor.accountId })
    expect(audit[0]?.details).toMatchObject({
      fields: expect.arrayContaining(['titleIt', 'status', 'featured']),
    })
    expect(slugsOf((await get('/services?pageSize=50')).json().items)).not.toContain(slug)
    expect(slugsOf((await get('/featured')).json())).not.toContain(slug)
    expect((await get(`/services/${slug}`)).json().status).toBe('inactive')
  })

  it('refuses edits from citizens and operators, and bad edits from staff', async () => {
    const patch = (headers: Record<string, string>, payload: unknown, slug = 'area-b') =>
      app.inject({
        method: 'PATCH',
        url: `/api/v1/catalogue/services/${slug}`,
        headers,
        payload: payload as object,
      })
    const citizen = await createCitizenSession(t.runtime)
    const operator = await createStaffSession(t.runtime, { roles: ['operator'] })
    expect((await patch(citizen.headers, { featured: false })).statusCode).toBe(403)
    expect((await patch(operator.headers, { featured: false })).statusCode).toBe(403)
    expect((await patch({}, { featured: false })).statusCode).toBe(401)
    expect((await patch(admin.headers, {})).statusCode).toBe(400)
    expect((await patch(admin.headers, { categorySlug: 'categoria-inesistente' })).statusCode).toBe(400)
    expect((await patch(admin.headers, { featured: true }, 'servizio-inesistente')).statusCode).toBe(404)
    const duplicate = await app.inject({
      method: 'POST',
      url: '/api/v1/catalogue/services',
      headers: admin.headers,
      payload: { ...sampleServiceInput(), slug: 'area-b' },
    })
    expect(duplicate.statusCode).toBe(409)
  })

  it('gives editors every service in both languages, and round-trips an edit through that shape', async () => {
    const slug = await create()
    await app.inject({
      method: 'PATCH',
      url: `/api/v1/catalogue/services/${slug}`,
      headers: admin.headers,
      payload: { status: 'inactive' },
    })
    const list = await get('/editor/services', admin.headers)
    expect(list.statusCode).toBe(200)
    expect(list.json()).toContainEqual(expect.objectContaining({ slug, status: 'inactive' }))
    const editable = await get(`/editor/services/${slug}`, admin.headers)
    expect(editable.statusCode).toBe(200)
    const body = editable.json()
    expect(body.title).toEqual({ it: expect.any(String), en: expect.any(String) })
    expect(body.sections.it.howTo.length).toBeGreaterThan(0)
    const { slug: _slug, updatedAt: _updatedAt, ...changes } = body
    const saved = await app.inject({
      method: 'PATCH',
      url: `/api/v1/catalogue/services/${slug}`,
      headers: admin.headers,
      payload: { ...changes, title: { ...changes.title, it: 'Titolo dal modulo' } },
    })
    expect(saved.statusCode).toBe(200)
    expect((await get(`/editor/services/${slug}`, admin.headers)).json().title.it).toBe('Titolo dal modulo')
    const operator = await createStaffSession(t.runtime, { roles: ['operator'] })
    expect((await get('/editor/services', operator.headers)).statusCode).toBe(403)
    expect((await get(`/editor/services/${slug}`, {})).statusCode).toBe(401)
    expect((await get('/editor/services/servizio-inesistente', admin.headers)).statusCode).toBe(404)
  })
})
