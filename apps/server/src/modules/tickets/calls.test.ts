import { randomUUID } from 'node:crypto'
import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditLog } from '../../platform/audit-tables.js'
import type { Actor } from '../../platform/context.js'
import { AppError } from '../../platform/errors.js'
import { createTestApp, type TestApp } from '../../test/app.js'
import { createStaffSession, uniqueFiscalCode } from '../../test/identity.js'
import { listCallsOfContact, listContactCentreCalls, logCall, recordTelephonyWait } from './calls.js'
import type { LogCallInput } from './calls-schema.js'
import { createTestDetail, testTicketsContext } from './intake-fixtures.js'
import { contactCalls, telephonyWaits, ticketContacts, ticketMessages, tickets } from './tables.js'

let t: TestApp
let operator: Actor
let detail: { code: string; id: string }

beforeAll(async () => {
  t = await createTestApp({ work: false })
  // An operator of a back-office team: any operator answers 020202 calls.
  const session = await createStaffSession(t.runtime, { roles: ['operator'], teams: ['tributi'] })
  operator = { type: 'staff', id: session.accountId, roles: ['operator'], teams: ['tributi'] }
  detail = await createTestDetail(t.runtime.db, { teamCode: 'anagrafe' })
})
afterAll(async () => t?.close())

const ctx = (actor: Actor = operator) => testTicketsContext(t.runtime, actor)
const minutesAgo = (minutes: number) =>
  new Date(t.runtime.clock.now().getTime() - minutes * 60_000).toISOString()
const base = (): LogCallInput => ({
  caller: { fiscalCode: uniqueFiscalCode(), name: 'Anna Verdi' },
  categoryCode: detail.code,
  outcome: 'solved',
  startedAt: minutesAgo(5),
  durationSeconds: 180,
  notes: 'Informazioni sugli orari.',
})

async function refusalOf(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (thrown: unknown) => thrown,
  )
  expect(error).toBeInstanceOf(AppError)
  return error as AppError
}

describe('logging a call', () => {
  it('records a solved call of a citizen found by fiscal code, audited', async () => {
    const input = base()
    const call = await logCall(ctx(), input)
    expect(call).toMatchObject({
      outcome: 'solved',
      operatorStaffId: (operator as { id: string }).id,
      category: { code: detail.code },
      ticketCode: null,
      durationSeconds: 180,
      waitSeconds: null,
    })
    const [contact] = await t.runtime.db
      .select()
      .from(ticketContacts)
      .where(eq(ticketContacts.id, call.contactId!))
    expect(contact!.fiscalCode).toBe((input.caller as { fiscalCode: string }).fiscalCode)
    const audit = await t.runtime.db.select().from(auditLog).where(eq(auditLog.subjectId, call.id))
    expect(audit.map((row) => row.action)).toEqual(['ticket-call.logged'])
  })

  it('opens a phone ticket with the notes for outcome "ticket", and links it', async () => {
    const call = await logCall(ctx(), { ...base(), outcome: 'ticket', notes: 'Il certificato non arriva.' })
    expect(call.ticketCode).toMatch(/^R\d{4}-/)
    const [ticket] = await t.runtime.db.select().from(tickets).where(eq(tickets.code, call.ticketCode!))
    expect(ticket).toMatchObject({
      channel: 'phone',
      teamCode: 'anagrafe',
      categoryId: detail.id,
      contactId: call.contactId,
    })
    expect(ticket!.subject).toMatch(/^Dettaglio /)
    const [message] = await t.runtime.db
      .select()
      .from(ticketMessages)
      .where(eq(ticketMessages.ticketId, ticket!.id))
    expect(message).toMatchObject({ kind: 'inbound', channel: 'phone', body: 'Il certificato non arriva.' })
  })

  it('opens the ticket in the same transaction: a call that cannot be stored leaves no ticket', async () => {
    const subject = `Mai aperta ${randomUUID()}`
    // Past the schema (a direct caller): the database refuses the call after the ticket was written.
    const broken = { ...base(), outcome: 'ticket', subject, durationSeconds: -1 } as LogCallInput
    await expect(logCall(ctx(), broken)).rejects.toThrow()
    expect(await t.runtime.db.select().from(tickets).where(eq(tickets.subject, subject))).toHaveLength(0)
  })

  it('records an appointment by its booking code, and refuses one without a valid code', async () => {
    const call = await logCall(ctx(), { ...base(), outcome: 'appointment', bookingCode: 'k7p3qxab' })
    expect(call.bookingCode).toBe('K7P3QXAB')
    const missing = await refusalOf(logCall(ctx(), { ...base(), outcome: 'appointment' }))
    expect(missing).toMatchObject({ status: 422, messageKey: 'tickets.calls.booking-required' })
    const bad = await refusalOf(logCall(ctx(), { ...base(), outcome: 'appointment', bookingCode: 'OO11' }))
    expect(bad).toMatchObject({ status: 422, messageKey: 'tickets.calls.bad-booking-code' })
  })

  it('records a transferred call of a caller known only by number', async () => {
    const phone = `+39 02 ${Math.floor(Math.random() * 1e7)}`
    const call = await logCall(ctx(), { ...base(), caller: { phone }, outcome: 'transferred' })
    expect(call.callerPhone).toBe(phone.replace(/\s/g, ''))
    const [contact] = await t.runtime.db
      .select()
      .from(ticketContacts)
      .where(eq(ticketContacts.id, call.contactId!))
    expect(contact).toMatchObject({ fiscalCode: null, phone: phone.replace(/\s/g, '') })
  })

  it('records a dropped anonymous call without a contact or a triplet', async () => {
    const call = await logCall(ctx(), {
      caller: { anonymous: true },
      outcome: 'dropped',
      startedAt: minutesAgo(1),
      durationSeconds: 4,
    })
    expect(call).toMatchObject({ contactId: null, category: null, outcome: 'dropped', notes: '' })
  })

  it('refuses what cannot be right, storing nothing', async () => {
    const notes = `Rifiutata ${randomUUID()}`
    const cases: [LogCallInput, string][] = [
      [{ ...base(), notes, caller: { fiscalCode: 'RSSMRA80A01F205Z' } }, 'tickets.calls.bad-fiscal-code'],
      [{ ...base(), notes, categoryCode: undefined }, 'tickets.calls.category-required'],
      [
        { ...base(), notes, startedAt: new Date(Date.now() + 3_600_000).toISOString() },
        'tickets.calls.in-the-future',
      ],
      [{ ...base(), notes: '', outcome: 'ticket' }, 'tickets.calls.notes-required'],
      [{ ...base(), notes, categoryCode: 'no-such-detail' }, 'tickets.unknown-category'],
    ]
    for (const [input, messageKey] of cases) {
      expect(await refusalOf(logCall(ctx(), input))).toMatchObject({ status: 422, messageKey })
    }
    expect(await t.runtime.db.select().from(contactCalls).where(eq(contactCalls.notes, notes))).toHaveLength(
      0,
    )
  })

  it('is for operators and supervisors only', async () => {
    const citizen: Actor = {
      type: 'citizen',
      id: randomUUID(),
      fiscalCode: uniqueFiscalCode(),
      level: 2,
      personId: null,
    }
    const analyst: Actor = { type: 'staff', id: randomUUID(), roles: ['analyst'], teams: [] }
    for (const actor of [citizen, analyst]) {
      expect(await refusalOf(logCall(ctx(actor), base()))).toMatchObject({ status: 403 })
      expect(await refusalOf(listContactCentreCalls(ctx(actor), {}))).toMatchObject({ status: 403 })
    }
  })
})

