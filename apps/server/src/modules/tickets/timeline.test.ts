import { desc, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditLog } from '../../platform/audit-tables.js'
import { timeOrderedUuid } from '../../platform/ids.js'
import { createTestApp, type TestApp } from '../../test/app.js'
import { createCitizenSession, createStaffSession, uniqueFiscalCode } from '../../test/identity.js'
import { appointmentBookings } from '../appointments/tables.js'
import { createTestCalendar } from '../appointments/test-calendar.js'
import { certificates } from '../certificates/tables.js'
import { notificationMessages } from '../notifications/tables.js'
import { paymentOptions, paymentPositions, paymentReceipts } from '../payments/tables.js'
import { contactCalls, ticketContacts, tickets } from './tables.js'

let t: TestApp

beforeAll(async () => {
  t = await createTestApp({ work: false })
})
afterAll(async () => t?.close())

/** A citizen with two tickets (two teams), an anonymous contact merged into them with a call, and a message. */
async function citizenWithHistory() {
  const fiscalCode = uniqueFiscalCode()
  const db = t.runtime.db
  const [citizen] = await db.insert(ticketContacts).values({ fiscalCode, displayName: 'Test' }).returning()
  const [merged] = await db
    .insert(ticketContacts)
    .values({ email: `${fiscalCode}@example.org`, mergedIntoId: citizen!.id })
    .returning()
  const ticket = (code: string, teamCode: string, createdAt: string) => ({
    id: timeOrderedUuid(),
    code,
    contactId: citizen!.id,
    channel: 'web',
    teamCode,
    status: 'new',
    subject: `Richiesta ${code}`,
    createdAt: new Date(createdAt),
  })
  const suffix = fiscalCode.slice(0, 6)
  await db
    .insert(tickets)
    .values([
      ticket(`R2026-A${suffix}`, 'anagrafe', '2026-03-01T10:00:00Z'),
      ticket(`R2026-B${suffix}`, 'tributi', '2026-03-03T10:00:00Z'),
    ])
  await db.insert(contactCalls).values({
    id: timeOrderedUuid(),
    contactId: merged!.id,
    operatorStaffId: timeOrderedUuid(),
    outcome: 'solved',
    startedAt: new Date('2026-03-02T09:00:00Z'),
    durationSeconds: 120,
  })
  await db.insert(notificationMessages).values({
    recipientFiscalCode: fiscalCode,
    template: 'test',
    topic: 'services',
    locale: 'it',
    subject: 'Un messaggio',
    bodyMarkdown: 'Testo',
    dedupeKey: `timeline-${fiscalCode}`,
    createdAt: new Date('2026-03-04T10:00:00Z'),
  })
  return { fiscalCode, suffix }
}

