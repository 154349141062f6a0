import type { AddressInfo } from 'node:net'
import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { inTransaction } from '../../db/transaction.js'
import { devOutbox } from '../../platform/outbox/tables.js'
import { createTestApp, type TestApp } from '../../test/app.js'
import { eventually } from '../../test/eventually.js'
import { type CreatedMember, createHousehold } from '../../test/households.js'
import { createCitizenSession, createStaffSession, type TestSession } from '../../test/identity.js'
import { addRecords, identityCard } from '../../test/records.js'
import { DOCUMENT_EXPIRING_TEMPLATE } from '../folder/reminders.js'
import { citizenAccounts } from '../identity/tables.js'
import { romeCalendarDate } from '../registry/calendar-days.js'
import { notifyDeps } from './jobs.js'
import { runDailyRules } from './rules.js'
import { notifyCitizen } from './service.js'
import { notificationDeliveries } from './tables.js'

function dayFromToday(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10)
}

describe('notifications', () => {
  let t: TestApp
  let citizen: CreatedMember
  let session: TestSession
  let email: string

  beforeAll(async () => {
    t = await createTestApp({ work: true })
    ;[citizen] = (await createHousehold(t.runtime.db, [
      { relationship: 'head', birthDate: '1980-02-02' },
    ])) as [CreatedMember]
    session = await createCitizenSession(t.runtime, { fiscalCode: citizen.fiscalCode, personId: citizen.id })
    email = `${citizen.fiscalCode.toLowerCase()}@example.it`
    await t.runtime.db
      .update(citizenAccounts)
      .set({ email, emailVerifiedAt: new Date() })
      .where(eq(citizenAccounts.fiscalCode, citizen.fiscalCode))
  })
  afterAll(async () => {
    await t?.close()
  })

  const notify = (dedupeKey: string, validUntil = '2027-03-01') =>
    inTransaction(t.runtime.db, (tx) =>
      notifyCitizen(tx, notifyDeps(t.runtime), {
        recipientFiscalCode: citizen.fiscalCode,
        template: DOCUMENT_EXPIRING_TEMPLATE,
        params: { kind: 'identity-card', reference: 'CA12345AB', validUntil },
        dedupeKey,
        dueDate: validUntil,
        action: { url: '/servizi/carta-identita-elettronica' },
      }),
    )
  const get = (url: string, headers = session.headers) => t.app.inject({ method: 'GET', url, headers })
  const patch = (url: string, payload: object, headers = session.headers) =>
    t.app.inject({ method: 'PATCH', url, headers, payload })

  it('writes the message once and delivers it by e-mail and App IO through the worker', async () => {
    const first = await notify(`test:${citizen.fiscalCode}:1`)
    const again = await notify(`test:${citizen.fiscalCode}:1`)
    expect(first).toMatchObject({ created: true, channels: ['email', 'io'] })
    expect(again).toMatchObject({ created: false, messageId: first.messageId })

    const statuses = await eventually(async () => {
      const rows = await t.runtime.db
        .select()
        .from(notificationDeliveries)
        .where(eq(notificationDeliveries.messageId, first.messageId))
      const byChannel = Object.fromEntries(rows.map((row) => [row.channel, row.status]))
      return byChannel.email === 'sent' && byChannel.io === 'delivered' ? byChannel : undefined
    })
    expect(statuses).toEqual({ email: 'sent', io: 'delivered' })
    const mail = await t.runtime.db
      .select()
      .from(devOutbox)
      .where(and(eq(devOutbox.channel, 'email'), eq(devOutbox.recipient, email)))
    expect(mail).toHaveLength(1)
    expect(mail[0]?.subject).toBe("La tua carta d'identità scade il 1 marzo 2027")
    expect(mail[0]?.html).toContain('<strong>1 marzo 2027</strong>')
    expect(mail[0]?.text).toMatch(
      /Messaggio del Comune( di [A-Z]\w+)?\. Lo trovi anche nella tua area personale: http/,
    )
    const io = await t.runtime.db
      .select()
      .from(devOutbox)
      .where(and(eq(devOutbox.channel, 'io'), eq(devOutbox.recipient, citizen.fiscalCode)))
    expect(io).toHaveLength(1)
    expect(io[0]?.text.length).toBeGreaterThanOrEqual(80)
  })

  it('lists, searches, reads and archives messages, and shows nothing of them to anyone else', async () => {
    const { messageId } = await notify(`test:${citizen.fiscalCode}:2`, '2027-04-02')
    const inbox = (await get('/api/v1/notifications')).json()
    expect(inbox.unread).toBeGreaterThanOrEqual(2)
    const item = inbox.items.find((entry: { id: string }) => entry.id === messageId)
    expect(item).toMatchObject({
      topic: 'deadlines',
      subject: "La tua carta d'identità scade il 2 aprile 2027",
      dueDate: '2027-04-02',
      action: { url: '/servizi/carta-identita-elettronica', label: 'Come rinnovare' },
      readAt: null,
    })
    expect(item.bodyHtml).toContain('<strong>2 aprile 2027</strong>')

    expect(
      (await get('/api/v1/notifications?q=aprile')).json().items.map((entry: { id: string }) => entry.id),
    ).toEqual([messageId])
    expect((await patch(`/api/v1/notifications/${messageId}`, { read: true })).json().readAt).not.toBeNull()
    expect(
      (await get('/api/v1/notifications?unread=true')).json().items.map((entry: { id: string }) => entry.id),
    ).not.toContain(messageId)
    await patch(`/api/v1/notifications/${messageId}`, { archived: true })
    expect(
      (await get('/api/v1/notifications?box=archived')).json().items.map((entry: { id: string }) => entry.id),
    ).toContain(messageId)
    expect(
      (await get('/api/v1/notifications')).json().items.map((entry: { id: string }) => entry.id),
    ).not.toContain(messageId)

    const stranger = await createCitizenSession(t.runtime)
    expect((await get(`/api/v1/notifications/${messageId}`, stranger.headers)).statusCode).toBe(404)
    expect(
      (await patch(`/api/v1/notifications/${messageId}`, { read: false }, stranger.headers)).statusCode,
    ).toBe(404)
    expect((await get('/api/v1/notifications', stranger.headers)).json().items).toEqual([])
    expect((await patch(`/api/v1/notifications/${messageId}`, {})).statusCode).toBe(400)
  })

  it('pushes the unread count to an open page when a message arrives', async () => {
    await t.app.listen({ port: 0, host: '127.0.0.1' })
    const { port } = t.app.server.address() as AddressInfo
    const controller = new AbortController()
    const response = await fetch(`http://127.0.0.1:${port}/api/v1/notifications/stream`, {
      headers: { cookie: session.headers.cookie ?? '' },
      signal: controller.signal,
    })
    expect(response.headers.get('content-type')).toContain('text/event-stream')
    const reader = response.body!.getReader()
    const decoder = new TextDecoder()
    let text = ''
    const nextCount = async (): Promise<number> => {
      for (;;) {
        const match = /event: unread\ndata: (\{[^\n]*\})\n\n/.exec(text)
        if (match) {
          text = text.slice((match.index ?? 0) + match[0].length)
          return JSON.parse(match[1] as string).unread
        }
        const { value, done } = await reader.read()
        if (done) throw new Error('stream ended')
        text += decoder.decode(value)
      }
    }
    const before = await nextCount()
    await notify(`test:${citizen.fiscalCode}:3`, '2027-05-03')
    expect(await nextCount()).toBe(before + 1)
    controller.abort()
  })

  it('keeps channels per topic and quiet hours, and a legal topic on at least one channel', async () => {
    const url = '/api/v1/me/notification-preferences'
    const initial = (await get(url)).json()
    expect(initial.reachable).toMatchObject({ email: true, sms: false, push: false, io: true })
    expect(initial.topics.find((entry: { topic: string }) => entry.topic === 'payments')).toMatchObject({
      legal: true,
    })
    const put = (payload: object, headers = session.headers) =>
      t.app.inject({ method: 'PUT', url, headers, payload })

    const saved = await put({
      channelsByTopic: { deadlines: ['email'] },
      quietFrom: '22:00',
      quietUntil: '07:00',
    })
    expect(saved.statusCode).toBe(200)
    expect(
      saved.json().topics.find((entry: { topic: string }) => entry.topic === 'deadlines').channels,
    ).toEqual(['email'])
    expect((await notify(`test:${citizen.fiscalCode}:4`, '2027-06-04')).channels).toEqual(['email'])

    const silenced = await put({ channelsByTopic: { payments: [] }, quietFrom: null, quietUntil: null })
    expect(silenced.statusCode).toBe(400)
    expect(silenced.json().errors[0].path).toBe('body.channelsByTopic.payments')
    const halfQuiet = await put({ channelsByTopic: {}, quietFrom: '22:00', quietUntil: null })
    expect(halfQuiet.statusCode).toBe(400)
    expect(
      (await put({ channelsByTopic: { deadlines: ['fax'] }, quietFrom: null, quietUntil: null })).statusCode,
    ).toBe(400)
    expect((await put({ channelsByTopic: {}, quietFrom: '25:00', quietUntil: '07:00' })).statusCode).toBe(400)
  })

  it('registers and forgets a browser for push, which then becomes a channel', async () => {
    const key = (await get('/api/v1/push/key')).json()
    expect(key.publicKey).toMatch(/^[A-Za-z0-9_-]{80,}$/)
    expect((await get('/api/v1/push/key')).json().publicKey).toBe(key.publicKey)
    const subscription = {
      endpoint: 'https://push.example.net/send/abc',
      keys: { p256dh: 'B'.repeat(87), auth: 'A'.repeat(22) },
    }
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/push/subscriptions',
      headers: session.headers,
      payload: subscription,
    })
    expect(created.statusCode).toBe(201)
    expect((await get('/api/v1/me/notification-preferences')).json().reachable.push).toBe(true)
    const removed = await t.app.inject({
      method: 'POST',
      url: '/api/v1/push/subscriptions/remove',
      headers: session.headers,
      payload: { endpoint: subscription.endpoint },
    })
    expect(removed.statusCode).toBe(204)
    expect((await get('/api/v1/me/notification-preferences')).json().reachable.push).toBe(false)
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/v1/push/subscriptions',
      headers: session.headers,
      payload: { endpoint: 'javascript:alert(1)', keys: subscription.keys },
    })
    expect(bad.statusCode).toBe(400)
  })

  it('reminds of an identity card expiring in 90 days once, and not while the rule is off', async () => {
    const validUntil = dayFromToday(90)
    await addRecords(t.runtime.db, citizen.id, [identityCard(validUntil, 'CA99999ZZ')])
    const supervisor = await createStaffSession(t.runtime, { roles: ['supervisor'] })
    const run = () =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/staff/notification-rules/identity-card-expiring-90/run',
        headers: supervisor.headers,
      })

    expect((await run()).json()).toEqual({ sent: 1 })
    expect((await run()).json()).toEqual({ sent: 0 })
    const inbox = (await get('/api/v1/notifications?q=CA99999ZZ')).json()
    expect(inbox.items).toHaveLength(1)
    expect(inbox.items[0].dueDate).toBe(validUntil)

    const rules = (await get('/api/v1/staff/notification-rules', supervisor.headers)).json()
    expect(rules.find((rule: { id: string }) => rule.id === 'identity-card-expiring-90')).toMatchObject({
      enabled: true,
      lastRunOn: romeCalendarDate(new Date()),
    })
    const off = await patch(
      '/api/v1/staff/notification-rules/identity-card-expiring-90',
      { enabled: false },
      supervisor.headers,
    )
    expect(off.json()).toMatchObject({ enabled: false })
    const ran = await runDailyRules(
      { db: t.runtime.db, notify: notifyDeps(t.runtime), logger: t.runtime.logger },
      new Date(Date.now() + 86_400_000),
    )
    expect(ran.map((entry) => entry.ruleId)).not.toContain('identity-card-expiring-90')

    const operator = await createStaffSession(t.runtime, { roles: ['operator'] })
    expect((await get('/api/v1/staff/notification-rules', operator.headers)).statusCode).toBe(403)
    expect((await run()).statusCode).toBe(200)
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/api/v1/staff/notification-rules/no-such-rule/run',
      headers: supervisor.headers,
    })
    expect(unknown.statusCode).toBe(404)
  })

  it('shows staff the deliveries that ran out of retries and sends one again on request', async () => {
    const { messageId } = await notify(`test:${citizen.fiscalCode}:dead`, '2031-07-19')
    await eventually(async () => {
      const [row] = await t.runtime.db
        .select()
        .from(notificationDeliveries)
        .where(
          and(eq(notificationDeliveries.messageId, messageId), eq(notificationDeliveries.channel, 'email')),
        )
      return row?.status === 'sent' ? row : undefined
    })
    // As if the relay had refused it ten times over four hours.
    await t.runtime.db
      .update(notificationDeliveries)
      .set({ status: 'failed', attempts: 11, lastError: 'smtp: 451 try again later' })
      .where(
        and(eq(notificationDeliveries.messageId, messageId), eq(notificationDeliveries.channel, 'email')),
      )
    const supervisor = await createStaffSession(t.runtime, { roles: ['supervisor'] })
    const operator = await createStaffSession(t.runtime, { roles: ['operator'] })
    const url = '/api/v1/staff/notification-deliveries/failed'
    expect((await get(url, operator.headers)).statusCode).toBe(403)
    expect((await get(url)).statusCode).toBe(403)
    const failed = (await get(url, supervisor.headers)).json()
    expect(failed).toContainEqual(
      expect.objectContaining({
        messageId,
        channel: 'email',
        lastError: 'smtp: 451 try again later',
        recipient: `${citizen.fiscalCode.slice(0, 6)}•••••${citizen.fiscalCode.slice(-2)}`,
      }),
    )
    const retry = `/api/v1/staff/notification-deliveries/${messageId}/email/retry`
    expect((await t.app.inject({ method: 'POST', url: retry, headers: session.headers })).statusCode).toBe(
      403,
    )
    expect((await t.app.inject({ method: 'POST', url: retry, headers: supervisor.headers })).statusCode).toBe(
      202,
    )
    await eventually(async () => {
      const [row] = await t.runtime.db
        .select()
        .from(notificationDeliveries)
        .where(
          and(eq(notificationDeliveries.messageId, messageId), eq(notificationDeliveries.channel, 'email')),
        )
      return row?.status === 'sent' ? row : undefined
    })
    const mails = await t.runtime.db
      .select()
      .from(devOutbox)
      .where(and(eq(devOutbox.channel, 'email'), eq(devOutbox.recipient, email)))
    expect(mails.filter((mail) => mail.subject?.includes('19 luglio 2031'))).toHaveLength(2)
    const again = await t.app.inject({ method: 'POST', url: retry, headers: supervisor.headers })
    expect(again.statusCode).toBe(404)
    expect(again.json().detail).toBe('Questa consegna non è tra quelle non riuscite.')
  })
})
