import { randomInt, randomUUID } from 'node:crypto'
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditLog } from '../../platform/audit-tables.js'
import { manualClock } from '../../platform/clock.js'
import { listLatestDevOutboxMessages } from '../../platform/outbox/dev-outbox-repo.js'
import { createTestApp, type TestApp } from '../../test/app.js'
import { createCitizenSession } from '../../test/identity.js'
import { ticketContacts, ticketMessages, tickets } from '../tickets/tables.js'
import { blankOldTranscripts, countAssistantFigures } from './figures.js'
import { seedAssistantKnowledge } from './seed.js'
import { assistantQuestions } from './tables.js'

// A month of its own: the figures of this file are not touched by the other files' conversations.
const clock = manualClock('2031-05-10T09:00:00Z')
let t: TestApp

beforeAll(async () => {
  t = await createTestApp({ clock, work: false })
  await seedAssistantKnowledge({
    db: t.runtime.db,
    clock,
    actor: { type: 'system', name: 'test' },
    meta: { ip: null, requestId: null, locale: 'it' },
  })
})
afterAll(async () => t?.close())

const newAddress = () => `10.${randomInt(0, 255)}.${randomInt(0, 255)}.${randomInt(1, 254)}`

function post(
  url: string,
  payload?: object,
  options: { headers?: Record<string, string>; from?: string } = {},
) {
  return t.app.inject({
    method: 'POST',
    url: `/api/v1${url}`,
    headers: options.headers ?? {},
    remoteAddress: options.from ?? newAddress(),
    ...(payload ? { payload } : {}),
  })
}

async function startSession(locale?: 'it' | 'en', from?: string): Promise<string> {
  const started = await post('/assistant/sessions', locale ? { locale } : {}, { from })
  expect(started.statusCode).toBe(201)
  return started.json().sessionId
}

async function ask(sessionId: string, text: string, from?: string) {
  const reply = await post(`/assistant/sessions/${sessionId}/questions`, { text }, { from })
  expect(reply.statusCode).toBe(200)
  return reply.json()
}

async function proofFor(email: string): Promise<string> {
  const from = newAddress()
  expect((await post('/tickets/email-challenges', { email }, { from })).statusCode).toBe(202)
  const [message] = await listLatestDevOutboxMessages(t.runtime.db, { limit: 1, recipient: email })
  const code = /\b(\d{6})\b/.exec(message?.text ?? '')?.[1] as string
  const verified = await post('/tickets/email-challenges/verify', { email, code }, { from })
  expect(verified.statusCode).toBe(200)
  return verified.json().proof
}

async function ticketWithBody(code: string) {
  const [ticket] = await t.runtime.db.select().from(tickets).where(eq(tickets.code, code))
  const [message] = await t.runtime.db
    .select()
    .from(ticketMessages)
    .where(eq(ticketMessages.ticketId, ticket!.id))
  const [contact] = await t.runtime.db
    .select()
    .from(ticketContacts)
    .where(eq(ticketContacts.id, ticket!.contactId))
  return { ticket: ticket!, body: message!.body, contact: contact! }
}

