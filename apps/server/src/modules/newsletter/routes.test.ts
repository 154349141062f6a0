import { randomUUID } from 'node:crypto'
import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { devOutbox } from '../../platform/outbox/tables.js'
import { createTestApp, type TestApp } from '../../test/app.js'
import { eventually } from '../../test/eventually.js'
import { createCitizenSession, createStaffSession, type TestSession } from '../../test/identity.js'
import { uniqueTopic } from '../../test/newsletter.js'
import { startSmtpSink } from '../../test/smtp-sink.js'
import { seedNewsletterTopics } from './seed.js'
import { newsletterSubscribers } from './tables.js'

const TOKEN_IN_LINK = /token=([A-Za-z0-9_-]+)/

describe('the "Informami" newsletter', () => {
  let t: TestApp
  let analyst: TestSession

  beforeAll(async () => {
    t = await createTestApp({ work: true, env: { NEWSLETTER_SUBSCRIBE_LIMIT_PER_MINUTE: '1000' } })
    await seedNewsletterTopics(t.runtime)
    analyst = await createStaffSession(t.runtime, { roles: ['analyst'] })
  })
  afterAll(async () => {
    await t?.close()
  })

  const post = (url: string, payload: object, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'POST', url, payload, headers })
  const staffGet = (url: string, session = analyst) =>
    t.app.inject({ method: 'GET', url, headers: session.headers })

  async function confirmationLink(email: string): Promise<string> {
    const mail = await eventually(async () => {
      const [row] = await t.runtime.db
        .select()
        .from(devOutbox)
        .where(and(eq(devOutbox.channel, 'email'), eq(devOutbox.recipient, email)))
      return row
    })
    expect(mail.subject).toContain('Conferma la tua iscrizione')
    const token = TOKEN_IN_LINK.exec(mail.text)?.[1]
    if (!token) throw new Error('no token in the confirmation e-mail')
    return token
  }

  async function subscribeAndConfirm(email: string, topics: string[]): Promise<void> {
    const asked = await post('/api/v1/newsletter/subscriptions', { email, topics, privacyAccepted: true })
    expect(asked.statusCode).toBe(202)
    const token = await confirmationLink(email)
    const confirmed = await post('/api/v1/newsletter/subscriptions/confirm', { token })
    expect(confirmed.statusCode).toBe(200)
    expect(confirmed.json()).toMatchObject({ status: 'active', topics: [...topics].sort() })
  }

  it('lists the topics anyone can subscribe to, in the reader’s language', async () => {
    const topics = await t.app.inject({
      method: 'GET',
      url: '/api/v1/newsletter/topics',
      headers: { 'accept-language': 'en' },
    })
    expect(topics.json()).toContainEqual(
      expect.objectContaining({ id: 'mobilita', title: 'Mobility and traffic' }),
    )
  })

  it('counts an address only after its owner confirms, and refuses bad requests in Italian', async () => {
    const email = `double-${randomUUID().slice(0, 8)}@example.it`
    const unknown = await post('/api/v1/newsletter/subscriptions', {
      email,
      topics: ['gossip'],
      privacyAccepted: true,
    })
    expect(unknown.statusCode).toBe(400)
    expect(unknown.json().detail).toContain('Argomenti non disponibili: gossip')
    const noConsent = await post('/api/v1/newsletter/subscriptions', { email, topics: ['mobilita'] })
    expect(noConsent.statusCode).toBe(400)
    expect(
      (
        await post('/api/v1/newsletter/subscriptions', {
          email: 'not-an-address',
          topics: ['mobilita'],
          privacyAccepted: true,
        })
      ).statusCode,
    ).toBe(400)

    const asked = await post('/api/v1/newsletter/subscriptions', {
      email: email.toUpperCase(),
      topics: ['mobilita', 'ambiente'],
      privacyAccepted: true,
    })
    expect(asked.statusCode).toBe(202)
    const [pending] = await t.runtime.db
      .select()
      .from(newsletterSubscribers)
      .where(eq(newsletterSubscribers.email, email))
    expect(pending).toMatchObject({ status: 'pending', topics: [] })
    // Asking again at once answers the same and sends no second e-mail.
    expect(
      (await post('/api/v1/newsletter/subscriptions', { email, topics: ['mobilita'], privacyAccepted: true }))
        .statusCode,
    ).toBe(202)

    const token = await confirmationLink(email)
    expect(
      (await post('/api/v1/newsletter/subscriptions/confirm', { token: 'x'.repeat(32) })).statusCode,
    ).toBe(404)
    const confirmed = await post('/api/v1/newsletter/subscriptions/confirm', { token })
    expect(confirmed.json()).toEqual({
      email: `d•••@example.it`,
      status: 'active',
      topics: ['ambiente', 'mobilita'],
    })
    const reused = await post('/api/v1/newsletter/subscriptions/confirm', { token })
    expect(reused.statusCode).toBe(404)
    expect(reused.json().detail).toBe('Il link non è valido o è scaduto. Puoi ripetere l’iscrizione.')
    const mails = await t.runtime.db.select().from(devOutbox).where(eq(devOutbox.recipient, email))
    expect(mails).toHaveLength(1)
  })

  it('keeps campaigns to the communication staff', async () => {
    const citizen = await createCitizenSession(t.runtime)
    const operator = await createStaffSession(t.runtime, { roles: ['operator'] })
    expect((await staffGet('/api/v1/staff/newsletter/campaigns', citizen)).statusCode).toBe(403)
    expect((await staffGet('/api/v1/staff/newsletter/campaigns', operator)).statusCode).toBe(403)
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/staff/newsletter/campaigns' })).statusCode,
    ).toBe(401)
    expect((await staffGet('/api/v1/staff/newsletter/campaigns')).statusCode).toBe(200)
  })

  it('sends a campaign to the confirmed subscribers of its topics, with one-click unsubscribe', async () => {
    const topic = `t-${randomUUID().slice(0, 8)}`
    const created = await post(
      '/api/v1/staff/newsletter/topics',
      { id: topic, title: { it: 'Prova', en: 'Test' }, description: { it: 'Per i test', en: 'For tests' } },
      analyst.headers,
    )
    expect(created.statusCode).toBe(201)
    const readers = [0, 1, 2].map((n) => `reader${n}-${topic}@example.it`)
    for (const email of readers) await subscribeAndConfirm(email, [topic])
    // Pending only: never confirmed, so never sent to.
    await post('/api/v1/newsletter/subscriptions', {
      email: `pending-${topic}@example.it`,
      topics: [topic],
      privacyAccepted: true,
    })

    const draft = await post(
      '/api/v1/staff/newsletter/campaigns',
      {
        subject: { it: 'Novità di dicembre', en: 'December news' },
        body: { it: 'Ciao **a tutti**', en: 'Hello **all**' },
        topics: [topic],
      },
      analyst.headers,
    )
    expect(draft.statusCode).toBe(201)
    const id = draft.json().id
    expect(draft.json()).toMatchObject({
      status: 'draft',
      previewHtml: '<p>Ciao <strong>a tutti</strong></p>\n',
    })
    const sent = await post(`/api/v1/staff/newsletter/campaigns/${id}/send`, {}, analyst.headers)
    expect(sent.statusCode).toBe(202)
    expect(sent.json()).toMatchObject({ status: 'sending', recipients: 3 })
    expect(
      (await post(`/api/v1/staff/newsletter/campaigns/${id}/send`, {}, analyst.headers)).statusCode,
    ).toBe(409)
    const change = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/staff/newsletter/campaigns/${id}`,
      headers: analyst.headers,
      payload: { subject: { it: 'Troppo tardi' } },
    })
    expect(change.statusCode).toBe(409)

    const done = await eventually(async () => {
      const view = (await staffGet(`/api/v1/staff/newsletter/campaigns/${id}`)).json()
      return view.status === 'sent' ? view : undefined
    })
    expect(done.counts).toEqual({ queued: 0, sent: 3, failed: 0, skipped: 0, unsubscribed: 0 })

    const [mail] = await t.runtime.db
      .select()
      .from(devOutbox)
      .where(eq(devOutbox.recipient, readers[0] as string))
      .then((rows) => rows.filter((row) => row.subject === 'Novità di dicembre'))
    expect(mail?.html).toContain('<strong>a tutti</strong>')
    expect(mail?.headers?.['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click')
    const header = mail?.headers?.['List-Unsubscribe'] ?? ''
    const oneClick = new URL(header.slice(1, -1))
    expect(oneClick.searchParams.get('c')).toBe(id)

    // A link scanner's GET changes nothing: it is sent to the page that asks first.
    const scanned = await t.app.inject({ method: 'GET', url: `${oneClick.pathname}${oneClick.search}` })
    expect(scanned.statusCode).toBe(303)
    expect(scanned.headers.location).toMatch(/^\/informami\/disiscrizione\?token=/)
    // The mail client's RFC 8058 POST unsubscribes at once; doing it twice is harmless.
    for (let i = 0; i < 2; i++) {
      const clicked = await t.app.inject({
        method: 'POST',
        url: `${oneClick.pathname}${oneClick.search}`,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: 'List-Unsubscribe=One-Click',
      })
      expect(clicked.statusCode).toBe(200)
    }
    const after = (await staffGet(`/api/v1/staff/newsletter/campaigns/${id}`)).json()
    expect(after.counts.unsubscribed).toBe(1)
    const topics = (await staffGet('/api/v1/staff/newsletter/topics')).json()
    expect(topics.find((entry: { id: string }) => entry.id === topic).subscribers).toBe(2)

    const token = oneClick.searchParams.get('token') as string
    const page = await post('/api/v1/newsletter/subscription', { token })
    expect(page.json()).toMatchObject({ status: 'unsubscribed' })
    expect((await post('/api/v1/newsletter/subscription', { token: 'y'.repeat(32) })).statusCode).toBe(404)
  })

  it('refuses a campaign nobody would receive', async () => {
    const topic = `empty-${randomUUID().slice(0, 8)}`
    await post(
      '/api/v1/staff/newsletter/topics',
      { id: topic, title: { it: 'Vuoto', en: 'Empty' }, description: { it: 'Nessuno', en: 'Nobody' } },
      analyst.headers,
    )
    const draft = await post(
      '/api/v1/staff/newsletter/campaigns',
      { subject: { it: 'A nessuno' }, body: { it: 'Testo' }, topics: [topic] },
      analyst.headers,
    )
    const sent = await post(`/api/v1/staff/newsletter/campaigns/${draft.json().id}/send`, {}, analyst.headers)
    expect(sent.statusCode).toBe(409)
    expect(sent.json().detail).toBe('Nessun iscritto confermato per gli argomenti scelti.')
    expect((await staffGet(`/api/v1/staff/newsletter/campaigns/${draft.json().id}`)).json().status).toBe(
      'draft',
    )
  })
})

describe('campaign sending through an SMTP relay', () => {
  it('marks a refused mailbox failed and delivers the rest once', async () => {
    const refused = `nobody-${randomUUID().slice(0, 8)}@example.it`
    const sink = await startSmtpSink({ refuse: [refused] })
    const t = await createTestApp({
      work: true,
      env: {
        SMTP_URL: sink.url,
        MAIL_FROM: 'Comune <informami@comune.example.it>',
        NEWSLETTER_SUBSCRIBE_LIMIT_PER_MINUTE: '1000',
      },
    })
    try {
      // A topic of its own: on PostgreSQL the database is shared with the other test files.
      const topic = await uniqueTopic(t.runtime.db)
      const analyst = await createStaffSession(t.runtime, { roles: ['analyst'] })
      const emails = [refused, ...Array.from({ length: 40 }, (_, n) => `r${n}-${topic}@example.it`)]
      await t.runtime.db.insert(newsletterSubscribers).values(
        emails.map((email) => ({
          email,
          status: 'active',
          topics: [topic],
          unsubscribeToken: randomUUID(),
        })),
      )
      const draft = await t.app.inject({
        method: 'POST',
        url: '/api/v1/staff/newsletter/campaigns',
        headers: analyst.headers,
        payload: {
          subject: { it: 'Aria pulita' },
          body: { it: 'Le misure di questo inverno.' },
          topics: [topic],
        },
      })
      const id = draft.json().id
      await t.app.inject({
        method: 'POST',
        url: `/api/v1/staff/newsletter/campaigns/${id}/send`,
        headers: analyst.headers,
      })
      const done = await eventually(async () => {
        const view = (
          await t.app.inject({
            method: 'GET',
            url: `/api/v1/staff/newsletter/campaigns/${id}`,
            headers: analyst.headers,
          })
        ).json()
        return view.status === 'sent' ? view : undefined
      })
      expect(done.counts).toMatchObject({ sent: 40, failed: 1, queued: 0 })
      expect(sink.received).toHaveLength(40)
      expect(new Set(sink.received.map((mail) => mail.messageId)).size).toBe(40)
      expect(sink.received[0]?.headers).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click$/m)
    } finally {
      await t.close()
      await sink.close()
    }
  })
})
