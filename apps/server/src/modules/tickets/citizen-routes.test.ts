import { randomUUID } from 'node:crypto'
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { manualClock } from '../../platform/clock.js'
import type { Actor } from '../../platform/context.js'
import { timeOrderedUuid } from '../../platform/ids.js'
import { createTestApp, type TestApp } from '../../test/app.js'
import {
  createCitizenSession,
  createStaffSession,
  type TestSession,
  uniqueFiscalCode,
} from '../../test/identity.js'
import { inAttachmentTransaction, storeAttachments } from './attachments.js'
import { listMyTickets } from './citizen-tickets.js'
import { type OpenedTicket, openTicket } from './intake.js'
import { createTestDetail, testTicketsContext } from './intake-fixtures.js'
import { insertEvent, insertMessage } from './repo.js'
import { ticketMessages, tickets } from './tables.js'

const clock = manualClock('2026-03-02T09:00:00Z')
const PDF = new Uint8Array(Buffer.from('%PDF-1.7\n%%EOF\n'))
const SECRET = new Uint8Array(Buffer.from('nota interna riservata\n'))
const SYSTEM: Actor = { type: 'system', name: 'test' }

let t: TestApp
let detailCode: string
let names: { area: string; topic: string; detail: string }

beforeAll(async () => {
  t = await createTestApp({ clock, work: false })
  const detail = await createTestDetail(t.runtime.db)
  detailCode = detail.code
  names = detail.names
})
afterAll(async () => t?.close())

const ctx = () => testTicketsContext(t.runtime, SYSTEM)

async function openFor(fiscalCode: string, subject: string): Promise<OpenedTicket> {
  const opened = await openTicket(ctx(), {
    channel: 'web',
    contact: { fiscalCode },
    categoryCode: detailCode,
    subject,
    body: `Testo di ${subject}`,
    attachments: [{ fileName: 'mia.pdf', bytes: PDF }],
  })
  clock.advance(60_000)
  return opened
}

/** Staff answer and note on a ticket; the note carries a file the citizen must never get. */
async function addStaffMessages(ticketId: string) {
  const now = clock.now()
  const reply = await insertMessage(t.runtime.db, {
    id: timeOrderedUuid(),
    ticketId,
    kind: 'reply',
    channel: 'web',
    authorName: 'Ufficio Anagrafe',
    body: 'Ecco la risposta.',
    createdAt: new Date(now.getTime() + 1000),
  })
  const note = await insertMessage(t.runtime.db, {
    id: timeOrderedUuid(),
    ticketId,
    kind: 'note',
    channel: 'web',
    body: 'Nota: pratica sospetta',
    createdAt: new Date(now.getTime() + 2000),
  })
  const [noteFile] = await inAttachmentTransaction(ctx(), (tx) =>
    storeAttachments(tx, ctx(), {
      ticketId,
      messageId: note.id,
      files: [{ fileName: 'riservato.txt', bytes: SECRET }],
    }),
  )
  await insertEvent(t.runtime.db, { ticketId, kind: 'assigned', staffId: randomUUID(), occurredAt: now })
  return { reply, note, noteFileId: noteFile!.id }
}

const get = (url: string, session?: TestSession, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: { ...(session?.headers ?? {}), ...headers } })
const post = (url: string, session: TestSession, payload: object, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url: `/api/v1${url}`, headers: { ...session.headers, ...headers }, payload })