describe('a conversation', () => {
  it('answers with the best entry, its links and actions, and other answers', async () => {
    const sessionId = await startSession()
    const reply = await ask(sessionId, 'Vorrei rinnovare la carta d’identità')
    expect(reply.understood).toBe(true)
    expect(reply.answer.question).toBe('Come rinnovo la CIE?')
    expect(reply.answer.language).toBe('it')
    expect(reply.answer.serviceSlugs).toContain('carta-identita-elettronica')
    expect(reply.answer.actions).toContainEqual({ kind: 'appointment', target: 'carta-identita-elettronica' })
    expect(reply.alternatives.length).toBeLessThanOrEqual(2)
    expect(reply.handOffOffered).toBe(false)
    const shown = await t.app.inject({
      method: 'GET',
      url: `/api/v1/assistant/entries/${reply.answer.entryId}`,
    })
    expect(shown.json().question).toBe('Come rinnovo la CIE?')
  })

  it('says it did not understand, and offers the hand-off', async () => {
    const sessionId = await startSession()
    const reply = await ask(sessionId, 'qual è la ricetta della cassoeula?')
    expect(reply).toMatchObject({ understood: false, answer: null, alternatives: [], handOffOffered: true })
    expect(reply.message).toMatch(/Non ho capito/)
  })

  it('answers in English when the conversation is in English', async () => {
    const sessionId = await startSession('en')
    const reply = await ask(sessionId, 'How can I pay a parking fine?')
    expect(reply.answer).toMatchObject({ language: 'en', question: 'How do I pay a traffic fine?' })
  })

  it('takes a rating of an answer of the same conversation only', async () => {
    const sessionId = await startSession()
    const reply = await ask(sessionId, 'come pago la TARI')
    const rate = (session: string, helpful: boolean) =>
      post(`/assistant/sessions/${session}/questions/${reply.questionId}/feedback`, { helpful })
    expect((await rate(sessionId, true)).statusCode).toBe(204)
    expect((await rate(await startSession(), false)).statusCode).toBe(404)
    expect((await rate(randomUUID(), false)).statusCode).toBe(404)
  })

  it('refuses unknown conversations and bad input, in the asker’s language', async () => {
    expect((await post(`/assistant/sessions/${randomUUID()}/questions`, { text: 'TARI' })).statusCode).toBe(
      404,
    )
    const sessionId = await startSession()
    const italian = await post(`/assistant/sessions/${sessionId}/questions`, { text: '' })
    expect(italian.statusCode).toBe(400)
    expect(italian.json().title).toBe('Dati non validi')
    const english = await post(
      `/assistant/sessions/${sessionId}/questions`,
      { text: 'x'.repeat(501) },
      { headers: { 'accept-language': 'en' } },
    )
    expect(english.statusCode).toBe(400)
    expect(english.json().title).toBe('Invalid data')
    expect((await post('/assistant/sessions/not-a-uuid/questions', { text: 'TARI' })).statusCode).toBe(400)
    expect((await post('/assistant/sessions', { locale: 'fr' })).statusCode).toBe(400)
  })

  it('limits how many conversations one address starts', async () => {
    const from = newAddress()
    for (let i = 0; i < 20; i++)
      expect((await post('/assistant/sessions', {}, { from })).statusCode).toBe(201)
    const limited = await post('/assistant/sessions', {}, { from })
    expect(limited.statusCode).toBe(429)
    expect(limited.headers['retry-after']).toBeDefined()
    expect((await post('/assistant/sessions', {}, { from: newAddress() })).statusCode).toBe(201)
  })
})

describe('talking to a person', () => {
  it('opens a ticket with the transcript for a signed-in citizen, once per conversation', async () => {
    const citizen = await createCitizenSession(t.runtime)
    const sessionId = await startSession()
    await ask(sessionId, 'come pago la TARI')
    await ask(sessionId, 'ho pagato due volte la stessa rata')
    const handed = await post(`/assistant/sessions/${sessionId}/hand-off`, {}, { headers: citizen.headers })
    expect(handed.statusCode).toBe(201)
    expect(handed.json()).toMatchObject({ outcome: 'ticket', created: true })
    const { ticket, body, contact } = await ticketWithBody(handed.json().ticketCode)
    expect(ticket.channel).toBe('chatbot')
    expect(ticket.externalRef).toBe(sessionId)
    expect(contact.fiscalCode).toBe(citizen.fiscalCode)
    expect(body).toContain('ho pagato due volte la stessa rata')
    expect(body).toContain('come pago la TARI')
    expect(body).toContain('Come pago la TARI?')
    const again = await post(`/assistant/sessions/${sessionId}/hand-off`, {}, { headers: citizen.headers })
    expect(again.statusCode).toBe(200)
    expect(again.json()).toEqual({ outcome: 'ticket', ticketCode: ticket.code, created: false })
    const audits = await t.runtime.db.select().from(auditLog).where(eq(auditLog.subjectId, sessionId))
    expect(audits.map((row) => row.action)).toEqual(['assistant-session.handed-off'])
  })

  it('offers the contact centre to someone anonymous without a verified address', async () => {
    const sessionId = await startSession()
    await ask(sessionId, 'non trovo il mio fascicolo')
    const offered = await post(`/assistant/sessions/${sessionId}/hand-off`, {})
    expect(offered.statusCode).toBe(200)
    expect(offered.json()).toMatchObject({ outcome: 'contact-centre', phone: expect.any(String) })
    expect(offered.json().hours).toMatch(/lunedì/)
  })

  it('opens a ticket for someone anonymous with a verified e-mail address, and refuses a used proof', async () => {
    const email = `chat-${randomUUID()}@example.it`
    const proof = await proofFor(email)
    const sessionId = await startSession()
    await ask(sessionId, 'la mia pratica edilizia è ferma da mesi')
    const handed = await post(`/assistant/sessions/${sessionId}/hand-off`, { email, proof })
    expect(handed.statusCode).toBe(201)
    const { ticket, body, contact } = await ticketWithBody(handed.json().ticketCode)
    expect(ticket.channel).toBe('chatbot')
    expect(contact).toMatchObject({ email, emailVerified: true, fiscalCode: null })
    expect(body).toContain('la mia pratica edilizia è ferma da mesi')
    const other = await startSession()
    await ask(other, 'ancora la pratica edilizia')
    const reused = await post(`/assistant/sessions/${other}/hand-off`, { email, proof })
    expect(reused.statusCode).toBe(422)
  })

  it('needs something to hand off', async () => {
    const citizen = await createCitizenSession(t.runtime)
    const empty = await post(
      `/assistant/sessions/${await startSession()}/hand-off`,
      {},
      { headers: citizen.headers },
    )
    expect(empty.statusCode).toBe(422)
    const withQuestion = await post(
      `/assistant/sessions/${await startSession()}/hand-off`,
      { question: 'Vorrei parlare con un operatore' },
      { headers: citizen.headers },
    )
    expect(withQuestion.statusCode).toBe(201)
  })
})

