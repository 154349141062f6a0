import { randomInt, randomUUID } from 'node:crypto'
import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { inTransaction } from '../../db/transaction.js'
import { auditLog } from '../../platform/audit-tables.js'
import type { Actor } from '../../platform/context.js'
import { timeOrderedUuid } from '../../platform/ids.js'
import { createTestApp, type TestApp } from '../../test/app.js'
import { uniqueFiscalCode } from '../../test/identity.js'
import {
  findContacts,
  mergeContactIntoCitizen,
  normalizePhone,
  parseContactQuery,
  resolveContact,
} from './contacts.js'
import { openTicket } from './intake.js'
import { testTicketsContext } from './intake-fixtures.js'
import { contactCalls, ticketContacts, tickets } from './tables.js'

const OPERATOR: Actor = { type: 'staff', id: randomUUID(), roles: ['operator'], teams: ['contact-center'] }
const ANALYST: Actor = { type: 'staff', id: randomUUID(), roles: ['analyst', 'admin'], teams: [] }

let t: TestApp
beforeAll(async () => {
  t = await createTestApp({ work: false })
})
afterAll(async () => t?.close())

const asStaff = (actor: Actor = OPERATOR) => testTicketsContext(t.runtime, actor)
const uniquePhone = () => `+39 02 ${String(randomInt(0, 1e8)).padStart(8, '0')}`

describe('reading a console search', () => {
  it('tells a fiscal code, an address and a number apart', () => {
    const fiscalCode = uniqueFiscalCode()
    expect(parseContactQuery(` ${fiscalCode.toLowerCase()} `)).toEqual({ fiscalCode })
    expect(parseContactQuery('Anna.Rossi@Example.IT')).toEqual({ email: 'anna.rossi@example.it' })
    expect(parseContactQuery('+39 02 0202 02')).toEqual({ phone: '+3902020202' })
    expect(normalizePhone('(02) 02-02.02')).toBe('02020202')
  })

  it.each(['rossi', '12345', 'a@', 'RSSMRA80A01F205Z'])('refuses %s', (query) => {
    expect(() => parseContactQuery(query)).toThrow(
      expect.objectContaining({ messageKey: 'tickets.contact-query' }),
    )
  })
})

describe('finding contacts', () => {
  it('finds a caller by number with their ticket count, for operators only', async () => {
    const phone = uniquePhone()
    await openTicket(asStaff(), {
      channel: 'phone',
      contact: { phone, name: 'Chiamante' },
      subject: 'Tari',
      body: '…',
    })
    const [match] = await findContacts(asStaff(), phone)
    expect(match).toMatchObject({ phone: normalizePhone(phone), displayName: 'Chiamante', ticketCount: 1 })
    await expect(findContacts(asStaff(ANALYST), phone)).rejects.toMatchObject({ status: 403 })
  })
})

describe('merging an anonymous contact', () => {
  it('moves tickets and calls to the citizen, records who did it, and happens once', async () => {
    const email = `${randomUUID()}@example.org`
    const opened = await openTicket(asStaff(), {
      channel: 'email',
      contact: { email, verified: true },
      subject: 'Domanda',
      body: 'Testo',
    })
    const callId = timeOrderedUuid()
    await t.runtime.db.insert(contactCalls).values({
      id: callId,
      contactId: opened.contactId,
      operatorStaffId: randomUUID(),
      outcome: 'solved',
      startedAt: new Date(),
      durationSeconds: 60,
    })
    const fiscalCode = uniqueFiscalCode()
    const merged = await mergeContactIntoCitizen(asStaff(), { contactId: opened.contactId, fiscalCode })
    expect(merged).toMatchObject({ movedTickets: 1, movedCalls: 1 })

    const [citizen] = await t.runtime.db
      .select()
      .from(ticketContacts)
      .where(eq(ticketContacts.fiscalCode, fiscalCode))
    expect(citizen).toMatchObject({ id: merged.citizenContactId, email })
    const [ticket] = await t.runtime.db.select().from(tickets).where(eq(tickets.id, opened.id))
    expect(ticket?.contactId).toBe(citizen?.id)
    const [call] = await t.runtime.db.select().from(contactCalls).where(eq(contactCalls.id, callId))
    expect(call?.contactId).toBe(citizen?.id)
    const audit = await t.runtime.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'ticket-contact.merged'), eq(auditLog.subjectId, opened.contactId)))
    expect(audit).toEqual([expect.objectContaining({ actorType: 'staff' })])

    await expect(
      mergeContactIntoCitizen(asStaff(), { contactId: opened.contactId, fiscalCode }),
    ).rejects.toMatchObject({
      status: 409,
      messageKey: 'tickets.contact-already-merged',
    })
    // Later mail from the same verified address lands with the citizen.
    const later = await inTransaction(t.runtime.db, (tx) => resolveContact(tx, { email, verified: true }))
    expect(later.id).toBe(citizen?.id)
  })

  it('refuses analysts and leaves the contact as it was', async () => {
    const opened = await openTicket(asStaff(), {
      channel: 'phone',
      contact: { phone: uniquePhone() },
      subject: 'Domanda',
      body: 'Testo',
    })
    await expect(
      mergeContactIntoCitizen(asStaff(ANALYST), {
        contactId: opened.contactId,
        fiscalCode: uniqueFiscalCode(),
      }),
    ).rejects.toMatchObject({ status: 403 })
    const [contact] = await t.runtime.db
      .select()
      .from(ticketContacts)
      .where(eq(ticketContacts.id, opened.contactId))
    expect(contact?.mergedIntoId).toBeNull()
  })
})