describe('360° timeline', () => {
  it('lists every source newest first, pages by instant and audits each opening', async () => {
    const { fiscalCode, suffix } = await citizenWithHistory()
    const operator = await createStaffSession(t.runtime, { roles: ['operator'], teams: ['anagrafe'] })
    const first = await t.app.inject({
      url: `/api/v1/staff/citizens/${fiscalCode.toLowerCase()}/timeline?limit=3`,
      headers: operator.headers,
    })
    expect(first.statusCode).toBe(200)
    const page = first.json()
    expect(page.entries.map((entry: { kind: string }) => entry.kind)).toEqual(['message', 'ticket', 'call'])
    expect(page.entries[1]).toMatchObject({ reference: `R2026-B${suffix}`, openable: false })
    expect(page.nextBefore).toBe('2026-03-02T09:00:00.000Z')

    const second = await t.app.inject({
      url: `/api/v1/staff/citizens/${fiscalCode}/timeline?limit=3&before=${page.nextBefore}`,
      headers: operator.headers,
    })
    expect(second.json().entries).toMatchObject([
      { kind: 'ticket', reference: `R2026-A${suffix}`, openable: true },
    ])
    expect(second.json().nextBefore).toBeNull()

    const audits = await t.runtime.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(eq(auditLog.subjectId, fiscalCode))
      .orderBy(desc(auditLog.id))
    expect(audits.filter((row) => row.action === 'crm.timeline-viewed')).toHaveLength(2)
  })

  it('shows the appointments, notices, payments and certificates of other capabilities', async () => {
    const fiscalCode = uniqueFiscalCode()
    const db = t.runtime.db
    const calendar = await createTestCalendar(db, {
      counters: 1,
      services: [{ durationMinutes: 15 }],
      hours: [{ weekday: 1, opensAt: '09:00', closesAt: '12:00' }],
    })
    const code = `P${fiscalCode.slice(0, 7)}`
    await db.insert(appointmentBookings).values({
      code,
      citizenFiscalCode: fiscalCode,
      serviceId: calendar.serviceIds[0] as string,
      officeId: calendar.officeId,
      counterId: calendar.counterIds[0] as string,
      startsAt: new Date('2026-05-04T07:00:00Z'),
      endsAt: new Date('2026-05-04T07:15:00Z'),
      channel: '020202',
      manageTokenHash: `hash-${fiscalCode}`,
    })
    const [position] = await db
      .insert(paymentPositions)
      .values({
        iupd: `iupd-${fiscalCode}`,
        debtorFiscalCode: fiscalCode,
        debtorName: 'Test',
        kind: 'tari',
        description: 'TARI 2026',
        source: 'test',
        createdAt: new Date('2026-04-01T08:00:00Z'),
      })
      .returning()
    const nav = `3${fiscalCode.replace(/\D/g, '').padEnd(17, '7')}`
    const [option] = await db
      .insert(paymentOptions)
      .values({
        positionId: position!.id,
        nav,
        kind: 'single',
        amountCents: 18_450,
        dueDate: '2026-05-31',
        description: 'TARI 2026',
        status: 'paid',
      })
      .returning()
    await db.insert(paymentReceipts).values({
      providerReceiptId: `r-${fiscalCode}`,
      provider: 'sandbox',
      nav,
      creditorFiscalCode: '01199250158',
      amountCents: 18_450,
      paidAt: new Date('2026-04-10T08:00:00Z'),
      outcome: 'applied',
      optionId: option!.id,
    })
    await db.insert(certificates).values({
      verificationCode: `v-${fiscalCode}`,
      type: 'residenza',
      language: 'it',
      subjectFiscalCode: fiscalCode,
      requesterFiscalCode: fiscalCode,
      purpose: 'test',
      stampMode: 'exempt',
      stampCents: 0,
      feesCents: 0,
      status: 'issued',
      createdAt: new Date('2026-04-20T08:00:00Z'),
    })
    const supervisor = await createStaffSession(t.runtime, { roles: ['supervisor'] })
    const response = await t.app.inject({
      url: `/api/v1/staff/citizens/${fiscalCode}/timeline`,
      headers: supervisor.headers,
    })
    expect(response.statusCode).toBe(200)
    expect(response.json().entries).toMatchObject([
      { kind: 'appointment', reference: code, status: 'booked', channel: '020202', openable: false },
      { kind: 'certificate', status: 'issued', summary: 'residenza', amountCents: null },
      { kind: 'payment', reference: nav, status: 'paid', summary: 'TARI 2026', amountCents: 18_450 },
      { kind: 'payment', reference: position!.id, status: 'published', amountCents: null },
    ])
    expect(response.json().entries[0].summary).toMatch(/^Servizio di prova .+ · Sede di prova /)
  })

  it('lets a supervisor open every ticket of the timeline', async () => {
    const { fiscalCode } = await citizenWithHistory()
    const supervisor = await createStaffSession(t.runtime, { roles: ['supervisor'], teams: [] })
    const response = await t.app.inject({
      url: `/api/v1/staff/citizens/${fiscalCode}/timeline`,
      headers: supervisor.headers,
    })
    const ticketsShown = response.json().entries.filter((entry: { kind: string }) => entry.kind === 'ticket')
    expect(ticketsShown.map((entry: { openable: boolean }) => entry.openable)).toEqual([true, true])
  })

  it('is closed to citizens and to staff who do not work tickets', async () => {
    const { fiscalCode } = await citizenWithHistory()
    const citizen = await createCitizenSession(t.runtime)
    const analyst = await createStaffSession(t.runtime, { roles: ['analyst'] })
    for (const session of [citizen, analyst]) {
      const response = await t.app.inject({
        url: `/api/v1/staff/citizens/${fiscalCode}/timeline`,
        headers: session.headers,
      })
      expect(response.statusCode).toBe(403)
    }
    const anonymous = await t.app.inject({ url: `/api/v1/staff/citizens/${fiscalCode}/timeline` })
    expect(anonymous.statusCode).toBe(401)
  })

  it('refuses a wrong fiscal code or page in the reader’s language', async () => {
    const operator = await createStaffSession(t.runtime, { roles: ['operator'], teams: ['anagrafe'] })
    const italian = await t.app.inject({
      url: '/api/v1/staff/citizens/RSSMRA80A01F205Z/timeline',
      headers: operator.headers,
    })
    expect(italian.statusCode).toBe(400)
    expect(italian.headers['content-type']).toContain('application/problem+json')
    expect(italian.json().detail).toContain('codice fiscale')
    const english = await t.app.inject({
      url: '/api/v1/staff/citizens/RSSMRA80A01F205Z/timeline',
      headers: { ...operator.headers, 'accept-language': 'en' },
    })
    expect(english.json().detail).toContain('fiscal code')
    const badPage = await t.app.inject({
      url: '/api/v1/staff/citizens/RSSMRA80A01F205X/timeline?limit=1000&before=yesterday',
      headers: operator.headers,
    })
    expect(badPage.statusCode).toBe(400)
  })
})
