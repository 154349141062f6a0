import { randomInt, randomUUID } from 'node:crypto'
import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditLog } from '../../platform/audit-tables.js'
import { manualClock } from '../../platform/clock.js'
import { listLatestDevOutboxMessages } from '../../platform/outbox/dev-outbox-repo.js'
import { createTestApp, type TestApp } from '../../test/app.js'
import { createCitizenSession, createStaffSession, uniqueFiscalCode } from '../../test/identity.js'
import { createTestDetail } from './intake-fixtures.js'
import { ticketAttachments, ticketContacts, tickets } from './tables.js'

const clock = manualClock('2026-03-02T09:00:00Z')
const PDF = Buffer.from('%PDF-1.7\n%%EOF\n').toString('base64')
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]).toString('base64')

let t: TestApp
let detail: string
let mayorDetail: string
let staffOnlyDetail: string

beforeAll(async () => {
  t = await createTestApp({ clock, work: false })
  detail = (await createTestDetail(t.runtime.db, { teamCode: 'anagrafe' })).code
  mayorDetail = (await createTestDetail(t.runtime.db, { teamCode: 'posta-sindaco', process: 'mayor-letter' }))
    .code
  staffOnlyDetail = (await createTestDetail(t.runtime.db, { citizenVisible: false })).code
})
afterAll(async () => t?.close())

/** Each test speaks from its own address, so the per-address limits of one do not touch another. */
const newAddress = () => `10.${randomInt(0, 255)}.${randomInt(0, 255)}.${randomInt(1, 254)}`

const post = (
  url: string,
  payload: object,
  options: { headers?: Record<string, string>; from?: string } = {},
) =>
  t.app.inject({
    method: 'POST',
    url: `/api/v1${url}`,
    headers: options.headers ?? {},
    remoteAddress: options.from ?? newAddress(),
    payload,
  })

const letter = (extra: object = {}) => ({
  categoryCode: detail,
  subject: 'Certificato di residenza',
  body: 'Non riesco a scaricare il certificato dal sito.',
  ...extra,
})

async function latestCode(email: string): Promise<string> {
  const [message] = await listLatestDevOutboxMessages(t.runtime.db, { limit: 1, recipient: email })
  const code = /\b(\d{6})\b/.exec(message?.text ?? '')?.[1]
  if (!code) throw new Error(`no code sent to ${email}`)
  return code
}

async function sentCount(email: string): Promise<number> {
  return (await listLatestDevOutboxMessages(t.runtime.db, { limit: 50, recipient: email })).length
}

async function proofFor(email: string, from = newAddress()): Promise<string> {
  expect((await post('/tickets/email-challenges', { email }, { from })).statusCode).toBe(202)
  const verified = await post(
    '/tickets/email-challenges/verify',
    { email, code: await latestCode(email) },
    { from },
  )
  expect(verified.statusCode).toBe(200)
  return verified.json().proof
}

const ticketByCode = async (code: string) => {
  const [row] = await t.runtime.db.select().from(tickets).where(eq(tickets.code, code))
  return row
}

