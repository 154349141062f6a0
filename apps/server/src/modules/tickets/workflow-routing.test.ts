import { randomUUID } from 'node:crypto'
import { eq, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { inTransaction, rowsOf } from '../../db/transaction.js'
import { manualClock } from '../../platform/clock.js'
import { createMessageSenders } from '../../platform/outbox/senders.js'
import { devOutbox } from '../../platform/outbox/tables.js'
import { createTestApp, type TestApp } from '../../test/app.js'
import { notificationMessages } from '../notifications/tables.js'
import { createTestDetail, testTicketsContext } from './intake-fixtures.js'
import { notifyTicketContact, queueTicketEmail, SEND_EMAIL_JOB, sendTicketEmail } from './mail-out.js'
import { findTicketById } from './repo.js'
import { appendInboundMessage, assignByRule, claimTicket, replyToTicket } from './workflow.js'
import {
  createTestContact,
  createTestStaff,
  insertTestTicket,
  setTeamAssignment,
} from './workflow-fixtures.js'
import { categoriseTicket, forwardTicket } from './workflow-routing.js'

const MONDAY_9 = new Date('2026-03-02T08:00:00Z')
const clock = manualClock(MONDAY_9)

describe('routing and e-mail', () => {
  let t: TestApp
  const suffix = randomUUID().slice(0, 6)
  const team = `rt-a-${suffix}`
  const loadTeam = `rt-b-${suffix}`

  beforeAll(async () => {
    t = await createTestApp({ clock, work: false })
  })
  afterAll(async () => {
    await t?.close()
  })

  const systemCtx = () => testTicketsContext(t.runtime, { type: 'system', name: 'test' })
  async function ticketOf(
    teamCode: string,
    contact: { email?: string; phone?: string } = { phone: '+39021234' },
  ) {
    const contactId = await createTestContact(t.runtime.db, contact)
    return insertTestTicket(t.runtime.db, {
      contactId,
      teamCode,
      channel: contact.email ? 'email' : 'phone',
      createdAt: MONDAY_9,
    })
  }
  const jobsFor = async (ticketId: string) =>
    rowsOf<{ count: number }>(
      await t.runtime.db.execute(
        sql`select count(*)::int as count from ${sql.identifier(t.runtime.jobs.schemaName)}.job where name = ${SEND_EMAIL_JOB} and data->>'ticketId' = ${ticketId}`,
      ),
    )[0]?.count

  it('assigns by rule to the operator holding the fewest open tickets', async () => {
    const busy = await createTestStaff(t.runtime, ['operator'], [loadTeam])
    const idle = await createTestStaff(t.runtime, ['operator'], [loadTeam])
    await setTeamAssignment(t.runtime.db, loadTeam, 'least-loaded')
    for (const _ of [1, 2]) {
      const held = await ticketOf(loadTeam)
      await claimTicket(testTicketsContext(t.runtime, busy.actor), { code: held.code })
    }
    const fresh = await ticketOf(loadTeam)
    const assignee = await inTransaction(t.runtime.db, (tx) => assignByRule(tx, systemCtx(), fresh.id))
    expect(assignee).toBe(idle.id)
    expect(await findTicketById(t.runtime.db, fresh.id)).toMatchObject({
      status: 'assigned',
      assigneeStaffId: idle.id,
    })
    // A team that claims from the queue gets nothing assigned.
    const claimed = await ticketOf(team)
    expect(await inTransaction(t.runtime.db, (tx) => assignByRule(tx, systemCtx(), claimed.id))).toBeNull()
  })

  it('forwards to a least-loaded team straight to one of its members', async () => {
    const sender = await createTestStaff(t.runtime, ['operator'], [team])
    const ticket = await ticketOf(team)
    const forwarded = await forwardTicket(testTicketsContext(t.runtime, sender.actor), {
      code: ticket.code,
      teamCode: loadTeam,
      note: 'Per voi',
    })
    expect(forwarded).toMatchObject({ teamCode: loadTeam, status: 'assigned', visible: false })
    const unknown = forwardTicket(testTicketsContext(t.runtime, sender.actor), {
      code: ticket.code,
      teamCode: team,
      note: '',
    })
    // The ticket is out of the sender's teams now: it is not found.
    await expect(unknown).rejects.toMatchObject({ code: 'NOT_FOUND' })
  })

  it('keeps the assignee when the new triplet routes to a team they also work in', async () => {
    const both = await createTestStaff(t.runtime, ['operator'], [team, loadTeam])
    const detail = await createTestDetail(t.runtime.db, { teamCode: loadTeam })
    const ticket = await ticketOf(team)
    await claimTicket(testTicketsContext(t.runtime, both.actor), { code: ticket.code })
    const categorised = await categoriseTicket(testTicketsContext(t.runtime, both.actor), {
      code: ticket.code,
      categoryCode: detail.code,
    })
    expect(categorised).toMatchObject({ teamCode: loadTeam, assigneeStaffId: both.id, status: 'assigned' })
  })

  it('answers an e-mail in the same thread, telling the person they can reply', async () => {
    const operator = await createTestStaff(t.runtime, ['operator'], [team])
    const address = `writer-${suffix}@example.org`
    const ticket = await ticketOf(team, { email: address })
    await inTransaction(t.runtime.db, (tx) =>
      appendInboundMessage(tx, systemCtx(), {
        ticketId: ticket.id,
        body: 'Buongiorno',
        channel: 'email',
        emailMessageId: `<first-${suffix}@example.org>`,
      }),
    )
    const replied = await replyToTicket(testTicketsContext(t.runtime, operator.actor), {
      code: ticket.code,
      body: 'Ecco la risposta.',
    })
    expect(await jobsFor(ticket.id)).toBe(1)
    // Queuing the same e-mail again keeps one job.
    await inTransaction(t.runtime.db, (tx) =>
      queueTicketEmail(tx, t.runtime, { ticketId: ticket.id, kind: 'reply', messageId: replied.messageId }),
    )
    expect(await jobsFor(ticket.id)).toBe(1)
    await sendTicketEmail(
      {
        db: t.runtime.db,
        email: createMessageSenders(t.runtime.config, t.runtime.db).email,
        publicUrl: t.runtime.config.publicUrl,
      },
      { ticketId: ticket.id, kind: 'reply', messageId: replied.messageId, locale: 'it' },
    )
    const [sent] = await t.runtime.db.select().from(devOutbox).where(eq(devOutbox.recipient, address))
    expect(sent?.subject).toBe(`[${ticket.code}] ${ticket.subject}`)
    expect(sent?.text).toContain('Ecco la risposta.')
    expect(sent?.text).toContain('Puoi rispondere a questa e-mail')
    expect(sent?.headers).toMatchObject({ 'In-Reply-To': `<first-${suffix}@example.org>` })
  })

  it('tells a caller known only by phone nothing', async () => {
    const ticket = await ticketOf(team, { phone: '+39029999' })
    await inTransaction(t.runtime.db, (tx) =>
      notifyTicketContact(tx, systemCtx(), { ticketId: ticket.id, kind: 'received' }),
    )
    expect(await jobsFor(ticket.id)).toBe(0)
    const notices = await t.runtime.db
      .select()
      .from(notificationMessages)
      .where(eq(notificationMessages.dedupeKey, `tickets.received:${ticket.id}`))
    expect(notices).toEqual([])
  })
})
