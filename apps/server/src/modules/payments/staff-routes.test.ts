import { randomUUID } from 'node:crypto'
import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditLog } from '../../platform/audit-tables.js'
import type { ServiceContext } from '../../platform/context.js'
import { createTestApp, type TestApp } from '../../test/app.js'
import {
  createCitizenSession,
  createStaffSession,
  type TestSession,
  uniqueFiscalCode,
} from '../../test/identity.js'
import { DEMO_CITY } from '../city/demo-city.js'
import { configureCity, getCityProfile } from '../city/service.js'
import { createApiClient } from '../identity/api-client-service.js'

interface StaffOption {
  id: string
  nav: string
  kind: string
  instalment: number | null
  amountCents: number
  status: string
  receipt: { psp: string | null; paidAt: string; amountCents: number } | null
  refunds: { amountCents: number; reason: string }[]
  refundableCents: number
}
interface StaffPosition {
  iupd: string
  debtorFiscalCode: string
  debtorName: string
  options: StaffOption[]
}

const HEADER = 'iupd;codice_fiscale;nominativo;tipo;descrizione;rata;scadenza;importo'

describe('payments office desk', () => {
  let t: TestApp
  let office: TestSession
  let officeName: string
  let receiptsKey: string
  let cityFiscalCode: string

  beforeAll(async () => {
    t = await createTestApp()
    const ctx: ServiceContext = {
      ...t.runtime,
      actor: { type: 'system', name: 'test' },
      meta: { ip: null, requestId: null, locale: 'it' },
    }
    if (!(await getCityProfile(ctx))) await configureCity(ctx, DEMO_CITY)
    cityFiscalCode = (await getCityProfile(ctx))?.fiscalCode as string
    office = await createStaffSession(t.runtime, { roles: ['supervisor'] })
    const session = await t.app.inject({ method: 'GET', url: '/api/v1/session', headers: office.headers })
    officeName = session.json().displayName
    receiptsKey = (await createApiClient(ctx, { name: 'nodo pagoPA', scopes: ['payments:receipts'] })).key
  })
  afterAll(async () => {
    await t?.close()
  })

  const importRoll = (source: string, lines: string[]) =>
    t.app.inject({
      method: 'POST',
      url: `/api/v1/staff/payments/imports?source=${source}`,
      headers: { ...office.headers, 'content-type': 'text/csv' },
      payload: [HEADER, ...lines].join('\n'),
    })
  const lookUp = (query: string, session = office, locale = 'it') =>
    t.app.inject({
      method: 'GET',
      url: `/api/v1/staff/payments/positions?${query}`,
      headers: { ...session.headers, 'accept-language': locale },
    })

  async function importFine(debtor: string): Promise<string> {
    const iupd = `MULTA-${randomUUID().slice(0, 8)}`
    const imported = await importRoll(`multe-${iupd.slice(6)}`, [
      `${iupd};${debtor};Luca Bianchi;fine;Verbale 123/2027;0;2027-05-31;87,50`,
    ])
    expect(imported.statusCode).toBe(201)
    return iupd
  }

  it('lists the rolls just imported with their totals and who imported them', async () => {
    const source = `tari-${randomUUID().slice(0, 8)}`
    const debtor = uniqueFiscalCode()
    const iupd = `TARI-${randomUUID().slice(0, 8)}`
    const imported = await importRoll(source, [
      `${iupd};${debtor};Maria Rossi;tari;TARI 2027;1;2027-04-16;100,00`,
      `${iupd};${debtor};Maria Rossi;tari;TARI 2027;2;2027-07-16;100,50`,
    ])
    expect(imported.statusCode).toBe(201)
    const listed = await t.app.inject({
      method: 'GET',
      url: '/api/v1/staff/payments/imports',
      headers: office.headers,
    })
    expect(listed.statusCode).toBe(200)
    const rolls = listed.json() as { source: string }[]
    expect(rolls.length).toBeLessThanOrEqual(20)
    expect(rolls.find((roll) => roll.source === source)).toMatchObject({
      positions: 1,
      options: 2,
      totalCents: 20050,
      importedBy: officeName,
    })
  })

  it('finds a debtor’s positions by fiscal code and by notice number, and audits the look-up', async () => {
    const debtor = uniqueFiscalCode()
    const first = await importFine(debtor)
    const second = await importFine(debtor)
    const byDebtor = await lookUp(`fiscalCode=${debtor.toLowerCase()}`)
    expect(byDebtor.statusCode).toBe(200)
    expect(byDebtor.headers['cache-control']).toBe('no-store')
    const positions = byDebtor.json() as StaffPosition[]
    expect(positions.map((position) => position.iupd)).toEqual([second, first])
    expect(positions[0]).toMatchObject({ debtorFiscalCode: debtor, debtorName: 'Luca Bianchi' })
    const option = positions[0]?.options[0] as StaffOption
    expect(option).toMatchObject({ kind: 'single', amountCents: 8750, status: 'unpaid', receipt: null })
    expect(option.refunds).toEqual([])

    // A notice number as printed, in groups of four, finds the one position that holds it.
    const printed = option.nav.replace(/(\d{4})(?=\d)/g, '$1 ')
    const byNotice = await lookUp(`noticeNumber=${encodeURIComponent(printed)}`)
    expect(byNotice.statusCode).toBe(200)
    expect((byNotice.json() as StaffPosition[]).map((position) => position.iupd)).toEqual([second])
    expect((await lookUp('noticeNumber=000000000000000000')).json()).toEqual([])

    const audited = await t.runtime.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'payments.staff-lookup'), eq(auditLog.subjectId, debtor)))
    expect(audited).toHaveLength(2)
  })

  it('keeps the desk to administrators and supervisors', async () => {
    const operator = await createStaffSession(t.runtime, { roles: ['operator'] })
    const citizen = await createCitizenSession(t.runtime, { fiscalCode: uniqueFiscalCode() })
    const admin = await createStaffSession(t.runtime, { roles: ['admin'] })
    for (const session of [operator, citizen]) {
      const rolls = await t.app.inject({
        method: 'GET',
        url: '/api/v1/staff/payments/imports',
        headers: session.headers,
      })
      expect(rolls.statusCode).toBe(403)
      expect((await lookUp(`fiscalCode=${citizen.fiscalCode}`, session)).statusCode).toBe(403)
    }
    expect((await lookUp(`fiscalCode=${citizen.fiscalCode}`, admin)).statusCode).toBe(200)
  })

  it('refuses a look-up without exactly one well-formed code, in the user’s language', async () => {
    const debtor = uniqueFiscalCode()
    const neither = await lookUp('')
    expect(neither.statusCode).toBe(400)
    expect(neither.headers['content-type']).toContain('application/problem+json')
    expect(neither.json().detail).toBe(
      'Cerca per codice fiscale oppure per codice avviso: indicane uno solo.',
    )
    expect((await lookUp(`fiscalCode=${debtor}&noticeNumber=301000000000000000`)).statusCode).toBe(400)
    const badCode = await lookUp('fiscalCode=RSSMRA80A01F205Y')
    expect(badCode.statusCode).toBe(400)
    expect(badCode.json().errors).toEqual([
      {
        path: 'querystring.fiscalCode',
        message:
          'Codice fiscale non valido: 16 caratteri per una persona, 11 cifre per un’impresa o un ente.',
      },
    ])
    const badNotice = await lookUp('noticeNumber=12345', office, 'en')
    expect(badNotice.statusCode).toBe(400)
    expect(badNotice.json().detail).toBe('The notice number is made of 18 digits.')
    // A company's 11-digit code is a debtor too, as in the rolls.
    expect((await lookUp('fiscalCode=01199250158')).statusCode).toBe(200)
  })

  it('shows the receipt of a paid notice and the refunds recorded on it', async () => {
    const debtor = uniqueFiscalCode()
    await importFine(debtor)
    const [position] = (await lookUp(`fiscalCode=${debtor}`)).json() as StaffPosition[]
    const option = position?.options[0] as StaffOption
    const paid = await t.app.inject({
      method: 'POST',
      url: '/api/v1/payments/receipts',
      headers: { 'x-api-key': receiptsKey },
      payload: {
        receiptId: randomUUID(),
        noticeNumber: option.nav,
        creditorFiscalCode: cityFiscalCode,
        amountCents: option.amountCents,
        paidAt: '2027-05-02T09:15:00+02:00',
        payerFiscalCode: debtor,
        psp: 'Banca di prova',
      },
    })
    expect(paid.json().outcome).toBe('applied')
    const refund = await t.app.inject({
      method: 'POST',
      url: '/api/v1/staff/payments/refunds',
      headers: office.headers,
      payload: { optionId: option.id, amountCents: 2500, reason: 'Verbale annullato in parte' },
    })
    expect(refund.statusCode).toBe(201)

    const [after] = (await lookUp(`fiscalCode=${debtor}`)).json() as StaffPosition[]
    expect(after?.options[0]).toMatchObject({
      status: 'paid',
      receipt: { psp: 'Banca di prova', paidAt: '2027-05-02T07:15:00.000Z', amountCents: 8750 },
      refunds: [{ amountCents: 2500, reason: 'Verbale annullato in parte' }],
      refundableCents: 6250,
    })
  })
})