describe('the citizen’s requests', () => {
  let citizen: TestSession & { fiscalCode: string }
  let stranger: TestSession & { fiscalCode: string }
  let first: OpenedTicket
  let second: OpenedTicket
  let third: OpenedTicket
  let staffMessages: Awaited<ReturnType<typeof addStaffMessages>>

  beforeAll(async () => {
    citizen = await createCitizenSession(t.runtime)
    stranger = await createCitizenSession(t.runtime)
    first = await openFor(citizen.fiscalCode, 'Prima')
    second = await openFor(citizen.fiscalCode, 'Seconda')
    third = await openFor(citizen.fiscalCode, 'Terza')
    await openFor(stranger.fiscalCode, 'Di un altro')
    staffMessages = await addStaffMessages(second.id)
  })

  it('lists them newest first, page by page, with their triplet and whether the city answered', async () => {
    const page = await get('/me/tickets?limit=2', citizen)
    expect(page.statusCode).toBe(200)
    expect(page.headers['cache-control']).toContain('no-store')
    const body = page.json()
    expect(body.items.map((item: { code: string }) => item.code)).toEqual([third.code, second.code])
    expect(body.items[1]).toMatchObject({
      subject: 'Seconda',
      category: names,
      channel: 'web',
      status: 'new',
      replied: true,
    })
    expect(body.items[0].replied).toBe(false)
    const next = await get(`/me/tickets?limit=2&cursor=${body.nextCursor}`, citizen)
    expect(next.json()).toEqual({ items: [expect.objectContaining({ code: first.code })], nextCursor: null })
    const english = await get('/me/tickets?limit=1', citizen, { 'accept-language': 'en' })
    expect(english.json().items[0].category.detail).toMatch(/^Detail /)
    expect((await get('/me/tickets?cursor=rubbish', citizen)).statusCode).toBe(400)
  })

  it('shows the conversation without notes or their files, and only the public history', async () => {
    const response = await get(`/me/tickets/${second.code.toLowerCase()}`, citizen)
    expect(response.statusCode).toBe(200)
    const ticket = response.json()
    expect(ticket.messages.map((message: { kind: string }) => message.kind)).toEqual(['inbound', 'reply'])
    expect(JSON.stringify(ticket)).not.toContain('sospetta')
    expect(JSON.stringify(ticket)).not.toContain('riservato')
    expect(ticket.messages[0].attachments).toEqual([
      expect.objectContaining({ fileName: 'mia.pdf', mediaType: 'application/pdf', sizeBytes: PDF.length }),
    ])
    expect(ticket.history).toEqual([expect.objectContaining({ kind: 'created', toStatus: 'new' })])
    expect(ticket.canReply).toBe(true)
  })

  it('hands over the citizen’s files, never a note’s', async () => {
    const detail = (await get(`/me/tickets/${second.code}`, citizen)).json()
    const fileId = detail.messages[0].attachments[0].id
    const download = await get(`/me/tickets/${second.code}/attachments/${fileId}`, citizen)
    expect(download.statusCode).toBe(200)
    expect(download.headers['content-type']).toBe('application/pdf')
    expect(download.headers['content-disposition']).toBe(
      `attachment; filename="mia.pdf"; filename*=UTF-8''mia.pdf`,
    )
    expect(download.headers['x-content-type-options']).toBe('nosniff')
    expect(download.rawPayload.equals(Buffer.from(PDF))).toBe(true)
    expect(
      (await get(`/me/tickets/${second.code}/attachments/${staffMessages.noteFileId}`, citizen)).statusCode,
    ).toBe(404)
    // A file of one ticket asked for under another ticket of the same citizen.
    expect((await get(`/me/tickets/${first.code}/attachments/${fileId}`, citizen)).statusCode).toBe(404)
  })

  it('answers 404 for another citizen’s request on every route, and changes nothing', async () => {
    const detail = (await get(`/me/tickets/${second.code}`, citizen)).json()
    const fileId = detail.messages[0].attachments[0].id
    const listing = await get('/me/tickets', stranger)
    expect(listing.json().items.map((item: { subject: string }) => item.subject)).toEqual(['Di un altro'])
    for (const url of [`/me/tickets/${second.code}`, `/me/tickets/${second.code}/attachments/${fileId}`]) {
      const response = await get(url, stranger)
      expect(response.statusCode).toBe(404)
      expect(response.json().detail).toBe('Questa richiesta non esiste o non è tua.')
    }
    const reply = await post(`/me/tickets/${second.code}/messages`, stranger, { body: 'Intrusione' })
    expect(reply.statusCode).toBe(404)
    const english = await get(`/me/tickets/${second.code}`, stranger, { 'accept-language': 'en' })
    expect(english.json().detail).toBe('This request does not exist or is not yours.')
    expect((await get('/me/tickets/R2026-ZZZZZZ', citizen)).statusCode).toBe(404)
    expect((await get('/me/tickets/not-a-code', citizen)).statusCode).toBe(400)
    const messages = await t.runtime.db
      .select()
      .from(ticketMessages)
      .where(eq(ticketMessages.ticketId, second.id))
    expect(messages.map((message) => message.body)).not.toContain('Intrusione')
  })

  it('is only for citizens', async () => {
    expect((await get('/me/tickets')).statusCode).toBe(401)
    const staff = await createStaffSession(t.runtime, { roles: ['supervisor'] })
    expect((await get('/me/tickets', staff)).statusCode).toBe(403)
  })

  it('shows the tickets of the person the citizen acts for', async () => {
    const parent: Actor = {
      type: 'citizen',
      id: randomUUID(),
      fiscalCode: uniqueFiscalCode(),
      level: 2,
      personId: null,
      onBehalfOf: citizen.fiscalCode,
    }
    const listed = await listMyTickets(testTicketsContext(t.runtime, parent), { limit: 10 })
    expect(listed.items.map((item) => item.code)).toEqual([third.code, second.code, first.code])
  })
})