describe('writing without SPID: a verified e-mail address', () => {
  it('goes from the code by e-mail to a ticket, and the proof works once', async () => {
    const email = `scrive.${randomUUID().slice(0, 8)}@example.org`
    const proof = await proofFor(email)
    const written = await post('/tickets', letter({ email, proof, name: 'Lucia Verdi' }))
    expect(written.statusCode).toBe(201)
    const { code, status } = written.json()
    expect(code).toMatch(/^R2026-/)
    expect(status).toBe('new')
    const ticket = await ticketByCode(code)
    const [contact] = await t.runtime.db
      .select()
      .from(ticketContacts)
      .where(eq(ticketContacts.id, ticket!.contactId))
    expect(contact).toMatchObject({
      email,
      emailVerified: true,
      fiscalCode: null,
      displayName: 'Lucia Verdi',
    })

    const reused = await post('/tickets', letter({ email, proof }))
    expect(reused.statusCode).toBe(422)
    expect(reused.headers['content-type']).toContain('application/problem+json')
    expect(reused.json().detail).toMatch(/già stata usata/)
    const english = await post('/tickets', letter({ email, proof }), { headers: { 'accept-language': 'en' } })
    expect(english.json().detail).toMatch(/already used/)
    const mine = await t.runtime.db.select().from(tickets).where(eq(tickets.contactId, contact!.id))
    expect(mine).toHaveLength(1)
  })

  it('refuses a proof of another address and a request without any', async () => {
    const email = `a.${randomUUID().slice(0, 8)}@example.org`
    const proof = await proofFor(email)
    const other = await post('/tickets', letter({ email: `b.${email}`, proof }))
    expect(other.statusCode).toBe(422)
    expect(other.json().detail).toMatch(/verifica dell’indirizzo/)
    const none = await post('/tickets', letter())
    expect(none.statusCode).toBe(422)
    expect(none.json().detail).toMatch(/verifica prima il tuo indirizzo/)
    // The proof was not spent by the refused request.
    expect((await post('/tickets', letter({ email, proof }))).statusCode).toBe(201)
  })

  it('answers the same for every address and sends an address at most five codes an hour', async () => {
    const email = `limite.${randomUUID().slice(0, 8)}@example.org`
    const answers = []
    for (let index = 0; index < 7; index++) {
      const response = await post('/tickets/email-challenges', { email })
      answers.push([response.statusCode, response.body])
    }
    expect(new Set(answers.map((answer) => JSON.stringify(answer))).size).toBe(1)
    expect(answers[0]).toEqual([202, JSON.stringify({ expiresInSeconds: 600 })])
    expect(await sentCount(email)).toBe(5)
  })

  it('burns a code after five wrong guesses, and codes expire after ten minutes', async () => {
    const email = `indovina.${randomUUID().slice(0, 8)}@example.org`
    const from = newAddress()
    await post('/tickets/email-challenges', { email }, { from })
    const code = await latestCode(email)
    const wrong = code === '000000' ? '111111' : '000000'
    for (let index = 0; index < 5; index++) {
      const guess = await post('/tickets/email-challenges/verify', { email, code: wrong }, { from })
      expect(guess.statusCode).toBe(422)
    }
    const late = await post('/tickets/email-challenges/verify', { email, code }, { from })
    expect(late.statusCode).toBe(422)
    expect(late.json().detail).toMatch(/non è corretto o è scaduto/)

    await post('/tickets/email-challenges', { email }, { from })
    const fresh = await latestCode(email)
    clock.advance(10 * 60_000 + 1)
    try {
      expect(
        (await post('/tickets/email-challenges/verify', { email, code: fresh }, { from })).statusCode,
      ).toBe(422)
    } finally {
      clock.set('2026-03-02T09:00:00Z')
    }
  })

  it('limits code requests per client address', async () => {
    const from = newAddress()
    const statuses = []
    for (let index = 0; index < 11; index++) {
      statuses.push(
        (await post('/tickets/email-challenges', { email: `${index}.${randomUUID()}@example.org` }, { from }))
          .statusCode,
      )
    }
    expect(statuses.slice(0, 10).every((status) => status === 202)).toBe(true)
    expect(statuses[10]).toBe(429)
  })
})

describe('writing as a signed-in citizen', () => {
  it('files the request under the citizen, with its files', async () => {
    const citizen = await createCitizenSession(t.runtime)
    const response = await post(
      '/tickets',
      letter({
        phone: '+39 333 1234567',
        attachments: [{ name: 'ricevuta.pdf', type: 'application/pdf', data: PDF }],
      }),
      { headers: citizen.headers },
    )
    expect(response.statusCode).toBe(201)
    const ticket = await ticketByCode(response.json().code)
    expect(ticket).toMatchObject({ channel: 'web', teamCode: 'anagrafe' })
    const [contact] = await t.runtime.db
      .select()
      .from(ticketContacts)
      .where(eq(ticketContacts.id, ticket!.contactId))
    expect(contact).toMatchObject({
      fiscalCode: citizen.fiscalCode,
      phone: '+393331234567',
      displayName: 'Test Cittadino',
    })
    const files = await t.runtime.db
      .select()
      .from(ticketAttachments)
      .where(eq(ticketAttachments.ticketId, ticket!.id))
    expect(files.map((file) => file.fileName)).toEqual(['ricevuta.pdf'])
  })

  it('sends a mayor’s detail on the mayor’s channel, and the mayor’s form takes only those', async () => {
    const citizen = await createCitizenSession(t.runtime)
    const viaForm = await post('/tickets', letter({ categoryCode: mayorDetail }), {
      headers: citizen.headers,
    })
    expect((await ticketByCode(viaForm.json().code))?.channel).toBe('mayor')
    const letterToMayor = await post('/tickets/mayor-letters', letter({ categoryCode: mayorDetail }), {
      headers: citizen.headers,
    })
    expect(letterToMayor.statusCode).toBe(201)
    expect((await ticketByCode(letterToMayor.json().code))?.teamCode).toBe('posta-sindaco')
    const notMayor = await post('/tickets/mayor-letters', letter(), { headers: citizen.headers })
    expect(notMayor.statusCode).toBe(422)
    expect(notMayor.json().detail).toMatch(/Posta del Sindaco/)
  })

  it('refuses staff-only and unknown details, bad input and wrong files, storing nothing', async () => {
    const citizen = await createCitizenSession(t.runtime)
    const headers = citizen.headers
    const staffOnly = await post('/tickets', letter({ categoryCode: staffOnlyDetail }), { headers })
    expect(staffOnly.statusCode).toBe(422)
    expect(staffOnly.json().detail).toMatch(/argomento scelto non esiste/)

    const tooLong = await post('/tickets', letter({ subject: 'x'.repeat(151) }), { headers })
    expect(tooLong.statusCode).toBe(400)
    expect(tooLong.json().errors).toEqual([
      { path: 'body.subject', message: 'valore troppo lungo o troppo grande' },
    ])
    const tooLongEn = await post('/tickets', letter({ subject: 'x'.repeat(151) }), {
      headers: { ...headers, 'accept-language': 'en' },
    })
    expect(tooLongEn.json().title).toBe('Invalid data')

    const disguised = await post(
      '/tickets',
      letter({ attachments: [{ name: 'documento.pdf', data: PNG }] }),
      {
        headers,
      },
    )
    expect(disguised.statusCode).toBe(422)
    expect(disguised.json().detail).toContain('documento.pdf')
    const english = await post('/tickets', letter({ attachments: [{ name: 'documento.pdf', data: PNG }] }), {
      headers: { ...headers, 'accept-language': 'en' },
    })
    expect(english.json().detail).toContain('is not of an accepted type')

    const [contact] = await t.runtime.db
      .select()
      .from(ticketContacts)
      .where(eq(ticketContacts.fiscalCode, citizen.fiscalCode))
    expect(contact).toBeUndefined()
  })

  it('is not for staff', async () => {
    const staff = await createStaffSession(t.runtime, { roles: ['operator'], teams: ['anagrafe'] })
    const response = await post('/tickets', letter(), { headers: staff.headers })
    expect(response.statusCode).toBe(403)
  })
})

