import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { inTransaction } from '../../db/transaction.js'
import { manualClock } from '../../platform/clock.js'
import { AppError } from '../../platform/errors.js'
import { createTestApp, type TestApp } from '../../test/app.js'
import { uniqueFiscalCode } from '../../test/identity.js'
import { notificationMessages } from '../notifications/tables.js'
import { findRecordedServiceUse } from '../surveys/service.js'
import { loadBusinessCalendar } from './business-calendar.js'
import { createTestDetail, testTicketsContext } from './intake-fixtures.js'
import { findTicketById, listEvents, listMessages } from './repo.js'
import { addBusinessMinutes, type BusinessCalendar } from './sla.js'
import { appendInboundMessage, assignTicket, changeStatus, claimTicket, replyToTicket } from './workflow.js'
import { createTestContact, createTestStaff, insertTestTicket } from './workflow-fixtures.js'

// Monday 2 March 2026, 09:00 in Rome (UTC+1); the offices work 08:30–17:30.
const MONDAY_9 = new Date('2026-03-02T08:00:00Z')
const HOUR = 3_600_000
const clock = manualClock(MONDAY_9)

async function refusal(work: Promise<unknown>): Promise<AppError> {
  try {
    await work
  } catch (error) {
    if (error instanceof AppError) return error
    throw error
  }
  throw new Error('expected a refusal')
}