describe('queue waits from the telephony system', () => {
  const telephony: Actor = { type: 'api-client', id: randomUUID(), scopes: ['telephony'] }

  it('fills in a call logged before the report, and a call logged after it', async () => {
    const early = `tel-${randomUUID()}`
    const logged = await logCall(ctx(), { ...base(), telephonyCallId: early })
    expect(logged.waitSeconds).toBeNull()
    expect(await recordTelephonyWait(ctx(telephony), { callId: early, waitSeconds: 95 })).toEqual({
      callId: early,
      matchedCall: true,
    })
    const [after] = await t.runtime.db.select().from(contactCalls).where(eq(contactCalls.id, logged.id))
    expect(after!.waitSeconds).toBe(95)

    const late = `tel-${randomUUID()}`
    const reported = await recordTelephonyWait(ctx(telephony), {
      callId: late,
      waitSeconds: 40,
      callerPhone: '+39 02 555 0101',
    })
    expect(reported.matchedCall).toBe(false)
    const call = await logCall(ctx(), { ...base(), caller: { anonymous: true }, telephonyCallId: late })
    expect(call).toMatchObject({ waitSeconds: 40, callerPhone: '+39025550101', telephonyCallId: late })
  })

  it('keeps one report per call however often it comes, and one log per call', async () => {
    const id = `tel-${randomUUID()}`
    await recordTelephonyWait(ctx(telephony), { callId: id, waitSeconds: 12, queue: 'anagrafe' })
    await recordTelephonyWait(ctx(telephony), { callId: id, waitSeconds: 12 })
    const rows = await t.runtime.db
      .select()
      .from(telephonyWaits)
      .where(eq(telephonyWaits.telephonyCallId, id))
    expect(rows).toEqual([expect.objectContaining({ waitSeconds: 12, queue: 'anagrafe' })])
    await logCall(ctx(), { ...base(), telephonyCallId: id })
    expect(await refusalOf(logCall(ctx(), { ...base(), telephonyCallId: id }))).toMatchObject({
      status: 409,
      messageKey: 'tickets.calls.already-logged',
    })
    expect(
      await t.runtime.db.select().from(contactCalls).where(eq(contactCalls.telephonyCallId, id)),
    ).toHaveLength(1)
  })
})

describe('listing calls', () => {
  it('shows an operator their own calls and a contact’s calls, auditing the latter', async () => {
    const session = await createStaffSession(t.runtime, { roles: ['operator'], teams: ['contact-center'] })
    const me: Actor = { type: 'staff', id: session.accountId, roles: ['operator'], teams: ['contact-center'] }
    const fiscalCode = uniqueFiscalCode()
    const first = await logCall(ctx(me), { ...base(), caller: { fiscalCode }, startedAt: minutesAgo(30) })
    const second = await logCall(ctx(), { ...base(), caller: { fiscalCode }, startedAt: minutesAgo(10) })

    const mine = await listContactCentreCalls(ctx(me), {})
    expect(mine.calls.map((call) => call.id)).toEqual([first.id])

    const ofContact = await listContactCentreCalls(ctx(me), { contactId: first.contactId! })
    expect(ofContact.calls.map((call) => call.id)).toEqual([second.id, first.id])
    const audit = await t.runtime.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'ticket-contact.calls-read'), eq(auditLog.subjectId, first.contactId!)))
    expect(audit).toHaveLength(1)

    const windowed = await listContactCentreCalls(ctx(me), {
      contactId: first.contactId!,
      from: minutesAgo(20),
    })
    expect(windowed.calls.map((call) => call.id)).toEqual([second.id])
    expect(
      (await listCallsOfContact(t.runtime.db, first.contactId!, { limit: 1 })).map((call) => call.id),
    ).toEqual([second.id])
    const unknown = await refusalOf(listContactCentreCalls(ctx(me), { contactId: randomUUID() }))
    expect(unknown.status).toBe(404)
  })
})