describe('the console’s contacts', () => {
  async function anonymousContactWithTicket() {
    const email = `anon.${randomUUID().slice(0, 8)}@example.org`
    const written = await post('/tickets', letter({ email, proof: await proofFor(email) }))
    const ticket = await ticketByCode(written.json().code)
    return { email, contactId: ticket!.contactId, ticketId: ticket!.id }
  }

  it('finds contacts by fiscal code, e-mail or phone, and audits the search', async () => {
    const operator = await createStaffSession(t.runtime, { roles: ['operator'], teams: ['anagrafe'] })
    const { email, contactId } = await anonymousContactWithTicket()
    const found = await t.app.inject({
      method: 'GET',
      url: `/api/v1/staff/contacts?q=${encodeURIComponent(email.toUpperCase())}`,
      headers: operator.headers,
    })
    expect(found.statusCode).toBe(200)
    expect(found.json().items).toEqual([expect.objectContaining({ id: contactId, email, ticketCount: 1 })])
    const audit = await t.runtime.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'ticket-contact.searched'), eq(auditLog.subjectId, contactId)))
    expect(audit).toHaveLength(1)

    const vague = await t.app.inject({
      method: 'GET',
      url: '/api/v1/staff/contacts?q=mario',
      headers: operator.headers,
    })
    expect(vague.statusCode).toBe(422)
    expect(vague.json().detail).toMatch(/codice fiscale, indirizzo e-mail o numero/)
    const analyst = await createStaffSession(t.runtime, { roles: ['analyst'] })
    const refused = await t.app.inject({
      method: 'GET',
      url: `/api/v1/staff/contacts?q=${encodeURIComponent(email)}`,
      headers: analyst.headers,
    })
    expect(refused.statusCode).toBe(403)
  })

  it('merges an anonymous contact into a citizen once, moving its tickets', async () => {
    const operator = await createStaffSession(t.runtime, { roles: ['operator'], teams: ['contact-center'] })
    const { contactId, ticketId } = await anonymousContactWithTicket()
    const fiscalCode = uniqueFiscalCode()
    const merge = (id: string, body: object = { fiscalCode }) =>
      post(`/staff/contacts/${id}/merge`, body, { headers: operator.headers })

    const merged = await merge(contactId)
    expect(merged.statusCode).toBe(200)
    expect(merged.json()).toMatchObject({ contactId, movedTickets: 1, movedCalls: 0 })
    const [ticket] = await t.runtime.db.select().from(tickets).where(eq(tickets.id, ticketId))
    expect(ticket?.contactId).toBe(merged.json().citizenContactId)
    expect(ticket?.version).toBe(2)

    const again = await merge(contactId)
    expect(again.statusCode).toBe(409)
    expect(again.json().detail).toMatch(/già stato unito/)
    const citizenContact = await merge(merged.json().citizenContactId)
    expect(citizenContact.statusCode).toBe(409)
    expect((await merge(randomUUID())).statusCode).toBe(404)
    const badCode = await merge((await anonymousContactWithTicket()).contactId, {
      fiscalCode: 'RSSMRA80A01F205Z',
    })
    expect(badCode.statusCode).toBe(422)
    const citizen = await createCitizenSession(t.runtime)
    expect(
      (await post(`/staff/contacts/${contactId}/merge`, { fiscalCode }, { headers: citizen.headers }))
        .statusCode,
    ).toBe(403)
  })
})
