import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { manualClock } from '../../platform/clock.js'
import { createTestApp, type TestApp } from '../../test/app.js'
import { createCitizenSession } from '../../test/identity.js'
import { createTestDetail } from './intake-fixtures.js'
import { findTicketByCode } from './repo.js'
import { findCategoryRowByCode } from './taxonomy-repo.js'
import { createTestContact, createTestStaff, insertTestTicket } from './workflow-fixtures.js'

const NOW = new Date('2026-03-16T09:00:00Z')
const clock = manualClock(NOW)
const DAY = 24 * 3_600_000

describe('supervisor routes', () => {
  let t: TestApp
  const suffix = randomUUID().slice(0, 6)
  const team = `sv-${suffix}`
  let supervisor: Awaited<ReturnType<typeof createTestStaff>>
  let operator: Awaited<ReturnType<typeof createTestStaff>>

  beforeAll(async () => {
    t = await createTestApp({ clock, work: false })
    supervisor = await createTestStaff(t.runtime, ['supervisor'], [])
    operator = await createTestStaff(t.runtime, ['operator'], [team])
  })
  afterAll(async () => {
    await t?.close()
  })

  const send = (
    method: 'GET' | 'POST' | 'PATCH' | 'PUT',
    url: string,
    headers: Record<string, string>,
    payload?: object,
  ) => t.app.inject({ method, url: `/api/v1${url}`, headers, ...(payload ? { payload } : {}) })

  it('refuses operators and citizens with 403 and changes nothing', async () => {
    const citizen = await createCitizenSession(t.runtime)
    const code = `nope-${suffix}`
    for (const who of [operator.headers, citizen.headers]) {
      expect((await send('GET', '/staff/crm/dashboard', who)).statusCode).toBe(403)
      const created = await send('POST', '/staff/crm/categories', who, {
        code,
        level: 1,
        nameIt: 'Area',
        nameEn: 'Area',
      })
      expect(created.statusCode).toBe(403)
      expect(
        (await send('PUT', `/staff/crm/teams/${team}`, who, { assignment: 'least-loaded' })).statusCode,
      ).toBe(403)
    }
    expect(await findCategoryRowByCode(t.runtime.db, code)).toBeNull()
  })

  it('builds a triplet with the level rules and shows it on the public form until it is turned off', async () => {
    const area = `ar-${suffix}`
    const topic = `tp-${suffix}`
    const detail = `dt-${suffix}`
    const create = (body: object) => send('POST', '/staff/crm/categories', supervisor.headers, body)
    expect(
      (await create({ code: area, level: 1, nameIt: 'Ambiente', nameEn: 'Environment' })).statusCode,
    ).toBe(201)
    // A topic needs an area above it; a detail needs its routing and an existing team.
    const orphan = await create({ code: `x-${suffix}`, level: 2, nameIt: 'Tema', nameEn: 'Topic' })
    expect(orphan.statusCode).toBe(400)
    expect(orphan.json().detail).toMatch(/voce superiore/)
    expect(
      (await create({ code: topic, level: 2, parentCode: area, nameIt: 'Verde', nameEn: 'Green' }))
        .statusCode,
    ).toBe(201)
    const unrouted = await create({
      code: detail,
      level: 3,
      parentCode: topic,
      nameIt: 'Alberi',
      nameEn: 'Trees',
    })
    expect(unrouted.statusCode).toBe(400)
    const unknownTeam = await create({
      code: detail,
      level: 3,
      parentCode: topic,
      nameIt: 'Alberi',
      nameEn: 'Trees',
      teamCode: 'no-such-team',
      firstResponseMinutes: 60,
      resolutionMinutes: 600,
    })
    expect(unknownTeam.json().detail).toMatch(/gruppo di lavoro indicato non esiste/)
    const created = await create({
      code: detail,
      level: 3,
      parentCode: topic,
      nameIt: 'Alberi',
      nameEn: 'Trees',
      teamCode: team,
      firstResponseMinutes: 60,
      resolutionMinutes: 600,
    })
    expect(created.json()).toMatchObject({
      code: detail,
      parentCode: topic,
      teamCode: team,
      resolutionMinutes: 600,
    })
    expect((await create({ code: area, level: 1, nameIt: 'Doppia', nameEn: 'Twice' })).statusCode).toBe(409)
    const badCode = await send(
      'POST',
      '/staff/crm/categories',
      { ...supervisor.headers, 'accept-language': 'en' },
      {
        code: 'Not Valid!',
        level: 1,
        nameIt: 'Area',
        nameEn: 'Area',
      },
    )
    expect(badCode.statusCode).toBe(400)
    expect(badCode.json().title).toBe('Invalid data')

    const publicTree = async () =>
      (await t.app.inject({ method: 'GET', url: '/api/v1/tickets/categories' })).json()
    const mine = (tree: { areas: { code: string }[] }) =>
      tree.areas.find((candidate) => candidate.code === area)
    expect(mine(await publicTree())).toEqual({
      code: area,
      nameIt: 'Ambiente',
      nameEn: 'Environment',
      topics: [
        {
          code: topic,
          nameIt: 'Verde',
          nameEn: 'Green',
          details: [{ code: detail, nameIt: 'Alberi', nameEn: 'Trees' }],
        },
      ],
    })
    const retimed = await send('PATCH', `/staff/crm/categories/${detail}`, supervisor.headers, {
      resolutionMinutes: 900,
    })
    expect(retimed.json().resolutionMinutes).toBe(900)
    const off = await send('PATCH', `/staff/crm/categories/${area}`, supervisor.headers, { active: false })
    expect(off.json()).toMatchObject({ code: area, active: false })
    expect(mine(await publicTree())).toBeUndefined()
    expect((await findCategoryRowByCode(t.runtime.db, detail))?.active).toBe(false)
    expect(
      (await send('PATCH', '/staff/crm/categories/missing-node', supervisor.headers, { nameIt: 'Nuovo' }))
        .statusCode,
    ).toBe(404)
  })

  it('keeps canned replies per detail and team assignment rules', async () => {
    const detail = await createTestDetail(t.runtime.db, { teamCode: team })
    const created = await send('POST', '/staff/crm/canned-replies', supervisor.headers, {
      categoryCode: detail.code,
      title: 'Risposta tipo',
      bodyIt: 'Gentile {nome}',
    })
    expect(created.statusCode).toBe(201)
    const id = created.json().id
    const changed = await send('PATCH', `/staff/crm/canned-replies/${id}`, supervisor.headers, {
      active: false,
    })
    expect(changed.json()).toMatchObject({ categoryCode: detail.code, active: false })
    expect(
      (
        await send('PATCH', `/staff/crm/canned-replies/${randomUUID()}`, supervisor.headers, {
          active: false,
        })
      ).statusCode,
    ).toBe(404)

    const saved = await send('PUT', `/staff/crm/teams/${team}`, supervisor.headers, {
      assignment: 'least-loaded',
      escalationEmail: 'capo@comune.example.it',
    })
    expect(saved.json()).toEqual({
      teamCode: team,
      assignment: 'least-loaded',
      escalationEmail: 'capo@comune.example.it',
    })
    const listed = (await send('GET', '/staff/crm/teams', supervisor.headers)).json()
    expect(listed).toContainEqual(saved.json())
    expect(
      (await send('PUT', '/staff/crm/teams/no-such-team', supervisor.headers, { assignment: 'claim' }))
        .statusCode,
    ).toBe(404)
    const badEmail = await send('PUT', `/staff/crm/teams/${team}`, supervisor.headers, {
      assignment: 'claim',
      escalationEmail: 'not an address',
    })
    expect(badEmail.statusCode).toBe(400)
  })

  it('shows backlog, breaches and the period’s volumes, and lets the supervisor reassign a breached ticket', async () => {
    const detail = await createTestDetail(t.runtime.db, { teamCode: team })
    const contactId = await createTestContact(t.runtime.db, { phone: '+390212345678' })
    const breached = await insertTestTicket(t.runtime.db, {
      contactId,
      teamCode: team,
      categoryId: detail.id,
      channel: 'phone',
      createdAt: new Date(NOW.getTime() - 3 * DAY),
      resolutionDueAt: new Date(NOW.getTime() - DAY),
    })
    await insertTestTicket(t.runtime.db, {
      contactId,
      teamCode: team,
      categoryId: detail.id,
      channel: 'phone',
      createdAt: new Date(NOW.getTime() - 40 * DAY),
    })
    const { runSlaWatch } = await import('./sla-watch.js')
    await runSlaWatch({ ...t.runtime, tickets: t.runtime.config.tickets }, NOW)
    const dashboard = (await send('GET', '/staff/crm/dashboard', supervisor.headers)).json()
    expect(dashboard.backlog).toContainEqual({ teamCode: team, status: 'new', count: 2 })
    expect(dashboard.breached.map((item: { code: string }) => item.code)).toContain(breached.code)
    // The ticket from 40 days ago is outside the default 30 days.
    const triplet = dashboard.volumesByTriplet.find(
      (row: { detailCode: string }) => row.detailCode === detail.code,
    )
    expect(triplet?.count).toBe(1)
    expect(
      dashboard.volumesByChannel.find((row: { channel: string }) => row.channel === 'phone')?.count,
    ).toBeGreaterThanOrEqual(1)
    const wider = (
      await send(
        'GET',
        `/staff/crm/dashboard?from=${new Date(NOW.getTime() - 60 * DAY).toISOString()}`,
        supervisor.headers,
      )
    ).json()
    expect(
      wider.volumesByTriplet.find((row: { detailCode: string }) => row.detailCode === detail.code)?.count,
    ).toBe(2)
    const backwards = await send(
      'GET',
      `/staff/crm/dashboard?from=${NOW.toISOString()}&to=${new Date(NOW.getTime() - DAY).toISOString()}`,
      supervisor.headers,
    )
    expect(backwards.statusCode).toBe(400)

    const reassigned = await send('POST', `/staff/tickets/${breached.code}/assign`, supervisor.headers, {
      assigneeId: operator.id,
    })
    expect(reassigned.json()).toMatchObject({ assigneeStaffId: operator.id, status: 'assigned' })
    expect((await findTicketByCode(t.runtime.db, breached.code))?.slaBreachedAt).not.toBeNull()
  })
})

