import { randomUUID } from 'node:crypto'
import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditLog } from '../../platform/audit-tables.js'
import { manualClock } from '../../platform/clock.js'
import { createTestApp, type TestApp } from '../../test/app.js'
import { createCitizenSession, uniqueFiscalCode } from '../../test/identity.js'
import { loadBusinessCalendar } from './business-calendar.js'
import { createTestDetail } from './intake-fixtures.js'
import { findTicketByCode, listMessages } from './repo.js'
import { addBusinessMinutes, type BusinessCalendar } from './sla.js'
import { cannedReplies } from './tables.js'
import { createTestContact, createTestStaff, insertTestTicket } from './workflow-fixtures.js'

// Monday 2 March 2026, 09:00 in Rome.
const MONDAY_9 = new Date('2026-03-02T08:00:00Z')
const HOUR = 3_600_000
const clock = manualClock(MONDAY_9)

describe('operator console routes', () => {
  let t: TestApp
  let calendar: BusinessCalendar
  const suffix = randomUUID().slice(0, 6)
  const team = `sr-a-${suffix}`
  const otherTeam = `sr-b-${suffix}`
  let detail: { id: string; code: string }
  let otherDetail: { id: string; code: string }
  let operator: Awaited<ReturnType<typeof createTestStaff>>
  let outsider: Awaited<ReturnType<typeof createTestStaff>>
  let supervisor: Awaited<ReturnType<typeof createTestStaff>>

  beforeAll(async () => {
    t = await createTestApp({ clock, work: false })
    calendar = await loadBusinessCalendar(t.runtime, t.runtime.config.tickets)
    operator = await createTestStaff(t.runtime, ['operator'], [team])
    outsider = await createTestStaff(t.runtime, ['operator'], [otherTeam])
    supervisor = await createTestStaff(t.runtime, ['supervisor'], [])
    detail = await createTestDetail(t.runtime.db, { teamCode: team })
    otherDetail = await createTestDetail(t.runtime.db, { teamCode: otherTeam })
    await t.runtime.db.insert(cannedReplies).values({
      categoryId: detail.id,
      title: 'Saluto',
      bodyIt: 'Gentile {nome}, la richiesta {codice} è in lavorazione. {operatore}',
    })
  })
  afterAll(async () => {
    await t?.close()
  })

  async function ticket(options: { hoursLater?: number; teamCode?: string; contactId?: string } = {}) {
    const createdAt = new Date(MONDAY_9.getTime() + (options.hoursLater ?? 0) * HOUR)
    const contactId =
      options.contactId ??
      (await createTestContact(t.runtime.db, { fiscalCode: uniqueFiscalCode(), name: 'Giulia Bianchi' }))
    return insertTestTicket(t.runtime.db, {
      contactId,
      teamCode: options.teamCode ?? team,
      categoryId: (options.teamCode ?? team) === team ? detail.id : otherDetail.id,
      createdAt,
      firstResponseDueAt: addBusinessMinutes(calendar, createdAt, 240),
      resolutionDueAt: addBusinessMinutes(calendar, createdAt, 2400),
    })
  }

  const get = (url: string, headers: Record<string, string>) =>
    t.app.inject({ method: 'GET', url: `/api/v1${url}`, headers })
  const post = (url: string, headers: Record<string, string>, payload: object = {}) =>
    t.app.inject({ method: 'POST', url: `/api/v1${url}`, headers, payload })

  const ACTIONS: [string, (other: string) => object][] = [
    ['claim', () => ({})],
    ['assign', () => ({ assigneeId: null })],
    ['status', () => ({ status: 'in-progress' })],
    ['reply', () => ({ body: 'Risposta' })],
    ['note', () => ({ body: 'Nota' })],
    ['forward', () => ({ teamCode: otherTeam, note: '' })],
    ['merge', (other) => ({ intoCode: other })],
    ['categorise', () => ({ categoryCode: otherDetail.code })],
  ]

  it('answers 404 on every ticket route to an operator of another team, and changes nothing', async () => {
    const target = await ticket()
    const other = await ticket({ teamCode: otherTeam })
    expect((await get(`/staff/tickets/${target.code}`, outsider.headers)).statusCode).toBe(404)
    expect(
      (await get(`/staff/tickets/${target.code}/canned-replies/${randomUUID()}`, outsider.headers))
        .statusCode,
    ).toBe(404)
    expect(
      (await get(`/staff/tickets/${target.code}/attachments/${randomUUID()}`, outsider.headers)).statusCode,
    ).toBe(404)
    expect((await get(`/staff/tickets?team=${team}`, outsider.headers)).statusCode).toBe(404)
    for (const [name, body] of ACTIONS) {
      const response = await post(`/staff/tickets/${target.code}/${name}`, outsider.headers, body(other.code))
      expect(response.statusCode, name).toBe(404)
      expect(response.headers['content-type']).toContain('application/problem+json')
    }
    const after = await findTicketByCode(t.runtime.db, target.code)
    expect(after?.version).toBe(target.version)
    expect(await listMessages(t.runtime.db, target.id)).toEqual([])
  })

  it('refuses citizens and staff without a ticket role with 403', async () => {
    const target = await ticket()
    const citizen = await createCitizenSession(t.runtime)
    const analyst = await createTestStaff(t.runtime, ['analyst', 'admin'], [team])
    for (const who of [citizen.headers, analyst.headers]) {
      expect((await get('/staff/tickets', who)).statusCode).toBe(403)
      expect((await get(`/staff/tickets/${target.code}`, who)).statusCode).toBe(403)
      expect((await post(`/staff/tickets/${target.code}/claim`, who)).statusCode).toBe(403)
    }
  })

  it('answers bad input with a 400 problem in Italian, or in English when asked', async () => {
    const target = await ticket()
    const italian = await post(`/staff/tickets/${target.code}/status`, operator.headers, { status: 'bogus' })
    expect(italian.statusCode).toBe(400)
    expect(italian.headers['content-type']).toContain('application/problem+json')
    expect(italian.json().title).toBe('Dati non validi')
    const english = await post(
      `/staff/tickets/${target.code}/status`,
      { ...operator.headers, 'accept-language': 'en' },
      { status: 'resolved' },
    )
    expect(english.statusCode).toBe(409)
    expect(english.json().detail).toMatch(/at least one reply/)
    expect((await get('/staff/tickets?cursor=nonsense', operator.headers)).json().detail).toMatch(
      /segnaposto/,
    )
    expect((await get('/staff/tickets/not-a-code', operator.headers)).statusCode).toBe(400)
    expect((await findTicketByCode(t.runtime.db, target.code))?.status).toBe('new')
  })

  it('pages the queue by due time with a cursor, without repeating a ticket', async () => {
    const pageTeam = `sr-q-${suffix}`
    const reader = await createTestStaff(t.runtime, ['operator'], [pageTeam])
    const made = []
    for (let hours = 0; hours < 5; hours++)
      made.push(await ticket({ teamCode: pageTeam, hoursLater: 4 - hours }))
    const seen: string[] = []
    let cursor: string | null = null
    do {
      const query: string = cursor ? `&cursor=${cursor}` : ''
      const page = (await get(`/staff/tickets?limit=2${query}`, reader.headers)).json()
      seen.push(...page.items.map((item: { code: string }) => item.code))
      cursor = page.nextCursor
    } while (cursor)
    const byDue = [...made].sort(
      (a, b) => (a.resolutionDueAt as Date).getTime() - (b.resolutionDueAt as Date).getTime(),
    )
    expect(seen).toEqual(byDue.map((row) => row.code))
    const byActivity = (await get('/staff/tickets?sort=activity&limit=10', reader.headers)).json()
    expect(byActivity.items[0].code).toBe(made[0]?.code)
    const found = (await get(`/staff/tickets?q=${made[2]?.code.toLowerCase()}`, reader.headers)).json()
    expect(found.items.map((item: { code: string }) => item.code)).toEqual([made[2]?.code])
    // Someone else's code finds nothing.
    const foreign = await ticket()
    expect((await get(`/staff/tickets?q=${foreign.code}`, reader.headers)).json().items).toEqual([])
  })

  it('filters the queue by assignee, status and SLA state', async () => {
    const mine = await ticket()
    expect((await post(`/staff/tickets/${mine.code}/claim`, operator.headers)).statusCode).toBe(200)
    const assigned = (await get('/staff/tickets?assignee=me', operator.headers)).json()
    expect(assigned.items.map((item: { code: string }) => item.code)).toContain(mine.code)
    const unassigned = (await get('/staff/tickets?assignee=none', operator.headers)).json()
    expect(unassigned.items.map((item: { code: string }) => item.code)).not.toContain(mine.code)
    const statuses = (await get('/staff/tickets?status=assigned', operator.headers)).json()
    expect(statuses.items.every((item: { status: string }) => item.status === 'assigned')).toBe(true)
    expect((await get('/staff/tickets?breached=true', operator.headers)).json().items).toEqual([])
  })

  it('shows a ticket with notes, transitions and filled canned replies, and audits the read', async () => {
    const target = await ticket()
    await post(`/staff/tickets/${target.code}/note`, operator.headers, { body: 'Solo per noi' })
    const response = await get(`/staff/tickets/${target.code}`, operator.headers)
    expect(response.statusCode).toBe(200)
    const page = response.json()
    expect(page.ticket).toMatchObject({ code: target.code, status: 'new', category: { code: detail.code } })
    expect(page.contact.displayName).toBe('Giulia Bianchi')
    expect(page.messages.map((m: { kind: string; body: string }) => [m.kind, m.body])).toEqual([
      ['note', 'Solo per noi'],
    ])
    expect(page.allowedTransitions).toEqual(['in-progress', 'waiting-citizen', 'waiting-office', 'resolved'])
    expect(page.cannedReplies[0].body).toMatch(
      new RegExp(`^Gentile Giulia Bianchi, la richiesta ${target.code}`),
    )
    const reads = await t.runtime.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'ticket.read'), eq(auditLog.subjectId, target.id)))
    expect(reads).toHaveLength(1)
    const canned = await get(
      `/staff/tickets/${target.code}/canned-replies/${page.cannedReplies[0].id}`,
      operator.headers,
    )
    expect(canned.json().body).toBe(page.cannedReplies[0].body)
  })

  it('forwards a ticket out of the operator’s sight, answering 200 and then 404', async () => {
    const target = await ticket()
    const forwarded = await post(`/staff/tickets/${target.code}/forward`, operator.headers, {
      teamCode: otherTeam,
      note: 'Competenza vostra',
    })
    expect(forwarded.statusCode).toBe(200)
    expect(forwarded.json()).toMatchObject({ teamCode: otherTeam, status: 'new', visible: false })
    expect((await get(`/staff/tickets/${target.code}`, operator.headers)).statusCode).toBe(404)
    const there = (await get(`/staff/tickets/${target.code}`, outsider.headers)).json()
    expect(there.messages.map((m: { body: string }) => m.body)).toEqual(['Competenza vostra'])
    expect(there.events.map((e: { kind: string }) => e.kind)).toContain('forwarded')
  })

  it('merges a duplicate of the same contact, keeping its messages readable on the primary', async () => {
    const contactId = await createTestContact(t.runtime.db, { fiscalCode: uniqueFiscalCode() })
    const primary = await ticket({ contactId })
    const duplicate = await ticket({ contactId, hoursLater: 1 })
    await post(`/staff/tickets/${duplicate.code}/note`, operator.headers, { body: 'Doppione' })
    const stranger = await ticket()
    const refused = await post(`/staff/tickets/${stranger.code}/merge`, operator.headers, {
      intoCode: primary.code,
    })
    expect(refused.statusCode).toBe(403)
    const merged = await post(`/staff/tickets/${duplicate.code}/merge`, operator.headers, {
      intoCode: primary.code,
    })
    expect(merged.json()).toMatchObject({ status: 'closed' })
    expect((await findTicketByCode(t.runtime.db, duplicate.code))?.mergedIntoId).toBe(primary.id)
    const page = (await get(`/staff/tickets/${primary.code}`, operator.headers)).json()
    expect(page.messages.map((m: { body: string }) => m.body)).toEqual(['Doppione'])
    // A supervisor may merge tickets of different contacts.
    const bySupervisor = await post(`/staff/tickets/${stranger.code}/merge`, supervisor.headers, {
      intoCode: primary.code,
    })
    expect(bySupervisor.statusCode).toBe(200)
  })

  it('categorises a triage ticket, moving it to the detail’s team with due times from its arrival', async () => {
    const triageTeam = `sr-t-${suffix}`
    const triager = await createTestStaff(t.runtime, ['operator'], [triageTeam, team])
    const contactId = await createTestContact(t.runtime.db, { email: 'x@example.org' })
    const triage = await insertTestTicket(t.runtime.db, {
      contactId,
      teamCode: triageTeam,
      channel: 'email',
      createdAt: MONDAY_9,
    })
    const response = await post(`/staff/tickets/${triage.code}/categorise`, triager.headers, {
      categoryCode: detail.code,
    })
    expect(response.json()).toMatchObject({ teamCode: team, status: 'new', visible: true })
    const row = await findTicketByCode(t.runtime.db, triage.code)
    expect(row?.categoryId).toBe(detail.id)
    expect(row?.resolutionDueAt).toEqual(addBusinessMinutes(calendar, MONDAY_9, 2400))
    const unknown = await post(`/staff/tickets/${triage.code}/categorise`, triager.headers, {
      categoryCode: 'nope-nope',
    })
    expect(unknown.statusCode).toBe(400)
  })

  it('refuses a stale version with 409 and leaves the ticket as it was', async () => {
    const target = await ticket()
    const stale = await post(`/staff/tickets/${target.code}/reply`, operator.headers, {
      body: 'Risposta',
      version: target.version + 1,
    })
    expect(stale.statusCode).toBe(409)
    expect(stale.json().detail).toMatch(/qualcun altro/)
    expect(await listMessages(t.runtime.db, target.id)).toEqual([])
    const fresh = await post(`/staff/tickets/${target.code}/reply`, operator.headers, {
      body: 'Risposta',
      version: target.version,
    })
    expect(fresh.json()).toMatchObject({ status: 'in-progress', version: target.version + 1 })
  })
})
