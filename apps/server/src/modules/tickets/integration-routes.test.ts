import { randomUUID } from 'node:crypto'
import { asc, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../test/app.js'
import { createStaffSession, uniqueFiscalCode } from '../../test/identity.js'
import { createApiClient } from '../identity/api-client-service.js'
import { createTestDetail, testTicketsContext } from './intake-fixtures.js'
import { handOffChatbotSession } from './integrations.js'
import { ticketAttachments, ticketContacts, ticketMessages, tickets } from './tables.js'

let t: TestApp
const keys: Record<'email' | 'social' | 'chatbot' | 'telephony', string> = {
  email: '',
  social: '',
  chatbot: '',
  telephony: '',
}

beforeAll(async () => {
  t = await createTestApp({ work: false })
  const system = testTicketsContext(t.runtime, { type: 'system', name: 'test' })
  keys.email = (await createApiClient(system, { name: 'Mail provider', scopes: ['email-inbound'] })).key
  keys.social = (await createApiClient(system, { name: 'Social inbox', scopes: ['social'] })).key
  keys.chatbot = (await createApiClient(system, { name: 'Assistente', scopes: ['chatbot'] })).key
  keys.telephony = (await createApiClient(system, { name: 'Centralino', scopes: ['telephony'] })).key
})
afterAll(async () => t?.close())

const withKey = (key: string) => ({ 'x-api-key': key })

async function ticketOf(code: string) {
  const [ticket] = await t.runtime.db.select().from(tickets).where(eq(tickets.code, code))
  return ticket!
}

async function conversation(code: string) {
  const ticket = await ticketOf(code)
  return t.runtime.db
    .select()
    .from(ticketMessages)
    .where(eq(ticketMessages.ticketId, ticket.id))
    .orderBy(asc(ticketMessages.createdAt), asc(ticketMessages.id))
}

describe('POST /tickets/inbound-email', () => {
  const raw = (subject: string) =>
    [
      `From: Paolo Neri <paolo-${randomUUID().slice(0, 6)}@example.org>`,
      'To: info@comune.example.it',
      `Subject: ${subject}`,
      `Message-ID: <${randomUUID()}@provider.example>`,
      'Content-Type: text/plain; charset=utf-8',
      '',
      'Segnalo un albero caduto.',
      '',
    ].join('\r\n')
  const post = (headers: Record<string, string>, payload: string, contentType = 'message/rfc822') =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/tickets/inbound-email',
      headers: { ...headers, 'content-type': contentType },
      payload,
    })

  it('needs a key with the email-inbound scope, and stores nothing otherwise', async () => {
    const subject = `Albero ${randomUUID()}`
    expect((await post({}, raw(subject))).statusCode).toBe(401)
    expect((await post(withKey(keys.social), raw(subject))).statusCode).toBe(403)
    const staff = await createStaffSession(t.runtime, { roles: ['supervisor'] })
    expect((await post(staff.headers, raw(subject))).statusCode).toBe(403)
    expect(await t.runtime.db.select().from(tickets).where(eq(tickets.subject, subject))).toHaveLength(0)
  })

  it('takes the raw message and answers 202 with the ticket; a second delivery is a duplicate', async () => {
    const message = raw('Albero caduto')
    const first = await post(withKey(keys.email), message)
    expect(first.statusCode).toBe(202)
    expect(first.json()).toMatchObject({
      outcome: 'new-ticket',
      ticketCode: expect.stringMatching(/^R\d{4}-/),
    })
    const again = await post(withKey(keys.email), message)
    expect(again.json()).toEqual({ outcome: 'duplicate', ticketCode: first.json().ticketCode })
    expect(await conversation(first.json().ticketCode)).toHaveLength(1)
  })

  it('answers 415 to anything but message/rfc822, in the caller’s language', async () => {
    const json = await t.app.inject({
      method: 'POST',
      url: '/api/v1/tickets/inbound-email',
      headers: { ...withKey(keys.email), 'accept-language': 'en' },
      payload: { raw: 'x' },
    })
    expect(json.statusCode).toBe(415)
    expect(json.json().title).toBe('Unsupported format')
    expect((await post(withKey(keys.email), 'hello', 'text/plain')).statusCode).toBe(415)
  })
})

