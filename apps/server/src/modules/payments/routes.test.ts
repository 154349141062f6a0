import { randomUUID } from 'node:crypto'
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { inTransaction } from '../../db/transaction.js'
import type { ServiceContext } from '../../platform/context.js'
import { createTestApp, type TestApp } from '../../test/app.js'
import {
  createCitizenSession,
  createStaffSession,
  type TestSession,
  uniqueFiscalCode,
} from '../../test/identity.js'
import { pdfText } from '../../test/pdf-text.js'
import { DEMO_CITY } from '../city/demo-city.js'
import { configureCity, getCityProfile } from '../city/service.js'
import { createApiClient } from '../identity/api-client-service.js'
import { notifyDeps } from '../notifications/jobs.js'
import { runDailyRules } from '../notifications/rules.js'
import { notificationMessages } from '../notifications/tables.js'
import { isValidNoticeNumber } from './policy.js'
import { createPosition } from './positions.js'
import { paymentPositions } from './tables.js'

interface Option {
  id: string
  nav: string
  kind: string
  instalment: number | null
  amountCents: number
  status: string
  payable: boolean
  receipt: unknown
  refunds: { amountCents: number }[]
}
interface Position {
  id: string
  iupd: string
  status: string
  options: Option[]
}

describe('payments', () => {
  let t: TestApp
  let office: TestSession
  let citizen: TestSession & { fiscalCode: string }
  let receiptsKey: string
  let cityFiscalCode: string

  beforeAll(async () => {
    t = await createTestApp({ work: true })
    const ctx: ServiceContext = {
      ...t.runtime,
      actor: { type: 'system', name: 'test' },
      meta: { ip: null, requestId: null, locale: 'it' },
    }
    if (!(await getCityProfile(ctx))) await configureCity(ctx, DEMO_CITY)
    cityFiscalCode = (await getCityProfile(ctx))?.fiscalCode as string
    office = await createStaffSession(t.runtime, { roles: ['supervisor'] })
    citizen = await createCitizenSession(t.runtime, { fiscalCode: uniqueFiscalCode() })
    receiptsKey = (await createApiClient(ctx, { name: 'nodo pagoPA', scopes: ['payments:receipts'] })).key
  })
  afterAll(async () => {
    await t?.close()
  })

  const importCsv = (csv: string, session = office) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/staff/payments/imports?source=test',
      headers: { ...session.headers, 'content-type': 'text/csv' },
      payload: csv,
    })
  const myPayments = async (session = citizen): Promise<Position[]> =>
    (await t.app.inject({ method: 'GET', url: '/api/v1/payments', headers: session.headers })).json()
  const receipt = (body: object) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/payments/receipts',
      headers: { 'x-api-key': receiptsKey },
      payload: body,
    })
  const header = 'iupd;codice_fiscale;nominativo;tipo;descrizione;rata;scadenza;importo'

  async function importTari(
    iupd: string,
    fiscalCode = citizen.fiscalCode,
    debtor = citizen,
  ): Promise<Position> {
    const csv = [
      header,
      `${iupd};${fiscalCode};Maria Rossi;tari;TARI 2027;0;2027-04-16;300,00`,
      `${iupd};${fiscalCode};Maria Rossi;tari;TARI 2027;1;2027-04-16;100,00`,
      `${iupd};${fiscalCode};Maria Rossi;tari;TARI 2027;2;2027-07-16;100,00`,
      `${iupd};${fiscalCode};Maria Rossi;tari;TARI 2027;3;2027-10-16;100,00`,
    ].join('\n')
    const imported = await importCsv(csv)
    expect(imported.statusCode).toBe(201)
    const found = (await myPayments(debtor)).find((position) => position.iupd === iupd)
    if (!found) throw new Error('imported position not listed')
    return found
  }

  it('imports a roll all or nothing, naming each bad line', async () => {
    const iupd = `TARI-${randomUUID().slice(0, 8)}`
    const broken = [
      header,
      `${iupd};${citizen.fiscalCode};Maria Rossi;tari;TARI 2027;1;2027-04-16;100,00`,
      `${iupd}-b;RSSMRA80A01F205Y;Mario Rossi;tari;TARI 2027;1;2027-04-16;100,00`,
      `${iupd}-c;${citizen.fiscalCode};Maria Rossi;parking;TARI 2027;1;2027-04-16;100,00`,
      `${iupd}-d;${citizen.fiscalCode};Maria Rossi;tari;TARI 2027;1;2027-02-30;100,00`,
      `${iupd}-e;${citizen.fiscalCode};Maria Rossi;tari;TARI 2027;1;2027-04-16;-3`,
      `${iupd};${citizen.fiscalCode};Maria Rossi;tari;TARI 2027;1;2027-07-16;100,00`,
      'too;few',
    ].join('\n')
    const refused = await importCsv(broken)
    expect(refused.statusCode).toBe(400)
    const problem = refused.json()
    expect(problem.detail).toBe(
      'Il ruolo non è stato importato: 6 righe da correggere. Nessuna posizione è stata creata.',
    )
    expect(problem.errors.map((error: { path: string }) => error.path)).toEqual([
      'line 3',
      'line 4',
      'line 5',
      'line 6',
      'line 7',
      'line 8',
    ])
    expect(problem.errors[0].message).toBe('codice fiscale non valido')
    expect(await t.runtime.db.select().from(paymentPositions).where(eq(paymentPositions.iupd, iupd))).toEqual(
      [],
    )

    const position = await importTari(iupd)
    expect(position.status).toBe('published')
    expect(position.options.map((option) => [option.kind, option.instalment, option.amountCents])).toEqual([
      ['single', null, 30000],
      ['instalment', 1, 10000],
      ['instalment', 2, 10000],
      ['instalment', 3, 10000],
    ])
    for (const option of position.options) expect(option.nav).toMatch(/^301\d{15}$/)
    const again = await importCsv(
      [header, `${iupd};${citizen.fiscalCode};Maria Rossi;tari;TARI 2027;1;2027-04-16;100`].join('\n'),
    )
    expect(again.statusCode).toBe(400)
    expect(again.json().errors[0].message).toBe(`la posizione ${iupd} esiste già`)
  })

  it('imports a big roll in bulk and refuses it whole when one position already exists', async () => {
    const prefix = `BIG-${randomUUID().slice(0, 8)}`
    const lines = [header]
    for (let n = 0; n < 300; n++) {
      const debtor = uniqueFiscalCode()
      for (const [rata, due] of [
        [1, '2027-04-16'],
        [2, '2027-07-16'],
      ])
        lines.push(`${prefix}-${n};${debtor};Nome\\Cognome ${n};tari;TARI 2027;${rata};${due};80,50`)
    }
    const first = await importCsv(lines.join('\n'))
    expect(first.statusCode).toBe(201)
    expect(first.json()).toMatchObject({ positions: 300, options: 600 })
    const [stored] = await t.runtime.db
      .select()
      .from(paymentPositions)
      .where(eq(paymentPositions.iupd, `${prefix}-7`))
    expect(stored?.debtorName).toBe('Nome\\Cognome 7')

    const overlapping = [header, ...lines.slice(1).map((line) => line.replace(`${prefix}-`, `${prefix}-x`))]
    overlapping.push(lines[lines.length - 1] as string)
    const refused = await importCsv(overlapping.join('\n'))
    expect(refused.statusCode).toBe(400)
    expect(refused.json().errors[0]).toEqual({
      path: `line ${overlapping.length}`,
      message: `la posizione ${prefix}-299 esiste già`,
    })
    const copies = await t.runtime.db
      .select()
      .from(paymentPositions)
      .where(eq(paymentPositions.iupd, `${prefix}-x0`))
    expect(copies).toEqual([])
  })

  it('keeps imports to the payments office and positions to their debtor', async () => {
    const operator = await createStaffSession(t.runtime, { roles: ['operator'] })
    expect((await importCsv(header, operator)).statusCode).toBe(403)
    expect((await importCsv(header, citizen)).statusCode).toBe(403)
    const position = await importTari(`TARI-${randomUUID().slice(0, 8)}`)
    const stranger = await createCitizenSession(t.runtime, { fiscalCode: uniqueFiscalCode() })
    expect(await myPayments(stranger)).toEqual([])
    const foreign = await t.app.inject({
      method: 'POST',
      url: '/api/v1/payments/checkouts',
      headers: stranger.headers,
      payload: { optionIds: [position.options[1]?.id] },
    })
    expect(foreign.statusCode).toBe(404)
    expect((await receipt({})).statusCode).toBe(400)
    const asCitizen = await t.app.inject({
      method: 'POST',
      url: '/api/v1/payments/receipts',
      headers: citizen.headers,
      payload: {},
    })
    expect([401, 403]).toContain(asCitizen.statusCode)
  })

  it('pays an instalment through the sandbox, then no longer offers the single payment', async () => {
    const position = await importTari(`TARI-${randomUUID().slice(0, 8)}`)
    const first = position.options.find((option) => option.instalment === 1) as Option
    const started = await t.app.inject({
      method: 'POST',
      url: '/api/v1/payments/checkouts',
      headers: citizen.headers,
      payload: { optionIds: [first.id] },
    })
    expect(started.statusCode).toBe(201)
    const { redirectUrl, checkoutId } = started.json()
    expect(redirectUrl).toBe(`/sandbox/checkout/${checkoutId}`)
    const page = await t.app.inject({ method: 'GET', url: redirectUrl })
    expect(page.body).toContain('Paga 100,00')
    const paid = await t.app.inject({
      method: 'POST',
      url: redirectUrl,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'outcome=pay',
    })
    expect(paid.statusCode).toBe(303)
    expect(paid.headers.location).toBe(`/area-personale/pagamenti?pagamento=${checkoutId}&esito=ok`)
    const after = (await myPayments()).find((candidate) => candidate.id === position.id) as Position
    expect(after.status).toBe('partially-paid')
    expect(after.options.map((option) => [option.instalment, option.status, option.payable])).toEqual([
      [null, 'unpaid', false],
      [1, 'paid', false],
      [2, 'unpaid', true],
      [3, 'unpaid', true],
    ])
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: redirectUrl,
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          payload: 'outcome=pay',
        })
      ).statusCode,
    ).toBe(404)
    const notices = await t.runtime.db
      .select()
      .from(notificationMessages)
      .where(eq(notificationMessages.recipientFiscalCode, citizen.fiscalCode))
    expect(notices.map((notice) => notice.subject)).toContain('Pagamento ricevuto: TARI 2027 – rata 1')

    const single = after.options.find((option) => option.kind === 'single') as Option
    const refused = await t.app.inject({
      method: 'POST',
      url: '/api/v1/payments/checkouts',
      headers: citizen.headers,
      payload: { optionIds: [single.id] },
    })
    expect(refused.statusCode).toBe(409)
  })

  it('keeps the receipt in Documenti and prints the list of payments, for the debtor alone', async () => {
    const payer = await createCitizenSession(t.runtime, { fiscalCode: uniqueFiscalCode() })
    const position = await importTari(`TARI-${randomUUID().slice(0, 8)}`, payer.fiscalCode, payer)
    const second = position.options.find((option) => option.instalment === 2) as Option
    const sent = await receipt({
      receiptId: `rt-${randomUUID()}`,
      noticeNumber: second.nav,
      creditorFiscalCode: cityFiscalCode,
      amountCents: second.amountCents,
      paidAt: '2027-07-10T08:30:00Z',
      psp: 'Banca di prova',
    })
    expect(sent.json()).toMatchObject({ outcome: 'applied' })
    const receipts = await t.app.inject({
      method: 'GET',
      url: '/api/v1/payments/receipts',
      headers: payer.headers,
    })
    expect(receipts.json()).toEqual([
      {
        id: expect.any(String),
        description: 'TARI 2027 – rata 2',
        amountCents: 10000,
        paidAt: '2027-07-10T08:30:00.000Z',
        psp: 'Banca di prova',
        nav: second.nav,
      },
    ])
    const url = `/api/v1/payments/receipts/${receipts.json()[0].id}/receipt.pdf`
    const pdf = await t.app.inject({ method: 'GET', url, headers: payer.headers })
    expect(pdf.headers['content-type']).toBe('application/pdf')
    const text = await pdfText(pdf.rawPayload)
    for (const expected of [
      'RICEVUTA DI PAGAMENTO',
      'TARI 2027 – rata 2',
      'Importo pagato: 100,00 €',
      'Data e ora del pagamento: 10/07/2027, 10:30',
      `Debitore: Maria Rossi – codice fiscale ${payer.fiscalCode}`,
      'Prestatore di servizi di pagamento: Banca di prova',
    ])
      expect(text).toContain(expected)
    expect((await t.app.inject({ method: 'GET', url, headers: citizen.headers })).statusCode).toBe(404)
    expect(
      (
        await t.app.inject({ method: 'GET', url: '/api/v1/payments/receipts', headers: citizen.headers })
      ).json(),
    ).not.toContainEqual(expect.objectContaining({ nav: second.nav }))

    const list = await t.app.inject({
      method: 'GET',
      url: '/api/v1/payments/list.pdf',
      headers: payer.headers,
    })
    expect(list.statusCode).toBe(200)
    const listed = await pdfText(list.rawPayload)
    expect(listed).toContain('ELENCO DEI PAGAMENTI')
    expect(listed).toContain(`Maria Rossi – codice fiscale ${payer.fiscalCode}`)
    expect(listed).toContain('Da pagare: 200,00 €')
    expect(listed).toContain('Pagato: 100,00 €')
    expect(listed).toContain('Pagato il 10/07/2027')
    // Once an instalment is paid the single payment is no longer a way to pay, so not listed.
    expect(listed).not.toContain('Unica soluzione')
  })

  it('leaves the notice unpaid when the payment fails or is abandoned', async () => {
    const position = await importTari(`TARI-${randomUUID().slice(0, 8)}`)
    // The payment page posts its form like another site would: the session cookie rides along
    // without a CSRF token, and the page does not act as the citizen.
    const cookieOnly = { cookie: citizen.headers.cookie as string }
    const noToken = await t.app.inject({
      method: 'POST',
      url: '/api/v1/payments/checkouts',
      headers: cookieOnly,
      payload: { optionIds: [position.options[0]?.id] },
    })
    expect(noToken.statusCode).toBe(403)
    for (const outcome of ['fail', 'abandon']) {
      const started = await t.app.inject({
        method: 'POST',
        url: '/api/v1/payments/checkouts',
        headers: citizen.headers,
        payload: { optionIds: [position.options[0]?.id] },
      })
      const ended = await t.app.inject({
        method: 'POST',
        url: started.json().redirectUrl,
        headers: { ...cookieOnly, 'content-type': 'application/x-www-form-urlencoded' },
        payload: `outcome=${outcome}`,
      })
      expect(ended.headers.location).toContain(outcome === 'fail' ? 'esito=errore' : 'esito=annullato')
    }
    const after = (await myPayments()).find((candidate) => candidate.id === position.id) as Position
    expect(after.status).toBe('published')
    expect(after.options.every((option) => option.status === 'unpaid')).toBe(true)
  })

  it('applies each receipt once and records the ones that pay nothing', async () => {
    const position = await importTari(`TARI-${randomUUID().slice(0, 8)}`)
    const second = position.options.find((option) => option.instalment === 2) as Option
    const third = position.options.find((option) => option.instalment === 3) as Option
    const base = {
      creditorFiscalCode: cityFiscalCode,
      paidAt: '2026-12-01T10:00:00+01:00',
      psp: 'Banca di prova',
    }
    const id = `rt-${randomUUID()}`
    const firstTime = await receipt({ ...base, receiptId: id, noticeNumber: second.nav, amountCents: 10000 })
    expect(firstTime.json()).toMatchObject({ outcome: 'applied', repeated: false })
    const secondTime = await receipt({ ...base, receiptId: id, noticeNumber: second.nav, amountCents: 10000 })
    expect(secondTime.json()).toMatchObject({
      outcome: 'applied',
      repeated: true,
      receiptId: firstTime.json().receiptId,
    })
    const otherReceipt = await receipt({
      ...base,
      receiptId: `rt-${randomUUID()}`,
      noticeNumber: second.nav,
      amountCents: 10000,
    })
    expect(otherReceipt.json().outcome).toBe('already-paid')
    const wrongAmount = await receipt({
      ...base,
      receiptId: `rt-${randomUUID()}`,
      noticeNumber: third.nav,
      amountCents: 9999,
    })
    expect(wrongAmount.json().outcome).toBe('amount-mismatch')
    const unknown = await receipt({
      ...base,
      receiptId: `rt-${randomUUID()}`,
      noticeNumber: '301011100007347557',
      amountCents: 100,
    })
    expect(unknown.json().outcome).toBe('unknown-notice')
    const after = (await myPayments()).find((candidate) => candidate.id === position.id) as Position
    expect(after.options.map((option) => option.status)).toEqual(['unpaid', 'unpaid', 'paid', 'unpaid'])

    // A refund of part of it, then more than is left.
    const refund = (amountCents: number) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/staff/payments/refunds',
        headers: office.headers,
        payload: { optionId: second.id, amountCents, reason: 'Riduzione per compostaggio domestico' },
      })
    expect((await refund(2000)).json().refundedCents).toBe(2000)
    expect((await refund(9000)).statusCode).toBe(409)
    const refunded = (await myPayments()).find((candidate) => candidate.id === position.id) as Position
    expect(refunded.options.find((option) => option.id === second.id)?.refunds).toEqual([
      expect.objectContaining({ amountCents: 2000, reason: 'Riduzione per compostaggio domestico' }),
    ])
    const unpaidRefund = await t.app.inject({
      method: 'POST',
      url: '/api/v1/staff/payments/refunds',
      headers: office.headers,
      payload: { optionId: third.id, amountCents: 100, reason: 'Errore' },
    })
    expect(unpaidRefund.statusCode).toBe(409)
  })

  it('refuses a cart of more than five notices', async () => {
    const started = await t.app.inject({
      method: 'POST',
      url: '/api/v1/payments/checkouts',
      headers: citizen.headers,
      payload: { optionIds: Array.from({ length: 6 }, () => randomUUID()) },
    })
    expect(started.statusCode).toBe(400)
    expect(started.json().detail).toBe('Puoi pagare al massimo 5 avvisi insieme.')
  })

  it('reminds of an instalment due within a week and of one overdue, once each', async () => {
    const debtor = await createCitizenSession(t.runtime, { fiscalCode: uniqueFiscalCode() })
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10)
    const iupd = `TARI-${randomUUID().slice(0, 8)}`
    const csv = [
      header,
      `${iupd};${debtor.fiscalCode};Luca Neri;tari;TARI 2026;1;${day(-3)};50,00`,
      `${iupd};${debtor.fiscalCode};Luca Neri;tari;TARI 2026;2;${day(4)};50,00`,
      `${iupd};${debtor.fiscalCode};Luca Neri;tari;TARI 2026;3;${day(90)};50,00`,
    ].join('\n')
    expect((await importCsv(csv)).statusCode).toBe(201)
    const deps = { db: t.runtime.db, notify: notifyDeps(t.runtime), logger: t.runtime.logger }
    for (let run = 0; run < 2; run++) {
      await runDailyRules(deps, new Date(), { only: 'instalment-due-7', force: true })
      await runDailyRules(deps, new Date(), { only: 'instalment-overdue', force: true })
    }
    const messages = await t.runtime.db
      .select()
      .from(notificationMessages)
      .where(eq(notificationMessages.recipientFiscalCode, debtor.fiscalCode))
    expect(messages.map((message) => message.template).sort()).toEqual(['payments.due', 'payments.overdue'])
    const due = messages.find((message) => message.template === 'payments.due')
    expect(due?.subject).toMatch(/^TARI 2026 – rata 2: 50,00\s€ entro il /)
    expect(due?.payment).toMatchObject({ amountCents: 5000, payeeFiscalCode: cityFiscalCode })
    expect(due?.dueDate).toBe(day(4))
  })

  it('bills a citizen from another capability inside its transaction', async () => {
    const debtor = await createCitizenSession(t.runtime, { fiscalCode: uniqueFiscalCode() })
    const billed = await inTransaction(t.runtime.db, (tx) =>
      createPosition(tx, t.runtime.config.payments, {
        iupd: `CERT-${randomUUID().slice(0, 8)}`,
        debtorFiscalCode: debtor.fiscalCode,
        debtorName: 'Luca Neri',
        kind: 'stamp-duty',
        description: 'Imposta di bollo – certificato di residenza',
        source: 'certificates',
        options: [{ instalment: null, amountCents: 1600, dueDate: '2027-01-31' }],
      }),
    )
    expect(billed.noticeNumbers).toHaveLength(1)
    expect(isValidNoticeNumber(billed.noticeNumbers[0] as string)).toBe(true)
    const listed = await myPayments(debtor)
    expect(listed).toEqual([
      expect.objectContaining({
        id: billed.positionId,
        kind: 'stamp-duty',
        options: [expect.objectContaining({ kind: 'single', amountCents: 1600, payable: true })],
      }),
    ])
  })

  it('gives the debtor, and nobody else, the notice PDF with a slip per way to pay', async () => {
    const position = await importTari(`TARI-${randomUUID().slice(0, 8)}`)
    const url = `/api/v1/payments/positions/${position.id}/notice.pdf`
    const pdf = await t.app.inject({ method: 'GET', url, headers: citizen.headers })
    expect(pdf.statusCode).toBe(200)
    expect(pdf.headers['content-type']).toBe('application/pdf')
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-')
    // Four slips, each with its QR code image (drawn with its transparency mask).
    expect(pdf.rawPayload.toString('latin1').match(/\/SMask \d+ 0 R/g)).toHaveLength(4)
    const stranger = await createCitizenSession(t.runtime, { fiscalCode: uniqueFiscalCode() })
    expect((await t.app.inject({ method: 'GET', url, headers: stranger.headers })).statusCode).toBe(404)
  })

  it('keeps refunds to the payments office and refuses bad ones with a problem', async () => {
    const refund = (session: TestSession, payload: object) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/staff/payments/refunds',
        headers: session.headers,
        payload,
      })
    const valid = { optionId: randomUUID(), amountCents: 100, reason: 'Doppio pagamento' }
    const operator = await createStaffSession(t.runtime, { roles: ['operator'] })
    expect((await refund(operator, valid)).statusCode).toBe(403)
    expect((await refund(citizen, valid)).statusCode).toBe(403)
    const unknown = await refund(office, valid)
    expect(unknown.statusCode).toBe(404)
    expect(unknown.json().detail).toBe('Uno degli avvisi scelti non esiste o non è tuo.')
    expect((await refund(office, { ...valid, reason: 'x' })).statusCode).toBe(400)
    expect((await refund(office, { ...valid, amountCents: -5 })).statusCode).toBe(400)
    expect(
      (
        await t.app.inject({
          method: 'GET',
          url: '/api/v1/payments/positions/not-an-id/notice.pdf',
          headers: citizen.headers,
        })
      ).statusCode,
    ).toBe(400)
  })
})
