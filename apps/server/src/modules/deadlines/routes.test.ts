import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { inTransaction } from '../../db/transaction.js'
import { manualClock } from '../../platform/clock.js'
import type { ServiceContext } from '../../platform/context.js'
import { createTestApp, type TestApp } from '../../test/app.js'
import { type CreatedMember, createHousehold } from '../../test/households.js'
import { createCitizenSession, type TestSession } from '../../test/identity.js'
import { addRecords, identityCard } from '../../test/records.js'
import { DEMO_CITY } from '../city/demo-city.js'
import { configureCity, getCityProfile } from '../city/service.js'
import { createPosition } from '../payments/positions.js'

const NOW = new Date('2027-04-01T08:00:00Z')

interface Item {
  id: string
  source: string
  kind: string
  title: string | null
  date: string
  daysLeft: number
  status: string
  amountCents: number | null
}

describe('deadlines', () => {
  let t: TestApp
  let person: CreatedMember
  let session: TestSession
  let lowLevel: TestSession

  beforeAll(async () => {
    t = await createTestApp({ work: false, clock: manualClock(NOW) })
    const ctx: ServiceContext = {
      ...t.runtime,
      actor: { type: 'system', name: 'test' },
      meta: { ip: null, requestId: null, locale: 'it' },
    }
    if (!(await getCityProfile(ctx))) await configureCity(ctx, DEMO_CITY)
    ;[person] = (await createHousehold(t.runtime.db, [
      { relationship: 'head', birthDate: '1980-02-02' },
    ])) as [CreatedMember]
    await addRecords(t.runtime.db, person.id, [identityCard('2027-06-10')])
    await inTransaction(t.runtime.db, (tx) =>
      createPosition(tx, t.runtime.config.payments, {
        iupd: `TARI-${randomUUID()}`,
        debtorFiscalCode: person.fiscalCode,
        debtorName: 'Maria Rossi',
        kind: 'tari',
        description: 'TARI 2027',
        source: 'test',
        options: [
          { instalment: null, amountCents: 30000, dueDate: '2027-04-05' },
          { instalment: 1, amountCents: 10000, dueDate: '2027-04-05' },
          { instalment: 2, amountCents: 10000, dueDate: '2027-07-16' },
          { instalment: 3, amountCents: 10000, dueDate: '2027-10-16' },
        ],
      }),
    )
    session = await createCitizenSession(t.runtime, { fiscalCode: person.fiscalCode, personId: person.id })
    lowLevel = await createCitizenSession(t.runtime, {
      fiscalCode: person.fiscalCode,
      personId: person.id,
      level: 1,
    })
  })
  afterAll(async () => {
    await t?.close()
  })

  const get = (url: string, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'GET', url, headers })

  it('lists documents and instalments together, soonest first', async () => {
    const response = await get('/api/v1/deadlines', session.headers)
    expect(response.statusCode).toBe(200)
    const { items, hidden } = response.json() as { items: Item[]; hidden: string[] }
    expect(hidden).toEqual([])
    expect(
      items.map((item) => [item.source, item.kind, item.title, item.date, item.status, item.daysLeft]),
    ).toEqual([
      ['payments', 'payment', 'TARI 2027 – rata 1', '2027-04-05', 'due-soon', 4],
      ['registry', 'identity-card', null, '2027-06-10', 'due-soon', 70],
      ['payments', 'payment', 'TARI 2027 – rata 2', '2027-07-16', 'upcoming', 106],
      ['payments', 'payment', 'TARI 2027 – rata 3', '2027-10-16', 'upcoming', 198],
    ])
    expect(items[0]?.amountCents).toBe(10000)
  })

  it('leaves the dues out below SPID level 2, and says so', async () => {
    const { items, hidden } = (await get('/api/v1/deadlines', lowLevel.headers)).json()
    expect(hidden).toEqual(['payments'])
    expect(items.map((item: Item) => item.kind)).toEqual(['identity-card'])
  })

  it('refuses anyone not signed in as a citizen', async () => {
    expect((await get('/api/v1/deadlines')).statusCode).toBe(401)
  })

  it('serves a private calendar feed that a new address or a deletion switches off', async () => {
    expect((await get('/api/v1/deadlines/feed', session.headers)).json()).toMatchObject({ active: false })
    const refused = await t.app.inject({
      method: 'POST',
      url: '/api/v1/deadlines/feed',
      headers: lowLevel.headers,
    })
    expect(refused.statusCode).toBe(403)

    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/deadlines/feed',
      headers: session.headers,
    })
    expect(created.statusCode).toBe(201)
    const { url, webcalUrl } = created.json()
    expect(webcalUrl).toBe(url.replace(/^https?:/, 'webcal:'))
    const path = new URL(url).pathname
    const feed = await get(path)
    expect(feed.statusCode).toBe(200)
    expect(feed.headers['content-type']).toBe('text/calendar; charset=utf-8')
    expect(feed.body.match(/BEGIN:VEVENT/g)).toHaveLength(4)
    expect(feed.body).toContain('SUMMARY:Da pagare: TARI 2027 – rata 2\\, 100\\,00\u00a0€')
    expect(feed.body).toContain('SUMMARY:Scade la carta d’identità')
    expect(feed.body).toContain('DTSTART;VALUE=DATE:20270610')
    expect((await get('/api/v1/deadlines/feed', session.headers)).json()).toMatchObject({
      active: true,
      lastReadAt: NOW.toISOString(),
    })

    const renewed = await t.app.inject({
      method: 'POST',
      url: '/api/v1/deadlines/feed',
      headers: session.headers,
    })
    expect((await get(path)).statusCode).toBe(404)
    const newPath = new URL(renewed.json().url).pathname
    expect((await get(newPath)).statusCode).toBe(200)

    const deleted = await t.app.inject({
      method: 'DELETE',
      url: '/api/v1/deadlines/feed',
      headers: session.headers,
    })
    expect(deleted.statusCode).toBe(204)
    expect((await get(newPath)).statusCode).toBe(404)
    expect((await get('/api/v1/deadlines/calendar/not-a-token.ics')).statusCode).toBe(400)
    const again = await t.app.inject({
      method: 'DELETE',
      url: '/api/v1/deadlines/feed',
      headers: session.headers,
    })
    expect(again.statusCode).toBe(404)
  })

  it('gives another citizen their own dates only', async () => {
    const stranger = await createCitizenSession(t.runtime)
    const { items } = (await get('/api/v1/deadlines', stranger.headers)).json()
    expect(items).toEqual([])
  })
})
