import { randomInt, randomUUID } from 'node:crypto'
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditLog } from '../../platform/audit-tables.js'
import { manualClock } from '../../platform/clock.js'
import { createTestApp, type TestApp } from '../../test/app.js'
import { createCitizenSession, createStaffSession, type TestSession } from '../../test/identity.js'

const clock = manualClock('2032-02-10T09:00:00Z')
let t: TestApp
let supervisor: TestSession
let admin: TestSession
let operator: TestSession
let analyst: TestSession
let citizen: TestSession

beforeAll(async () => {
  t = await createTestApp({ clock, work: false })
  supervisor = await createStaffSession(t.runtime, { roles: ['supervisor'] })
  admin = await createStaffSession(t.runtime, { roles: ['admin'] })
  operator = await createStaffSession(t.runtime, { roles: ['operator'] })
  analyst = await createStaffSession(t.runtime, { roles: ['analyst'] })
  citizen = await createCitizenSession(t.runtime)
})
afterAll(async () => t?.close())

const newAddress = () => `10.${randomInt(0, 255)}.${randomInt(0, 255)}.${randomInt(1, 254)}`

function call(
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
  url: string,
  who?: TestSession,
  payload?: object,
  headers: Record<string, string> = {},
) {
  return t.app.inject({
    method,
    url: `/api/v1${url}`,
    headers: { ...(who?.headers ?? {}), ...headers },
    remoteAddress: newAddress(),
    ...(payload ? { payload } : {}),
  })
}

// Words no other entry has, so entries of this file never answer another file's questions.
const word = () =>
  `zq${randomUUID()
    .replace(/[^a-f]/g, '')
    .slice(0, 8)}`

const entryInput = (extra: object = {}) => ({
  topic: 'prova',
  questionIt: `Come funziona il ${word()}?`,
  answerIt: 'Funziona **così**.',
  ...extra,
})

describe('the knowledge base', () => {
  it('lets supervisors and admins create, change and delete entries, with audit rows', async () => {
    const created = await call(
      'POST',
      '/staff/assistant/entries',
      supervisor,
      entryInput({ phrasingsIt: ['uno due tre'] }),
    )
    expect(created.statusCode).toBe(201)
    const entry = created.json()
    expect(entry).toMatchObject({
      topic: 'prova',
      published: false,
      phrasingsIt: ['uno due tre'],
      answerEn: null,
    })
    const changed = await call('PATCH', `/staff/assistant/entries/${entry.id}`, admin, {
      published: true,
      answerEn: 'It works **like this**.',
      actions: [{ kind: 'payment', target: 'tari' }],
    })
    expect(changed.statusCode).toBe(200)
    expect(changed.json()).toMatchObject({ published: true, answerEn: 'It works **like this**.' })
    expect((await call('GET', `/staff/assistant/entries/${entry.id}`, operator)).json().published).toBe(true)
    const listed = await call('GET', '/staff/assistant/entries?topic=prova&published=true', operator)
    expect(listed.json().items.map((item: { id: string }) => item.id)).toContain(entry.id)
    expect((await call('DELETE', `/staff/assistant/entries/${entry.id}`, supervisor)).statusCode).toBe(204)
    expect((await call('GET', `/staff/assistant/entries/${entry.id}`, supervisor)).statusCode).toBe(404)
    const audits = await t.runtime.db.select().from(auditLog).where(eq(auditLog.subjectId, entry.id))
    expect(audits.map((row) => row.action).sort()).toEqual([
      'assistant-entry.created',
      'assistant-entry.deleted',
      'assistant-entry.updated',
    ])
  })

  it('refuses editing to citizens, operators, analysts and anonymous callers', async () => {
    const entry = (await call('POST', '/staff/assistant/entries', supervisor, entryInput())).json()
    for (const who of [citizen, operator, analyst]) {
      expect((await call('POST', '/staff/assistant/entries', who, entryInput())).statusCode).toBe(403)
      expect(
        (await call('PATCH', `/staff/assistant/entries/${entry.id}`, who, { published: true })).statusCode,
      ).toBe(403)
      expect((await call('DELETE', `/staff/assistant/entries/${entry.id}`, who)).statusCode).toBe(403)
      expect(
        (await call('POST', '/staff/assistant/synonyms', who, { terms: [word(), word()] })).statusCode,
      ).toBe(403)
    }
    expect((await call('GET', '/staff/assistant/entries', citizen)).statusCode).toBe(403)
    expect((await call('POST', '/staff/assistant/entries', undefined, entryInput())).statusCode).toBe(401)
    expect((await call('GET', `/staff/assistant/entries/${entry.id}`)).statusCode).toBe(401)
    // Unpublished entries are not shown to the public.
    expect((await call('GET', `/assistant/entries/${entry.id}`)).statusCode).toBe(404)
  })

  it('answers bad input with a 400 in the caller’s language, and unknown service pages with a 422', async () => {
    const italian = await call('POST', '/staff/assistant/entries', supervisor, {
      topic: 'Non Valido',
      questionIt: 'x',
    })
    expect(italian.statusCode).toBe(400)
    expect(italian.json().title).toBe('Dati non validi')
    const english = await call(
      'POST',
      '/staff/assistant/entries',
      supervisor,
      entryInput({ actions: [{ kind: 'teleport', target: 'x' }] }),
      { 'accept-language': 'en' },
    )
    expect(english.statusCode).toBe(400)
    expect(english.json().title).toBe('Invalid data')
    const unknown = await call(
      'POST',
      '/staff/assistant/entries',
      supervisor,
      entryInput({ serviceSlugs: ['servizio-che-non-esiste'] }),
    )
    expect(unknown.statusCode).toBe(422)
    expect(unknown.json().detail).toContain('servizio-che-non-esiste')
    expect(
      (await call('PATCH', `/staff/assistant/entries/${randomUUID()}`, supervisor, { published: true }))
        .statusCode,
    ).toBe(404)
  })
})

