import { eq, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ServiceContext } from '../../platform/context.js'
import { createTestApp, type TestApp } from '../../test/app.js'
import { eventually } from '../../test/eventually.js'
import { type CreatedMember, createHousehold } from '../../test/households.js'
import { createCitizenSession, type TestSession } from '../../test/identity.js'
import { pdfText } from '../../test/pdf-text.js'
import { DEMO_CITY } from '../city/demo-city.js'
import { configureCity, getCityProfile } from '../city/service.js'
import { createApiClient } from '../identity/api-client-service.js'
import { registryPersons } from '../registry/tables.js'
import { certificates } from './tables.js'

interface Listed {
  id: string
  status: string
  protocol: string | null
  verificationCode: string | null
}

const stampId = () => String(Date.now()).slice(-8) + String(Math.floor(Math.random() * 1e6)).padStart(6, '0')

describe('certificates', () => {
  let t: TestApp
  let parent: CreatedMember
  let child: CreatedMember
  let session: TestSession
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
    ;[parent, , child] = (await createHousehold(t.runtime.db, [
      { relationship: 'head', birthDate: '1980-02-02' },
      { relationship: 'spouse', birthDate: '1982-03-03' },
      { relationship: 'child', birthDate: '2016-09-01' },
    ])) as [CreatedMember, CreatedMember, CreatedMember]
    session = await createCitizenSession(t.runtime, { fiscalCode: parent.fiscalCode, personId: parent.id })
    receiptsKey = (await createApiClient(ctx, { name: 'nodo pagoPA', scopes: ['payments:receipts'] })).key
  })
  afterAll(async () => {
    await t?.close()
  })

  const ask = (payload: object, who = session) =>
    t.app.inject({ method: 'POST', url: '/api/v1/certificates', headers: who.headers, payload })
  const mine = async (who = session): Promise<Listed[]> =>
    (await t.app.inject({ method: 'GET', url: '/api/v1/certificates', headers: who.headers })).json()
  const residence = {
    type: 'residenza',
    language: 'it',
    purpose: 'Pratica in tribunale',
    forUseAbroad: false,
  }

  it('issues an exempt residence certificate at once, with the wording the law wants', async () => {
    const asked = await ask({ ...residence, stamp: { mode: 'exempt', exemption: '3' } })
    expect(asked.statusCode).toBe(201)
    expect(asked.json()).toMatchObject({ status: 'issued', payment: null })
    const listed = (await mine()).find((item) => item.id === asked.json().id) as Listed
    expect(asked.json()).toMatchObject({
      protocol: listed.protocol,
      verificationCode: listed.verificationCode,
    })
    expect(listed.protocol).toMatch(/^\d{4}\/\d{6}$/)
    const pdf = await t.app.inject({
      method: 'GET',
      url: `/api/v1/certificates/${listed.id}/certificate.pdf`,
      headers: session.headers,
    })
    expect(pdf.headers['content-type']).toBe('application/pdf')
    const text = (await pdfText(pdf.rawPayload)).replace(/\s+/g, ' ')
    for (const expected of [
      'CERTIFICATO DI RESIDENZA',
      'IL PRESENTE CERTIFICATO NON PUÒ ESSERE PRODOTTO AGLI ORGANI DELLA PUBBLICA AMMINISTRAZIONE O AI PRIVATI GESTORI DI PUBBLICI SERVIZI',
      'Rilasciato in esenzione da imposta di bollo per uso: Uso processuale – DPR 115/2002 art. 18',
      parent.fiscalCode,
      parent.familyName,
      'Via di Prova',
      listed.protocol as string,
      listed.verificationCode as string,
    ])
      expect(text).toContain(expected)
    expect(pdf.rawPayload.toString('latin1')).toContain('Titillium')

    // The public page: what, when, whom (masked), sealed and valid.
    const verified = await t.app.inject({
      method: 'GET',
      url: `/api/v1/certificates/verify/${listed.verificationCode}`,
    })
    expect(verified.json()).toMatchObject({
      title: 'CERTIFICATO DI RESIDENZA',
      protocol: listed.protocol,
      sealValid: true,
      status: 'valid',
      subject: { fiscalCode: `${parent.fiscalCode.slice(0, 3)}************${parent.fiscalCode.slice(-1)}` },
    })
    expect(verified.body).not.toContain(parent.familyName)

    // A genuine copy matches byte for byte; one changed byte does not.
    const upload = (body: Buffer) =>
      t.app.inject({
        method: 'POST',
        url: `/api/v1/certificates/verify/${listed.verificationCode}`,
        headers: { 'content-type': 'application/pdf' },
        payload: body,
      })
    expect((await upload(pdf.rawPayload)).json()).toEqual({ matches: true })
    const tampered = Buffer.from(pdf.rawPayload)
    // One byte in the middle of the file: a changed letter of the content, as a forger would.
    const middle = Math.floor(tampered.length / 2)
    tampered[middle] = (tampered[middle] as number) ^ 1
    expect((await upload(tampered)).json()).toEqual({ matches: false })
    expect((await upload(Buffer.from('not a pdf'))).statusCode).toBe(400)

    // A change to the stored content breaks the seal.
    await t.runtime.db
      .update(certificates)
      .set({ content: sql`jsonb_set(${certificates.content}, '{subject,familyName}', '"ALTRO"')` })
      .where(eq(certificates.id, listed.id))
    const altered = await t.app.inject({
      method: 'GET',
      url: `/api/v1/certificates/verify/${listed.verificationCode}`,
    })
    expect(altered.json()).toMatchObject({ sealValid: false, status: 'altered' })
  })

  it('waits for the stamp duty paid through pagoPA, then issues', async () => {
    const asked = await ask({ ...residence, stamp: { mode: 'pay' } })
    expect(asked.json()).toMatchObject({ status: 'awaiting-payment', payment: { amountCents: 1600 } })
    const payments = await t.app.inject({ method: 'GET', url: '/api/v1/payments', headers: session.headers })
    const option = payments
      .json()
      .flatMap((position: { options: { id: string; nav: string }[] }) => position.options)
      .find((candidate: { id: string }) => candidate.id === asked.json().payment.optionId)
    const paid = await t.app.inject({
      method: 'POST',
      url: '/api/v1/payments/receipts',
      headers: { 'x-api-key': receiptsKey },
      payload: {
        receiptId: `rt-cert-${asked.json().id}`,
        noticeNumber: option.nav,
        creditorFiscalCode: cityFiscalCode,
        amountCents: 1600,
        paidAt: new Date().toISOString(),
      },
    })
    expect(paid.json()).toMatchObject({ outcome: 'applied' })
    const issued = await eventually(async () =>
      (await mine()).find((item) => item.id === asked.json().id && item.status === 'issued'),
    )
    expect(issued.protocol).toMatch(/^\d{4}\/\d{6}$/)
  })

  it('takes a declared stamp once, and gives consecutive protocol numbers', async () => {
    const stamp = { mode: 'declared', stampId: stampId(), stampDate: '2026-01-10' }
    const first = await ask({ ...residence, stamp })
    expect(first.json()).toMatchObject({ status: 'issued' })
    const before = (await mine()).length
    const again = await ask({ ...residence, stamp })
    expect(again.statusCode).toBe(409)
    expect(again.json().detail).toBe('Questa marca da bollo è già stata usata per un altro certificato.')
    expect((await mine()).length).toBe(before)
    const second = await ask({ ...residence, stamp: { ...stamp, stampId: stampId() } })
    const numbers = (await mine())
      .filter((item) => [first.json().id, second.json().id].includes(item.id))
      .map((item) => Number(item.protocol?.split('/')[1]))
      .sort((a, b) => a - b)
    expect(numbers[1]).toBeGreaterThan(numbers[0] as number)
  })

  it('numbers certificates issued at the same moment one after another, without gaps', async () => {
    const asked = await Promise.all(
      Array.from({ length: 6 }, () => ask({ ...residence, stamp: { mode: 'exempt', exemption: '3' } })),
    )
    expect(asked.map((response) => response.statusCode)).toEqual([201, 201, 201, 201, 201, 201])
    const ids = new Set(asked.map((response) => response.json().id))
    const numbers = (await mine())
      .filter((item) => ids.has(item.id))
      .map((item) => Number(item.protocol?.split('/')[1]))
      .sort((a, b) => a - b)
    const first = numbers[0] as number
    expect(numbers).toEqual([first, first + 1, first + 2, first + 3, first + 4, first + 5])
  })

  it('refuses what the record cannot certify, with the reason', async () => {
    const married = await ask({
      ...residence,
      type: 'stato-libero',
      stamp: { mode: 'exempt', exemption: '7' },
    })
    expect(married.statusCode).toBe(409)
    expect(married.json().detail).toContain('stato libero')
    await t.runtime.db
      .update(registryPersons)
      .set({ certifiability: 1 })
      .where(eq(registryPersons.id, parent.id))
    const partial = await ask({
      ...residence,
      type: 'cittadinanza',
      stamp: { mode: 'exempt', exemption: '7' },
    })
    expect(partial.json().detail).toBe(
      'Per questa persona si possono certificare online solo la residenza e lo stato di famiglia.',
    )
    expect(
      (await ask({ ...residence, type: 'stato-famiglia', stamp: { mode: 'exempt', exemption: '7' } }))
        .statusCode,
    ).toBe(201)
    await t.runtime.db
      .update(registryPersons)
      .set({ certifiability: 0 })
      .where(eq(registryPersons.id, parent.id))
    expect((await ask({ ...residence, stamp: { mode: 'exempt', exemption: '7' } })).statusCode).toBe(409)
    await t.runtime.db
      .update(registryPersons)
      .set({ certifiability: 2 })
      .where(eq(registryPersons.id, parent.id))
  })

  it('issues for one’s minor child, never for another family’s member', async () => {
    const forChild = await ask({
      ...residence,
      type: 'nascita',
      subjectFiscalCode: child.fiscalCode,
      stamp: { mode: 'pay' },
    })
    // A birth certificate is a civil status one: no stamp duty, issued at once.
    expect(forChild.json()).toMatchObject({ status: 'issued', payment: null })
    const [stranger] = await createHousehold(t.runtime.db, [
      { relationship: 'head', birthDate: '1970-01-01' },
    ])
    const foreign = await ask({
      ...residence,
      subjectFiscalCode: stranger?.fiscalCode,
      stamp: { mode: 'pay' },
    })
    expect(foreign.statusCode).toBe(403)
    const other = await createCitizenSession(t.runtime)
    const pdf = await t.app.inject({
      method: 'GET',
      url: `/api/v1/certificates/${forChild.json().id}/certificate.pdf`,
      headers: other.headers,
    })
    expect(pdf.statusCode).toBe(404)
  })

  it('answers bad requests with a problem in the user’s language', async () => {
    const badStamp = await ask({
      ...residence,
      stamp: { mode: 'declared', stampId: '123', stampDate: '2026-01-01' },
    })
    expect(badStamp.statusCode).toBe(400)
    const german = await ask({ ...residence, language: 'it-de', stamp: { mode: 'pay' } })
    expect(german.statusCode).toBe(400)
    expect(german.json().detail).toBe('Il Comune non rilascia certificati in questa lingua.')
    const unknown = await t.app.inject({ method: 'GET', url: '/api/v1/certificates/verify/ABCDEFGHJKLM' })
    expect(unknown.statusCode).toBe(404)
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/certificates', headers: {} })).statusCode).toBe(
      401,
    )
  })
})
