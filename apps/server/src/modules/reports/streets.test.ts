import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadConfig } from '../../config.js'
import { createTestApp, type TestApp } from '../../test/app.js'
import { seedCityStreets } from './service.js'
import { distanceMetres, searchWords, streetSearchKey } from './streets-policy.js'

describe('the street list and the map settings', () => {
  let t: TestApp
  let empty: TestApp

  beforeAll(async () => {
    t = await createTestApp({
      work: false,
      env: { MAP_TILES_URL: 'https://tiles.example.it/{z}/{x}/{y}.png' },
    })
    empty = await createTestApp({ work: false })
  })
  afterAll(async () => {
    await t?.close()
    await empty?.close()
  })

  const get = (app: TestApp, url: string, language = 'it') =>
    app.app.inject({ url, headers: { 'accept-language': language } })

  it('compares names without case, accents or apostrophes', () => {
    expect(streetSearchKey('Corso di Porta Ticinése')).toBe('corso di porta ticinese')
    expect(streetSearchKey("Piazzale  dell'Agricoltura")).toBe('piazzale dell agricoltura')
    expect(searchWords('  via VIA torino ')).toEqual(['via', 'torino'])
    expect(Math.round(distanceMetres({ lat: 45.4641, long: 9.1919 }, { lat: 45.4673, long: 9.1899 }))).toBe(
      389,
    )
  })

  it('finds streets by every word typed, those starting with it first, and names the nearest to a point', async () => {
    if (!process.env.DATABASE_URL) expect(await seedCityStreets(t.runtime.db)).toEqual({ streets: 40 })
    else await seedCityStreets(t.runtime.db)
    expect(await seedCityStreets(t.runtime.db)).toEqual({ streets: 0 })

    const duomo = await get(t, '/api/v1/reports/streets?q=duomo')
    expect(duomo.statusCode).toBe(200)
    expect(duomo.json().items).toEqual([{ name: 'Piazza del Duomo', lat: 45.4641, long: 9.1919 }])
    const porta = (await get(t, '/api/v1/reports/streets?q=porta%20corso')).json().items
    expect(porta.map((street: { name: string }) => street.name)).toEqual([
      'Corso di Porta Romana',
      'Corso di Porta Ticinese',
    ])
    expect((await get(t, '/api/v1/reports/streets?q=tort%C3%B3na')).json().items[0].name).toBe('Via Tortona')
    expect((await get(t, '/api/v1/reports/streets?q=100%25')).json().items).toEqual([])

    const nearest = await get(t, '/api/v1/reports/streets/nearest?lat=45.4643&long=9.1915')
    expect(nearest.json()).toMatchObject({ name: 'Piazza del Duomo' })
    expect(nearest.json().distanceMetres).toBeLessThan(50)
  })

  it('refuses a bad search in the reader’s language and says when there is no street list', async () => {
    const short = await get(t, '/api/v1/reports/streets?q=a', 'en')
    expect(short.statusCode).toBe(400)
    const outside = await get(t, '/api/v1/reports/streets/nearest?lat=91&long=9')
    expect(outside.statusCode).toBe(400)
    if (process.env.DATABASE_URL) return // the shared database has the streets of other runs
    const none = await get(empty, '/api/v1/reports/streets/nearest?lat=45.46&long=9.19')
    expect(none.statusCode).toBe(404)
    expect(none.json().detail).toMatch(/stradario del Comune è vuoto/)
  })

  it('tells the map where to open and which tiles to draw, none by default', async () => {
    expect((await get(empty, '/api/v1/reports/map-settings')).json()).toEqual({
      tilesUrl: null,
      attribution: null,
      center: { lat: 45.4642, long: 9.19 },
      zoom: 13,
    })
    expect((await get(t, '/api/v1/reports/map-settings')).json().tilesUrl).toBe(
      'https://tiles.example.it/{z}/{x}/{y}.png',
    )
    expect(() => loadConfig({ NODE_ENV: 'test', MAP_TILES_URL: 'http://tiles.example.it/x.png' })).toThrow(
      /MAP_TILES_URL/,
    )
    expect(() => loadConfig({ NODE_ENV: 'test', MAP_CENTER: '95,9' })).toThrow(/MAP_CENTER/)
  })
})