describe('synonyms', () => {
  it('are kept by staff and widen the search at once', async () => {
    const [thing, alias] = [word(), word()]
    const entry = (
      await call(
        'POST',
        '/staff/assistant/entries',
        supervisor,
        entryInput({ questionIt: `Dove trovo il ${thing}?`, published: true }),
      )
    ).json()
    const session = (await call('POST', '/assistant/sessions', undefined, {})).json().sessionId
    const ask = async () =>
      (
        await call('POST', `/assistant/sessions/${session}/questions`, undefined, { text: `cerco ${alias}` })
      ).json()
    expect((await ask()).understood).toBe(false)
    const group = await call('POST', '/staff/assistant/synonyms', supervisor, { terms: [thing, alias] })
    expect(group.statusCode).toBe(201)
    const reply = await ask()
    expect(reply.understood).toBe(true)
    expect(reply.answer.entryId).toBe(entry.id)
    const listed = await call('GET', '/staff/assistant/synonyms', operator)
    expect(listed.json().items.map((item: { id: string }) => item.id)).toContain(group.json().id)
    const replaced = await call('PUT', `/staff/assistant/synonyms/${group.json().id}`, admin, {
      language: 'it',
      terms: [thing, word()],
    })
    expect(replaced.statusCode).toBe(200)
    expect((await ask()).understood).toBe(false)
    expect(
      (await call('DELETE', `/staff/assistant/synonyms/${group.json().id}`, supervisor)).statusCode,
    ).toBe(204)
    expect(
      (await call('DELETE', `/staff/assistant/synonyms/${group.json().id}`, supervisor)).statusCode,
    ).toBe(404)
    expect((await call('POST', '/staff/assistant/synonyms', supervisor, { terms: [thing] })).statusCode).toBe(
      400,
    )
  })
})

describe('unanswered questions', () => {
  it('are listed grouped with counts, and handled by linking an entry that then answers them', async () => {
    const [a, b] = [word(), word()]
    const question = `Perché il ${a} ${b} è chiuso?`
    for (const text of [question, question.toUpperCase(), `perche il ${a} ${b} e chiuso`]) {
      const session = (await call('POST', '/assistant/sessions', undefined, {})).json().sessionId
      const reply = await call('POST', `/assistant/sessions/${session}/questions`, undefined, { text })
      expect(reply.json().understood).toBe(false)
    }
    expect((await call('GET', '/staff/assistant/unanswered', operator)).statusCode).toBe(403)
    const listed = await call('GET', '/staff/assistant/unanswered', analyst)
    const group = listed
      .json()
      .items.find((item: { normalizedText: string }) => item.normalizedText.includes(a))
    expect(group).toMatchObject({ normalizedText: `perche il ${a} ${b} e chiuso`, count: 3 })

    const entry = (
      await call(
        'POST',
        '/staff/assistant/entries',
        supervisor,
        entryInput({ questionIt: 'Orari di apertura', published: true }),
      )
    ).json()
    const handle = { normalizedText: group.normalizedText, entryId: entry.id }
    expect((await call('POST', '/staff/assistant/unanswered/handled', analyst, handle)).statusCode).toBe(403)
    const handled = await call('POST', '/staff/assistant/unanswered/handled', supervisor, handle)
    expect(handled.json()).toEqual({ questions: 3 })
    expect((await call('POST', '/staff/assistant/unanswered/handled', supervisor, handle)).statusCode).toBe(
      404,
    )
    const after = (await call('GET', '/staff/assistant/unanswered', admin)).json()
    expect(after.items.some((item: { normalizedText: string }) => item.normalizedText.includes(a))).toBe(
      false,
    )

    const session = (await call('POST', '/assistant/sessions', undefined, {})).json().sessionId
    const reply = await call('POST', `/assistant/sessions/${session}/questions`, undefined, {
      text: question,
    })
    expect(reply.json().answer.entryId).toBe(entry.id)
  })

  it('figures are for analysts, supervisors and admins', async () => {
    expect((await call('GET', '/staff/assistant/figures?from=2032-01&to=2032-02', analyst)).statusCode).toBe(
      200,
    )
    expect((await call('GET', '/staff/assistant/figures?from=2032-01&to=2032-02', operator)).statusCode).toBe(
      403,
    )
    expect((await call('GET', '/staff/assistant/figures?from=2032-01&to=2032-02', citizen)).statusCode).toBe(
      403,
    )
    expect((await call('GET', '/staff/assistant/figures?from=2032-13&to=2032-02', admin)).statusCode).toBe(
      400,
    )
    expect((await call('GET', '/staff/assistant/figures?from=2032-03&to=2032-02', admin)).statusCode).toBe(
      400,
    )
  })
})