describe('ticket workflow', () => {
  let t: TestApp
  let calendar: BusinessCalendar
  let detail: { id: string; code: string }
  const team = 'wf-anagrafe'
  let operator: Awaited<ReturnType<typeof createTestStaff>>
  let colleague: Awaited<ReturnType<typeof createTestStaff>>
  let outsider: Awaited<ReturnType<typeof createTestStaff>>

  beforeAll(async () => {
    t = await createTestApp({ clock, work: false })
    calendar = await loadBusinessCalendar(t.runtime, t.runtime.config.tickets)
    detail = await createTestDetail(t.runtime.db, { teamCode: team })
    operator = await createTestStaff(t.runtime, ['operator'], [team])
    colleague = await createTestStaff(t.runtime, ['operator'], [team])
    outsider = await createTestStaff(t.runtime, ['operator'], ['wf-tributi'])
  })
  afterAll(async () => {
    await t?.close()
  })

  const ctxAs = (actor: Awaited<ReturnType<typeof createTestStaff>>['actor']) =>
    testTicketsContext(t.runtime, actor)
  const systemCtx = () => testTicketsContext(t.runtime, { type: 'system', name: 'test' })

  async function ticket(options: Partial<Parameters<typeof insertTestTicket>[1]> = {}) {
    const contactId = await createTestContact(t.runtime.db, { fiscalCode: uniqueFiscalCode() })
    return insertTestTicket(t.runtime.db, {
      contactId,
      teamCode: team,
      categoryId: detail.id,
      createdAt: MONDAY_9,
      firstResponseDueAt: addBusinessMinutes(calendar, MONDAY_9, 240),
      resolutionDueAt: addBusinessMinutes(calendar, MONDAY_9, 2400),
      ...options,
    })
  }

  describe('inbound messages', () => {
    it('resumes a ticket waiting for the citizen and moves its due times by the business time of the pause', async () => {
      clock.set(MONDAY_9)
      const pausedAt = new Date(MONDAY_9.getTime() + HOUR)
      const waiting = await ticket({ status: 'waiting-citizen', slaPausedAt: pausedAt })
      // Tuesday 10:00: the pause lasted 7h30 on Monday and 1h30 on Tuesday, 540 business minutes.
      clock.set(new Date(MONDAY_9.getTime() + 25 * HOUR))
      const result = await inTransaction(t.runtime.db, (tx) =>
        appendInboundMessage(tx, systemCtx(), {
          ticketId: waiting.id,
          body: 'Ecco il documento',
          channel: 'web',
        }),
      )
      expect(result).toMatchObject({ ticketId: waiting.id, reopened: false })
      const after = await findTicketById(t.runtime.db, waiting.id)
      expect(after).toMatchObject({ status: 'in-progress', slaPausedAt: null, version: waiting.version + 1 })
      expect(after?.resolutionDueAt).toEqual(
        addBusinessMinutes(calendar, waiting.resolutionDueAt as Date, 540),
      )
      expect(after?.firstResponseDueAt).toEqual(
        addBusinessMinutes(calendar, waiting.firstResponseDueAt as Date, 540),
      )
      const messages = await listMessages(t.runtime.db, waiting.id)
      expect(messages.map((m) => [m.kind, m.body])).toEqual([['inbound', 'Ecco il documento']])
      const events = await listEvents(t.runtime.db, waiting.id)
      expect(events.map((e) => [e.kind, e.fromStatus, e.toStatus, e.public])).toEqual([
        ['status', 'waiting-citizen', 'in-progress', true],
      ])
    })

    it('reopens a ticket resolved within the reopen window, with a fresh resolution time', async () => {
      clock.set(MONDAY_9)
      const resolved = await ticket({ status: 'resolved', resolvedAt: MONDAY_9 })
      const later = new Date(MONDAY_9.getTime() + 3 * 24 * HOUR)
      clock.set(later)
      const result = await inTransaction(t.runtime.db, (tx) =>
        appendInboundMessage(tx, systemCtx(), {
          ticketId: resolved.id,
          body: 'Non è risolto',
          channel: 'email',
        }),
      )
      expect(result.reopened).toBe(true)
      const after = await findTicketById(t.runtime.db, resolved.id)
      expect(after).toMatchObject({ status: 'in-progress', reopenCount: 1, resolvedAt: null })
      expect(after?.resolutionDueAt).toEqual(addBusinessMinutes(calendar, later, 2400))
      const kinds = (await listEvents(t.runtime.db, resolved.id)).map((e) => e.kind)
      expect(kinds.sort()).toEqual(['reopened', 'status'])
    })

    it('refuses a message on a closed ticket or one resolved too long ago, and stores nothing', async () => {
      clock.set(MONDAY_9)
      const closed = await ticket({ status: 'closed' })
      const old = await ticket({ status: 'resolved', resolvedAt: MONDAY_9 })
      clock.set(new Date(MONDAY_9.getTime() + (t.runtime.config.tickets.reopenDays + 1) * 24 * HOUR))
      for (const target of [closed, old]) {
        const error = await refusal(
          inTransaction(t.runtime.db, (tx) =>
            appendInboundMessage(tx, systemCtx(), { ticketId: target.id, body: 'Ancora', channel: 'web' }),
          ),
        )
        expect(error).toMatchObject({ code: 'CONFLICT', messageKey: 'tickets.closed-write-new' })
        expect(await listMessages(t.runtime.db, target.id)).toEqual([])
        expect((await findTicketById(t.runtime.db, target.id))?.version).toBe(target.version)
      }
    })
  })

  describe('claim and assignment', () => {
    it('lets an operator of the team claim a new ticket, once', async () => {
      clock.set(MONDAY_9)
      const fresh = await ticket()
      const claimed = await claimTicket(ctxAs(operator.actor), { code: fresh.code })
      expect(claimed).toMatchObject({
        status: 'assigned',
        assigneeStaffId: operator.id,
        version: fresh.version + 1,
      })
      // Claiming again is harmless; a colleague is refused.
      expect((await claimTicket(ctxAs(operator.actor), { code: fresh.code })).version).toBe(claimed.version)
      const taken = await refusal(claimTicket(ctxAs(colleague.actor), { code: fresh.code }))
      expect(taken).toMatchObject({ code: 'CONFLICT', messageKey: 'tickets.already-assigned' })
    })

    it('answers 404 to an operator of another team and 409 to a stale version', async () => {
      const fresh = await ticket()
      expect(await refusal(claimTicket(ctxAs(outsider.actor), { code: fresh.code }))).toMatchObject({
        code: 'NOT_FOUND',
      })
      expect(
        await refusal(claimTicket(ctxAs(operator.actor), { code: fresh.code, version: fresh.version + 5 })),
      ).toMatchObject({ code: 'CONFLICT', messageKey: 'tickets.stale' })
      expect((await findTicketById(t.runtime.db, fresh.id))?.assigneeStaffId).toBeNull()
    })

    it('assigns to a colleague of the team only, and back to the queue', async () => {
      const fresh = await ticket()
      const given = await assignTicket(ctxAs(operator.actor), { code: fresh.code, assigneeId: colleague.id })
      expect(given).toMatchObject({ status: 'assigned', assigneeStaffId: colleague.id })
      const wrong = await refusal(
        assignTicket(ctxAs(operator.actor), { code: fresh.code, assigneeId: outsider.id }),
      )
      expect(wrong).toMatchObject({ code: 'VALIDATION_FAILED', messageKey: 'tickets.assignee-not-member' })
      const back = await assignTicket(ctxAs(operator.actor), { code: fresh.code, assigneeId: null })
      expect(back).toMatchObject({ status: 'new', assigneeStaffId: null })
    })
  })

  describe('status changes', () => {
    it('refuses to resolve without a public reply or a note, and records the service use when it does', async () => {
      clock.set(MONDAY_9)
      const fresh = await ticket()
      const error = await refusal(
        changeStatus(ctxAs(operator.actor), { code: fresh.code, status: 'resolved' }),
      )
      expect(error).toMatchObject({ code: 'CONFLICT', messageKey: 'tickets.resolve-needs-reply' })
      const resolved = await changeStatus(ctxAs(operator.actor), {
        code: fresh.code,
        status: 'resolved',
        note: 'Risolto al telefono',
      })
      expect(resolved.status).toBe('resolved')
      const row = await findTicketById(t.runtime.db, fresh.id)
      expect(row?.resolvedAt).toEqual(MONDAY_9)
      expect(await findRecordedServiceUse(t.runtime.db, 'ticket-resolved', fresh.code)).toBeTruthy()
      const contactNotices = await t.runtime.db
        .select()
        .from(notificationMessages)
        .where(eq(notificationMessages.template, 'ticket-status'))
      expect(contactNotices.some((m) => m.dedupeKey?.startsWith(`tickets.status:${fresh.id}:`))).toBe(true)
      // Closing follows resolving; nothing follows closing.
      await changeStatus(ctxAs(operator.actor), { code: fresh.code, status: 'closed' })
      const after = await refusal(
        changeStatus(ctxAs(operator.actor), { code: fresh.code, status: 'in-progress' }),
      )
      expect(after).toMatchObject({ code: 'CONFLICT', messageKey: 'tickets.closed' })
    })

    it('pauses the SLA while waiting for the citizen and resumes it after', async () => {
      clock.set(MONDAY_9)
      const fresh = await ticket({ status: 'in-progress' })
      await changeStatus(ctxAs(operator.actor), { code: fresh.code, status: 'waiting-citizen' })
      expect((await findTicketById(t.runtime.db, fresh.id))?.slaPausedAt).toEqual(MONDAY_9)
      clock.set(new Date(MONDAY_9.getTime() + 2 * HOUR))
      await changeStatus(ctxAs(operator.actor), { code: fresh.code, status: 'in-progress' })
      const row = await findTicketById(t.runtime.db, fresh.id)
      expect(row?.slaPausedAt).toBeNull()
      expect(row?.resolutionDueAt).toEqual(addBusinessMinutes(calendar, fresh.resolutionDueAt as Date, 120))
    })

    it('refuses closing a ticket that is not resolved', async () => {
      const fresh = await ticket({ status: 'in-progress' })
      const error = await refusal(changeStatus(ctxAs(operator.actor), { code: fresh.code, status: 'closed' }))
      expect(error).toMatchObject({ code: 'CONFLICT', messageKey: 'tickets.transition-refused' })
      expect((await findTicketById(t.runtime.db, fresh.id))?.status).toBe('in-progress')
    })
  })

  describe('replies', () => {
    it('stops the first-response clock, starts the work and tells the citizen', async () => {
      clock.set(new Date(MONDAY_9.getTime() + HOUR))
      const fresh = await ticket()
      const replied = await replyToTicket(ctxAs(operator.actor), {
        code: fresh.code,
        body: 'Ci pensiamo noi',
      })
      expect(replied).toMatchObject({ status: 'in-progress', assigneeStaffId: operator.id })
      const row = await findTicketById(t.runtime.db, fresh.id)
      expect(row?.firstRespondedAt).toEqual(clock.now())
      const [message] = await listMessages(t.runtime.db, fresh.id)
      expect(message).toMatchObject({ kind: 'reply', authorStaffId: operator.id, emailMessageId: null })
      const notices = await t.runtime.db
        .select()
        .from(notificationMessages)
        .where(
          and(
            eq(notificationMessages.template, 'ticket-reply'),
            eq(notificationMessages.dedupeKey, `tickets.reply:${fresh.id}:${replied.messageId}`),
          ),
        )
      expect(notices).toHaveLength(1)
    })

    it('threads a reply to an e-mail contact by its Message-ID and can wait for the answer', async () => {
      const contactId = await createTestContact(t.runtime.db, { email: 'anna@example.org' })
      const fresh = await insertTestTicket(t.runtime.db, {
        contactId,
        teamCode: team,
        channel: 'email',
        createdAt: MONDAY_9,
        resolutionDueAt: addBusinessMinutes(calendar, MONDAY_9, 2400),
      })
      const replied = await replyToTicket(ctxAs(operator.actor), {
        code: fresh.code,
        body: 'Ci manda il numero di pratica?',
        nextStatus: 'waiting-citizen',
      })
      expect(replied.status).toBe('waiting-citizen')
      const [message] = await listMessages(t.runtime.db, fresh.id)
      const host = new URL(t.runtime.config.publicUrl).hostname
      expect(message?.emailMessageId).toBe(`<${replied.messageId}@${host}>`)
      expect((await findTicketById(t.runtime.db, fresh.id))?.slaPausedAt).toEqual(clock.now())
    })
  })
})