describe('demo taxonomy', () => {
  it('seeds once, routing every detail to a demo team, and is safe to run again', async () => {
    const t = await createTestApp({ clock, work: false })
    try {
      const { demoDetailCodes, seedTicketTaxonomy } = await import('./seed.js')
      const { DEV_TEAMS } = await import('../identity/staff-admin-service.js')
      const ctx = workflowContextFor(t)
      await seedTicketTaxonomy(ctx)
      expect(await seedTicketTaxonomy(ctx)).toEqual({ categories: 0, cannedReplies: 0 })
      const { listCategories } = await import('./taxonomy-repo.js')
      const codes = new Set(demoDetailCodes())
      expect(codes.size).toBeGreaterThan(40)
      const details = (await listCategories(t.runtime.db)).filter((row) => codes.has(row.code))
      expect(details).toHaveLength(codes.size)
      const teams = new Set<string>(DEV_TEAMS.map((devTeam) => devTeam.code))
      expect(details.every((row) => row.level === 3 && row.teamCode && teams.has(row.teamCode))).toBe(true)
      expect(
        details
          .filter((row) => row.teamCode === 'posta-sindaco')
          .every((row) => row.process === 'mayor-letter'),
      ).toBe(true)
    } finally {
      await t.close()
    }
  })
})

function workflowContextFor(t: TestApp) {
  return {
    db: t.runtime.db,
    jobs: t.runtime.jobs,
    clock,
    logger: t.runtime.logger,
    actor: { type: 'system' as const, name: 'seed' },
    meta: { ip: null, requestId: null, locale: 'it' as const },
  }
}
