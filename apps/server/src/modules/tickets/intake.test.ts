import { randomUUID } from 'node:crypto'
import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditLog } from '../../platform/audit-tables.js'
import { manualClock } from '../../platform/clock.js'
import type { Actor } from '../../platform/context.js'
import { isAppError } from '../../platform/errors.js'
import { createTestApp, type TestApp } from '../../test/app.js'
import { uniqueFiscalCode } from '../../test/identity.js'
import { notificationMessages } from '../notifications/tables.js'
import { type OpenTicketInput, openTicket } from './intake.js'
import { createTestDetail, testTicketsContext } from './intake-fixtures.js'
import { TRIAGE_TEAM } from './policy.js'
import { ticketContacts, ticketEvents, ticketMessages, tickets } from './tables.js'

// Monday 2 March 2026, 10:00 in Rome: a working day, 08:30–17:30.
const clock = manualClock('2026-03-02T09:00:00Z')
const SYSTEM: Actor = { type: 'system', name: 'test' }

let t: TestApp
beforeAll(async () => {
  t = await createTestApp({ clock, work: false })
})
afterAll(async () => t?.close())

const open = (input: Partial<OpenTicketInput> & Pick<OpenTicketInput, 'contact'>, actor: Actor = SYSTEM) =>
  openTicket(testTicketsContext(t.runtime, actor), {
    channel: 'web',
    subject: 'Cambio di residenza',
    body: 'Vorrei sapere a che punto è la mia pratica.',
    ...input,
  })

async function refusal(promise: Promise<unknown>) {
  try {
    await promise
  } catch (error) {
    if (isAppError(error)) return { status: error.status, messageKey: error.messageKey }
    throw error
  }
  throw new Error('expected a refusal')
}

const ticketsOfContact = (contactId: string) =>
  t.runtime.db.select().from(tickets).where(eq(tickets.contactId, contactId))

describe('opening a ticket', () => {
  it('routes a classified request to its team with the SLA of its detail', async () => {
    const detail = await createTestDetail(t.runtime.db, { teamCode: 'tributi' })
    const fiscalCode = uniqueFiscalCode()
    const opened = await open({ contact: { fiscalCode, name: 'Anna Rossi' }, categoryCode: detail.code })

    expect(opened.code).toMatch(/^R2026-[A-HJ-NP-Z2-9]{6}$/)
    expect(opened).toMatchObject({ status: 'new', teamCode: 'tributi', created: true })
    const [ticket] = await t.runtime.db.select().from(tickets).where(eq(tickets.id, opened.id))
    expect(ticket).toMatchObject({ channel: 'web', categoryId: detail.id, version: 1 })
    // 240 business minutes from 10:00 → 14:00; 2400 → the Friday at 14:00 (Rome, UTC+1).
    expect(ticket?.firstResponseDueAt?.toISOString()).toBe('2026-03-02T13:00:00.000Z')
    expect(ticket?.resolutionDueAt?.toISOString()).toBe('2026-03-06T13:00:00.000Z')

    const messages = await t.runtime.db
      .select()
      .from(ticketMessages)
      .where(eq(ticketMessages.ticketId, opened.id))
    expect(messages).toEqual([
      expect.objectContaining({
        kind: 'inbound',
        channel: 'web',
        authorName: 'Anna Rossi',
        id: opened.messageId,
      }),
    ])
    const events = await t.runtime.db.select().from(ticketEvents).where(eq(ticketEvents.ticketId, opened.id))
    expect(events).toEqual([expect.objectContaining({ kind: 'created', toStatus: 'new', public: true })])
    const audit = await t.runtime.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.subjectType, 'ticket'), eq(auditLog.subjectId, opened.id)))
    expect(audit.map((row) => row.action)).toEqual(['ticket.opened'])
    const notices = await t.runtime.db
      .select()
      .from(notificationMessages)
      .where(eq(notificationMessages.recipientFiscalCode, fiscalCode))
    expect(notices).toHaveLength(1)
  })

  it('sends what nobody classified to triage', async () => {
    const opened = await open({
      channel: 'email',
      contact: { email: `${randomUUID()}@example.org`, verified: false },
    })
    expect(opened.teamCode).toBe(TRIAGE_TEAM)
    const [ticket] = await t.runtime.db.select().from(tickets).where(eq(tickets.id, opened.id))
    expect(ticket?.categoryId).toBeNull()
    // Eight business hours: seven and a half on Monday, the last half hour on Tuesday by 09:00.
    expect(ticket?.firstResponseDueAt?.toISOString()).toBe('2026-03-03T08:00:00.000Z')
  })

  it('refuses an unknown, inactive or not-a-detail category and stores nothing', async () => {
    const fiscalCode = uniqueFiscalCode()
    const inactive = await createTestDetail(t.runtime.db, { active: false })
    const topicCode = inactive.code.replace('detail-', 'topic-')
    for (const categoryCode of ['no-such-detail', inactive.code, topicCode]) {
      expect(await refusal(open({ contact: { fiscalCode }, categoryCode }))).toEqual({
        status: 422,
        messageKey: 'tickets.unknown-category',
      })
    }
    const contacts = await t.runtime.db
      .select()
      .from(ticketContacts)
      .where(eq(ticketContacts.fiscalCode, fiscalCode))
    expect(contacts).toEqual([])
  })

  it('refuses an invalid fiscal code', async () => {
    expect(await refusal(open({ contact: { fiscalCode: 'RSSMRA80A01F205Z' } }))).toEqual({
      status: 422,
      messageKey: 'tickets.bad-fiscal-code',
    })
  })

  it('answers the same ticket to an integration that sends its reference again, even at once', async () => {
    const externalRef = `report-${randomUUID()}`
    const input = { channel: 'report' as const, externalRef, contact: { anonymous: true as const } }
    const [first, second] = await Promise.all([open(input), open(input)])
    expect(first?.id).toBe(second?.id)
    expect([first?.created, second?.created].sort()).toEqual([false, true])
    const again = await open(input)
    expect(again).toMatchObject({ id: first?.id, created: false })
    const rows = await t.runtime.db.select().from(tickets).where(eq(tickets.externalRef, externalRef))
    expect(rows).toHaveLength(1)
  })
})