describe('figures', () => {
  it('counts sessions, questions, unanswered, ratings and hand-offs per month', async () => {
    const month = manualClock('2031-09-03T08:00:00Z')
    const before = await countAssistantFigures(t.runtime, { from: '2031-09', to: '2031-10' })
    clock.set(month.now())
    try {
      const citizen = await createCitizenSession(t.runtime)
      const first = await startSession()
      const answered = await ask(first, 'come pago la TARI')
      await ask(first, 'qual è la ricetta della cassoeula?')
      await post(`/assistant/sessions/${first}/questions/${answered.questionId}/feedback`, { helpful: false })
      await post(`/assistant/sessions/${first}/questions/${answered.questionId}/feedback`, { helpful: true })
      const second = await startSession()
      const other = await ask(second, 'come pago una multa')
      await post(`/assistant/sessions/${second}/questions/${other.questionId}/feedback`, { helpful: false })
      expect(
        (await post(`/assistant/sessions/${second}/hand-off`, {}, { headers: citizen.headers })).statusCode,
      ).toBe(201)
    } finally {
      clock.set('2031-05-10T09:00:00Z')
    }
    const after = await countAssistantFigures(t.runtime, { from: '2031-09', to: '2031-10' })
    const delta = (key: keyof (typeof after)[number]) => Number(after[0]![key]) - Number(before[0]![key])
    expect(after.map((row) => row.month)).toEqual(['2031-09', '2031-10'])
    expect(delta('sessions')).toBe(2)
    expect(delta('questions')).toBe(3)
    expect(delta('unanswered')).toBe(1)
    expect(delta('helpful')).toBe(1)
    expect(delta('notHelpful')).toBe(1)
    expect(delta('handOffs')).toBe(1)
    expect(after[1]).toMatchObject({ sessions: 0, questions: 0, handOffs: 0 })
  })
})

describe('retention', () => {
  it('blanks what people typed after the retention period and keeps the counts', async () => {
    clock.set('2031-05-10T09:00:00Z')
    const sessionId = await startSession()
    const reply = await ask(sessionId, 'come pago la TARI')
    const before = await countAssistantFigures(t.runtime, { from: '2031-05', to: '2031-05' })
    clock.set('2031-08-20T09:00:00Z')
    try {
      expect(await blankOldTranscripts(t.runtime)).toBeGreaterThan(0)
    } finally {
      clock.set('2031-05-10T09:00:00Z')
    }
    const [row] = await t.runtime.db
      .select()
      .from(assistantQuestions)
      .where(eq(assistantQuestions.id, reply.questionId))
    expect(row).toMatchObject({ text: '', normalizedText: '', replyText: '', understood: true })
    expect(await countAssistantFigures(t.runtime, { from: '2031-05', to: '2031-05' })).toEqual(before)
  })
})