describe('writing again in a request', () => {
  it('adds the message and its files, and a request waiting for the citizen goes back to work', async () => {
    const citizen = await createCitizenSession(t.runtime)
    const opened = await openFor(citizen.fiscalCode, 'In attesa')
    await t.runtime.db
      .update(tickets)
      .set({ status: 'waiting-citizen', slaPausedAt: clock.now() })
      .where(eq(tickets.id, opened.id))
    const response = await post(`/me/tickets/${opened.code}/messages`, citizen, {
      body: 'Ecco il documento richiesto.',
      attachments: [
        { name: 'documento.pdf', type: 'application/pdf', data: Buffer.from(PDF).toString('base64') },
      ],
    })
    expect(response.statusCode).toBe(201)
    expect(response.json()).toMatchObject({ reopened: false, status: 'in-progress' })
    const detail = (await get(`/me/tickets/${opened.code}`, citizen)).json()
    expect(detail.messages.at(-1)).toMatchObject({
      kind: 'inbound',
      body: 'Ecco il documento richiesto.',
      attachments: [expect.objectContaining({ fileName: 'documento.pdf' })],
    })
  })

  it('refuses a closed request and wrong files, keeping the conversation as it was', async () => {
    const citizen = await createCitizenSession(t.runtime)
    const opened = await openFor(citizen.fiscalCode, 'Chiusa')
    const wrongFile = await post(`/me/tickets/${opened.code}/messages`, citizen, {
      body: 'Con un file sbagliato',
      attachments: [{ name: 'foto.png', data: Buffer.from(PDF).toString('base64') }],
    })
    expect(wrongFile.statusCode).toBe(422)
    await t.runtime.db.update(tickets).set({ status: 'closed' }).where(eq(tickets.id, opened.id))
    const closed = await post(`/me/tickets/${opened.code}/messages`, citizen, { body: 'Ancora una cosa' })
    expect(closed.statusCode).toBe(409)
    expect(closed.headers['content-type']).toContain('application/problem+json')
    const empty = await post(`/me/tickets/${opened.code}/messages`, citizen, { body: '' })
    expect(empty.statusCode).toBe(400)
    const messages = await t.runtime.db
      .select()
      .from(ticketMessages)
      .where(eq(ticketMessages.ticketId, opened.id))
    expect(messages).toHaveLength(1)
    const detail = (await get(`/me/tickets/${opened.code}`, citizen)).json()
    expect(detail.canReply).toBe(false)
  })
})