describe('POST /integrations/social/messages', () => {
  const post = (payload: object, key = keys.social) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/integrations/social/messages',
      headers: withKey(key),
      payload,
    })
  const message = (threadId: string, messageId: string, text: string, extra: object = {}) => ({
    network: 'facebook',
    threadId,
    messageId,
    author: { handle: 'giulia.b', name: 'Giulia B.' },
    text,
    sentAt: '2026-03-02T09:00:00Z',
    ...extra,
  })

  it('opens a ticket with the first message of a thread and adds the next ones to it', async () => {
    const thread = randomUUID()
    const first = await post(message(thread, 'm1', 'Quando passa la pulizia strade?'))
    expect(first.statusCode).toBe(202)
    expect(first.json()).toMatchObject({ outcome: 'new-ticket' })
    const code = first.json().ticketCode
    const ticket = await ticketOf(code)
    expect(ticket).toMatchObject({
      channel: 'social',
      externalRef: `facebook:${thread}`,
      teamCode: 'contact-center',
    })
    expect(ticket.subject).toBe('Quando passa la pulizia strade?')
    const [contact] = await t.runtime.db
      .select()
      .from(ticketContacts)
      .where(eq(ticketContacts.id, ticket.contactId))
    expect(contact).toMatchObject({ displayName: 'giulia.b', fiscalCode: null, email: null })

    const png = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      Buffer.alloc(32, 7),
    ])
    const second = await post(
      message(thread, 'm2', 'Ecco la foto', {
        attachments: [
          { fileName: 'strada.png', mediaType: 'image/png', contentBase64: png.toString('base64') },
        ],
      }),
    )
    expect(second.json()).toEqual({ outcome: 'reply', ticketCode: code })
    const messages = await conversation(code)
    expect(messages.map((entry) => [entry.body, entry.emailMessageId, entry.channel])).toEqual([
      ['Quando passa la pulizia strade?', 'social:facebook:m1', 'social'],
      ['Ecco la foto', 'social:facebook:m2', 'social'],
    ])
    const files = await t.runtime.db
      .select()
      .from(ticketAttachments)
      .where(eq(ticketAttachments.messageId, messages[1]!.id))
    expect(files.map((file) => file.fileName)).toEqual(['strada.png'])
  })

  it('ignores a repeated delivery, even of the first message sent twice at once', async () => {
    const thread = randomUUID()
    const payload = message(thread, 'only', 'Ciao')
    const [a, b] = await Promise.all([post(payload), post(payload)])
    const outcomes = [a.json().outcome, b.json().outcome].sort()
    expect(outcomes).toEqual(['duplicate', 'new-ticket'])
    expect(a.json().ticketCode).toBe(b.json().ticketCode)
    expect((await post(payload)).json()).toEqual({ outcome: 'duplicate', ticketCode: a.json().ticketCode })
    expect(await conversation(a.json().ticketCode)).toHaveLength(1)
  })

  it('goes on in a new ticket when the thread’s ticket is closed', async () => {
    const thread = randomUUID()
    const first = (await post(message(thread, 'a', 'Prima domanda'))).json()
    await t.runtime.db.update(tickets).set({ status: 'closed' }).where(eq(tickets.code, first.ticketCode))
    const later = (await post(message(thread, 'b', 'Seconda domanda'))).json()
    expect(later.outcome).toBe('new-after-closed')
    expect((await conversation(later.ticketCode))[0]!.body).toContain(first.ticketCode)
    const next = (await post(message(thread, 'c', 'Terza'))).json()
    expect(next).toEqual({ outcome: 'reply', ticketCode: later.ticketCode })
  })

  it('refuses a bad file or an empty message with a 422 and stores nothing of it', async () => {
    const thread = randomUUID()
    const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(40)]).toString('base64')
    const bad = await post(
      message(thread, 'x', 'Allego', { attachments: [{ fileName: 'a.exe', contentBase64: exe }] }),
    )
    expect(bad.statusCode).toBe(422)
    const empty = await t.app.inject({
      method: 'POST',
      url: '/api/v1/integrations/social/messages',
      headers: { ...withKey(keys.social), 'accept-language': 'en' },
      payload: message(thread, 'y', '   '),
    })
    expect(empty.statusCode).toBe(422)
    expect(empty.json().detail).toBe('The message has neither text nor attachments.')
    const stored = await t.runtime.db
      .select()
      .from(tickets)
      .where(eq(tickets.externalRef, `facebook:${thread}`))
    expect(stored).toHaveLength(0)
  })

  it('needs the social scope and a well-formed message', async () => {
    expect((await post(message(randomUUID(), 'z', 'x'), keys.chatbot)).statusCode).toBe(403)
    const invalid = await post({ network: 'Face Book', threadId: '', text: 'x' })
    expect(invalid.statusCode).toBe(400)
  })
})

