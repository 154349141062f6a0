import { randomUUID } from 'node:crypto'
import { eq, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { rowsOf } from '../../db/transaction.js'
import { manualClock } from '../../platform/clock.js'
import { createLogger } from '../../platform/logger.js'
import { createMessageSenders } from '../../platform/outbox/senders.js'
import { devOutbox } from '../../platform/outbox/tables.js'
import { createTestApp, type TestApp } from '../../test/app.js'
import { createStaffSession } from '../../test/identity.js'
import { loadBusinessCalendar } from './business-calendar.js'
import { createTestDetail } from './intake-fixtures.js'
import { findTicketById, listEvents } from './repo.js'
import { addBusinessMinutes, type BusinessCalendar } from './sla.js'
import { ESCALATION_EMAIL_JOB, runSlaWatch, type SlaWatchDeps, sendEscalationEmail } from './sla-watch.js'
import { createTestContact, insertTestTicket, setTeamAssignment } from './workflow-fixtures.js'

// Monday 2 March 2026, 09:00 in Rome; offices 08:30–17:30.
const MONDAY_9 = new Date('2026-03-02T08:00:00Z')
const HOUR = 3_600_000
const clock = manualClock(MONDAY_9)

describe('SLA watch', () => {
  let t: TestApp
  let calendar: BusinessCalendar
  let deps: SlaWatchDeps
  const team = `sw-${randomUUID().slice(0, 6)}`
  let detail: { id: string }

  beforeAll(async () => {
    t = await createTestApp({ clock, work: false })
    calendar = await loadBusinessCalendar(t.runtime, t.runtime.config.tickets)
    detail = await createTestDetail(t.runtime.db, {
      teamCode: team,
      firstResponseMinutes: 60,
      resolutionMinutes: 600,
    })
    deps = {
      db: t.runtime.db,
      jobs: t.runtime.jobs,
      clock,
      logger: createLogger({ level: 'silent', pretty: false }),
      tickets: t.runtime.config.tickets,
    }
  })
  afterAll(async () => {
    await t?.close()
  })

  async function watched(status: 'new' | 'waiting-citizen' = 'new', teamCode = team) {
    const contactId = await createTestContact(t.runtime.db, { email: 'c@example.org' })
    return insertTestTicket(t.runtime.db, {
      contactId,
      teamCode,
      categoryId: teamCode === team ? detail.id : null,
      status,
      createdAt: MONDAY_9,
      resolutionDueAt: addBusinessMinutes(calendar, MONDAY_9, 600),
    })
  }
  // Events of one instant have no order among themselves.
  const kinds = async (id: string) => (await listEvents(t.runtime.db, id)).map((event) => event.kind).sort()
  const escalationJobs = async (ticketId: string) =>
    rowsOf<{ count: number }>(
      await t.runtime.db.execute(
        sql`select count(*)::int as count from ${sql.identifier(t.runtime.jobs.schemaName)}.job where name = ${ESCALATION_EMAIL_JOB} and data->>'ticketId' = ${ticketId}`,
      ),
    )[0]?.count

  it('warns once when four fifths of the resolution time are gone', async () => {
    const ticket = await watched()
    // Due Tuesday 10:00 (510 minutes on Monday, 90 on Tuesday): 120 minutes left at Monday 17:00.
    expect(ticket.resolutionDueAt).toEqual(new Date('2026-03-03T10:00:00+01:00'))
    await runSlaWatch(deps, new Date('2026-03-02T16:59:00+01:00'))
    expect((await findTicketById(t.runtime.db, ticket.id))?.slaWarnedAt).toBeNull()
    const warningAt = new Date('2026-03-02T17:00:00+01:00')
    await runSlaWatch(deps, warningAt)
    await runSlaWatch(deps, new Date('2026-03-02T17:10:00+01:00'))
    const row = await findTicketById(t.runtime.db, ticket.id)
    expect(row?.slaWarnedAt).toEqual(warningAt)
    expect(row?.version).toBe(ticket.version + 1)
    expect(await kinds(ticket.id)).toEqual(['sla-warning'])
  })

  it('marks a breach past the resolution time, escalates it once and queues one e-mail', async () => {
    const ticket = await watched()
    const late = new Date('2026-03-03T10:01:00+01:00')
    await runSlaWatch(deps, late)
    await runSlaWatch(deps, new Date(late.getTime() + HOUR))
    const row = await findTicketById(t.runtime.db, ticket.id)
    expect(row).toMatchObject({ slaBreachedAt: late, escalatedAt: late })
    expect(await kinds(ticket.id)).toEqual(['escalated', 'sla-breached'])
    expect(await escalationJobs(ticket.id)).toBe(1)
  })

  it('leaves tickets waiting for the citizen alone', async () => {
    const ticket = await watched('waiting-citizen')
    await runSlaWatch(deps, new Date('2026-03-04T12:00:00+01:00'))
    expect(await findTicketById(t.runtime.db, ticket.id)).toMatchObject({
      slaWarnedAt: null,
      slaBreachedAt: null,
    })
    expect(await kinds(ticket.id)).toEqual([])
  })

  it('warns an unclassified ticket against the triage targets', async () => {
    const ticket = await watched('new', `sw-triage-${randomUUID().slice(0, 4)}`)
    // 570 minutes left of a 2 700-minute triage target: not yet within its last fifth (540).
    await runSlaWatch(deps, new Date('2026-03-02T09:30:00+01:00'))
    expect((await findTicketById(t.runtime.db, ticket.id))?.slaWarnedAt).toBeNull()
    // 540 minutes left: now it is. A detail's 600-minute target would still be far from its 120.
    await runSlaWatch(deps, new Date('2026-03-02T10:00:00+01:00'))
    expect((await findTicketById(t.runtime.db, ticket.id))?.slaWarnedAt).not.toBeNull()
  })

  describe('escalation e-mails', () => {
    const mail = () => ({
      db: t.runtime.db,
      email: createMessageSenders(t.runtime.config, t.runtime.db).email,
      publicUrl: t.runtime.config.publicUrl,
    })
    const sentTo = async (recipient: string) =>
      t.runtime.db.select().from(devOutbox).where(eq(devOutbox.recipient, recipient))

    it('go to the team’s escalation address when it has one', async () => {
      const escalation = `escalation-${randomUUID().slice(0, 6)}@comune.example.it`
      await setTeamAssignment(t.runtime.db, team, 'claim', escalation)
      const ticket = await watched()
      await runSlaWatch(deps, new Date('2026-03-03T11:00:00+01:00'))
      await sendEscalationEmail(mail(), ticket.id)
      const [message] = await sentTo(escalation)
      expect(message?.subject).toContain(ticket.code)
      expect(message?.text).toContain('/backoffice/richieste/')
    })

    it('go to the team’s supervisors otherwise, and never for a ticket not breached', async () => {
      const otherTeam = `sw-s-${randomUUID().slice(0, 6)}`
      const supervisor = await createStaffSession(t.runtime, { roles: ['supervisor'], teams: [otherTeam] })
      const [row] = rowsOf<{ email: string }>(
        await t.runtime.db.execute(sql`select email from staff_accounts where id = ${supervisor.accountId}`),
      )
      const fresh = await watched('new', otherTeam)
      await sendEscalationEmail(mail(), fresh.id)
      expect(await sentTo(row?.email as string)).toHaveLength(0)
      await runSlaWatch(deps, new Date('2026-03-20T11:00:00+01:00'))
      await sendEscalationEmail(mail(), fresh.id)
      expect(await sentTo(row?.email as string)).toHaveLength(1)
    })
  })
})