describe('contacts of new tickets', () => {
  it('makes one contact for a new fiscal code even when two tickets open at once', async () => {
    const fiscalCode = uniqueFiscalCode()
    const [a, b] = await Promise.all([
      open({ contact: { fiscalCode } }),
      open({ contact: { fiscalCode: fiscalCode.toLowerCase(), name: 'Mario Bianchi' } }),
    ])
    expect(a?.contactId).toBe(b?.contactId)
    const contacts = await t.runtime.db
      .select()
      .from(ticketContacts)
      .where(eq(ticketContacts.fiscalCode, fiscalCode))
    expect(contacts).toHaveLength(1)
    expect(contacts[0]?.displayName).toBe('Mario Bianchi')
    expect(await ticketsOfContact(contacts[0]!.id)).toHaveLength(2)
  })

  it('joins a verified address to a verified contact only', async () => {
    const email = `${randomUUID()}@example.org`
    const first = await open({ channel: 'email', contact: { email, verified: true } })
    const again = await open({ channel: 'email', contact: { email: email.toUpperCase(), verified: true } })
    expect(again.contactId).toBe(first.contactId)
    // Someone merely typing the address gets a contact of their own.
    const typed = await open({ channel: 'email', contact: { email, verified: false } })
    expect(typed.contactId).not.toBe(first.contactId)
    // And a verified address never joins a contact whose address was only typed.
    const other = `${randomUUID()}@example.org`
    const unverified = await open({ channel: 'email', contact: { email: other, verified: false } })
    const verified = await open({ channel: 'email', contact: { email: other, verified: true } })
    expect(verified.contactId).not.toBe(unverified.contactId)
  })

  it('finds the citizen behind a verified address once it is merged', async () => {
    const fiscalCode = uniqueFiscalCode()
    const email = `${randomUUID()}@example.org`
    const citizen = await open({ contact: { fiscalCode } })
    await t.runtime.db
      .update(ticketContacts)
      .set({ email, emailVerified: true })
      .where(eq(ticketContacts.id, citizen.contactId))
    const byMail = await open({ channel: 'email', contact: { email, verified: true } })
    expect(byMail.contactId).toBe(citizen.contactId)
  })

  it('joins a caller’s number to an anonymous caller, never to a citizen', async () => {
    const phone = `+39 02 ${Math.floor(Math.random() * 1e8)}`
    const first = await open({ channel: 'phone', contact: { phone } })
    const again = await open({ channel: 'phone', contact: { phone: phone.replace(/\s/g, '') } })
    expect(again.contactId).toBe(first.contactId)

    const citizenPhone = `+39 333 ${Math.floor(Math.random() * 1e7)}`
    const citizen = await open({ contact: { fiscalCode: uniqueFiscalCode(), phone: citizenPhone } })
    const caller = await open({ channel: 'phone', contact: { phone: citizenPhone } })
    expect(caller.contactId).not.toBe(citizen.contactId)
  })
})