describe('POST /integrations/chatbot/handoffs', () => {
  const post = (payload: object, key = keys.chatbot) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/integrations/chatbot/handoffs',
      headers: withKey(key),
      payload,
    })
  const transcript = [
    { from: 'user', text: 'Come rinnovo la carta d’identità?', at: '2026-03-02T09:00:00Z' },
    { from: 'bot', text: 'Puoi prenotare allo sportello.', at: '2026-03-02T09:00:05Z' },
  ]

  it('opens one ticket per session with the transcript, for the citizen it names', async () => {
    const fiscalCode = uniqueFiscalCode()
    const detail = await createTestDetail(t.runtime.db, { teamCode: 'anagrafe' })
    const payload = {
      sessionId: `chat-${randomUUID()}`,
      transcript,
      citizen: { fiscalCode },
      categoryCode: detail.code,
      question: 'Non trovo posto prima di maggio',
    }
    const first = await post(payload)
    expect(first.statusCode).toBe(201)
    expect(first.json()).toMatchObject({ created: true })
    const again = await post(payload)
    expect(again.statusCode).toBe(200)
    expect(again.json()).toEqual({ ticketCode: first.json().ticketCode, created: false })

    const ticket = await ticketOf(first.json().ticketCode)
    expect(ticket).toMatchObject({ channel: 'chatbot', teamCode: 'anagrafe', externalRef: payload.sessionId })
    const [contact] = await t.runtime.db
      .select()
      .from(ticketContacts)
      .where(eq(ticketContacts.id, ticket.contactId))
    expect(contact!.fiscalCode).toBe(fiscalCode)
    const messages = await conversation(ticket.code)
    expect(messages).toHaveLength(1)
    expect(messages[0]!.body).toBe(
      [
        'Richiesta: Non trovo posto prima di maggio',
        '',
        '— Conversazione con l’assistente virtuale —',
        '[02/03/2026, 10:00] Utente: Come rinnovo la carta d’identità?',
        '[02/03/2026, 10:00] Assistente: Puoi prenotare allo sportello.',
      ].join('\n'),
    )
  })

  it('is the same hand-off in-process, for the virtual assistant', async () => {
    const ctx = testTicketsContext(t.runtime, { type: 'system', name: 'assistant' })
    const sessionId = `chat-${randomUUID()}`
    const input = { sessionId, transcript: [], question: 'Vorrei parlare con qualcuno' }
    const first = await handOffChatbotSession(ctx, input)
    const second = await handOffChatbotSession(ctx, input)
    expect(first.created).toBe(true)
    expect(second).toEqual({ ticketCode: first.ticketCode, created: false })
    const ticket = await ticketOf(first.ticketCode)
    expect(ticket).toMatchObject({ teamCode: 'contact-center', categoryId: null })
  })

  it('refuses an invalid fiscal code with a 422 and needs the chatbot scope', async () => {
    const sessionId = `chat-${randomUUID()}`
    const payload = { sessionId, transcript, citizen: { fiscalCode: 'NOTACODE' }, question: 'Aiuto' }
    const refused = await post(payload)
    expect(refused.statusCode).toBe(422)
    expect(refused.json().detail).toBe('Il codice fiscale non è valido: controllalo.')
    expect((await post({ ...payload, citizen: undefined }, keys.telephony)).statusCode).toBe(403)
    expect(await t.runtime.db.select().from(tickets).where(eq(tickets.externalRef, sessionId))).toHaveLength(
      0,
    )
  })
})
