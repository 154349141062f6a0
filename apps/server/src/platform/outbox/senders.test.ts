import { createServer as createHttpServer, type IncomingMessage } from 'node:http'
import { type AddressInfo, createServer as createTcpServer, type Socket } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadConfig } from '../../config.js'
import type { DatabaseHandle } from '../../db/client.js'
import { createTestDatabase } from '../../test/database.js'
import { listLatestDevOutboxMessages } from './dev-outbox-repo.js'
import { MessageNotSentError } from './message-sender.js'
import { createMessageSenders } from './senders.js'
import { smsGatewaySender } from './sms-gateway-sender.js'
import { smtpEmailSender } from './smtp-sender.js'

/** Just enough of an SMTP server on loopback to accept one message at a time and keep it. */
async function startFakeSmtpServer() {
  const received: { from: string; to: string[]; data: string }[] = []
  const sockets = new Set<Socket>()
  const server = createTcpServer((socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
    let buffer = ''
    let inData = false
    let current = { from: '', to: [] as string[], data: '' }
    socket.write('220 localhost fake ESMTP\r\n')
    socket.on('data', (chunk) => {
      buffer += chunk.toString('utf8')
      for (;;) {
        if (inData) {
          const end = buffer.indexOf('\r\n.\r\n')
          if (end === -1) return
          current.data = buffer.slice(0, end)
          buffer = buffer.slice(end + 5)
          inData = false
          received.push(current)
          current = { from: '', to: [], data: '' }
          socket.write('250 queued\r\n')
          continue
        }
        const lineEnd = buffer.indexOf('\r\n')
        if (lineEnd === -1) return
        const line = buffer.slice(0, lineEnd)
        buffer = buffer.slice(lineEnd + 2)
        const verb = line.slice(0, 4).toUpperCase()
        if (verb === 'EHLO' || verb === 'HELO') socket.write('250-localhost\r\n250 8BITMIME\r\n')
        else if (verb === 'MAIL') {
          current.from = line
          socket.write('250 ok\r\n')
        } else if (verb === 'RCPT') {
          current.to.push(line)
          socket.write('250 ok\r\n')
        } else if (verb === 'DATA') {
          inData = true
          socket.write('354 go ahead\r\n')
        } else if (verb === 'QUIT') socket.end('221 bye\r\n')
        else socket.write('250 ok\r\n')
      }
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `smtp://127.0.0.1:${(server.address() as AddressInfo).port}`,
    received,
    async close() {
      for (const socket of sockets) socket.destroy()
      await new Promise((resolve) => server.close(resolve))
    },
  }
}

async function readBody(request: IncomingMessage): Promise<string> {
  let body = ''
  for await (const chunk of request) body += chunk
  return body
}

describe('outbound message configuration', () => {
  it('uses the dev outbox unless SMTP or an SMS gateway is configured', () => {
    const config = loadConfig({})
    expect(config.mail).toEqual({
      from: 'Civico <noreply@localhost.localdomain>',
      transport: { kind: 'dev-outbox' },
    })
    expect(config.sms).toEqual({ kind: 'dev-outbox' })
    const configured = loadConfig({
      SMTP_URL: 'smtps://civico:secret@relay.comune.example.it:465',
      MAIL_FROM: 'Comune di Milano <noreply@comune.example.it>',
      SMS_GATEWAY_URL: 'https://sms.example.it/send',
      SMS_GATEWAY_TOKEN: 'token-12345',
    })
    expect(configured.mail).toEqual({
      from: 'Comune di Milano <noreply@comune.example.it>',
      transport: { kind: 'smtp', url: 'smtps://civico:secret@relay.comune.example.it:465' },
    })
    expect(configured.sms).toEqual({
      kind: 'http-gateway',
      url: 'https://sms.example.it/send',
      token: 'token-12345',
    })
  })

  it.each([
    [{ SMTP_URL: 'http://relay.example.it' }, /SMTP_URL/],
    [{ SMTP_URL: 'smtp://relay.example.it' }, /MAIL_FROM: required/],
    [{ MAIL_FROM: 'not an address' }, /MAIL_FROM/],
    [{ SMS_GATEWAY_URL: 'https://sms.example.it/send' }, /SMS_GATEWAY_TOKEN must be set together/],
    [{ SMS_GATEWAY_TOKEN: 'token-12345' }, /must be set together/],
    [{ SMS_GATEWAY_URL: 'ftp://sms.example.it', SMS_GATEWAY_TOKEN: 'token-12345' }, /SMS_GATEWAY_URL/],
    [{ SMS_GATEWAY_URL: 'https://sms.example.it', SMS_GATEWAY_TOKEN: 'short' }, /SMS_GATEWAY_TOKEN/],
  ])('refuses %j', (env, problem) => {
    expect(() => loadConfig(env)).toThrow(problem)
  })

  it('refuses a clear-text SMS gateway in production', () => {
    expect(() =>
      loadConfig({
        NODE_ENV: 'production',
        OIDC_CITIZEN_ISSUER: 'https://login.example.it/citizens',
        OIDC_CITIZEN_CLIENT_ID: 'civico',
        OIDC_CITIZEN_CLIENT_SECRET: 'secret',
        OIDC_STAFF_ISSUER: 'https://login.example.it/staff',
        OIDC_STAFF_CLIENT_ID: 'civico-staff',
        OIDC_STAFF_CLIENT_SECRET: 'secret',
        SMS_GATEWAY_URL: 'http://sms.example.it/send',
        SMS_GATEWAY_TOKEN: 'token-12345',
      }),
    ).toThrow(/https in production/)
  })
})

describe('message senders', () => {
  let database: DatabaseHandle

  beforeAll(async () => {
    database = await createTestDatabase()
  })
  afterAll(async () => {
    await database?.close()
  })

  it('stores e-mail and SMS in the dev outbox, building the senders once per database', async () => {
    const senders = createMessageSenders(loadConfig({}), database.db)
    expect(createMessageSenders(loadConfig({}), database.db)).toBe(senders)
    expect([senders.email.adapter, senders.sms.adapter]).toEqual(['dev-outbox', 'dev-outbox'])
    const recipient = `outbox-${Date.now()}@example.it`
    await senders.email.send({ to: recipient, subject: 'Prova', text: 'Testo', html: '<p>Testo</p>' })
    await senders.sms.send({ to: '+393330000001', text: 'Codice 123456' })
    const [email] = await listLatestDevOutboxMessages(database.db, { limit: 5, recipient })
    expect(email).toMatchObject({ channel: 'email', subject: 'Prova', text: 'Testo', html: '<p>Testo</p>' })
    const [sms] = await listLatestDevOutboxMessages(database.db, { limit: 1, recipient: '+393330000001' })
    expect(sms).toMatchObject({ channel: 'sms', subject: null, text: 'Codice 123456', html: null })
  })

  it('picks SMTP and the HTTP gateway when configured', () => {
    const senders = createMessageSenders(
      {
        mail: { from: 'noreply@comune.example.it', transport: { kind: 'smtp', url: 'smtp://127.0.0.1:1' } },
        sms: { kind: 'http-gateway', url: 'http://127.0.0.1:1/sms', token: 'token-12345' },
      },
      // A database of its own, so the cache does not hand back the dev outbox senders.
      {} as never,
    )
    expect([senders.email.adapter, senders.sms.adapter]).toEqual(['smtp', 'http-gateway'])
    ;(senders.email as unknown as { close(): void }).close()
  })

  it('posts SMS to the gateway as JSON with the bearer token, and reports refusals', async () => {
    const requests: { authorization?: string; contentType?: string; body: string }[] = []
    let status = 202
    const server = createHttpServer(async (request, response) => {
      requests.push({
        authorization: request.headers.authorization,
        contentType: request.headers['content-type'],
        body: await readBody(request),
      })
      response.statusCode = status
      response.end('{}')
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/send`
      const sender = smsGatewaySender({ url, token: 'token-12345' })
      await sender.send({ to: '+393331112222', text: 'Il tuo codice è 123456' })
      expect(requests).toEqual([
        {
          authorization: 'Bearer token-12345',
          contentType: 'application/json',
          body: JSON.stringify({ to: '+393331112222', text: 'Il tuo codice è 123456' }),
        },
      ])
      status = 500
      await expect(sender.send({ to: '+393331112222', text: 'x' })).rejects.toBeInstanceOf(
        MessageNotSentError,
      )
    } finally {
      await new Promise((resolve) => server.close(resolve))
    }
    const unreachable = smsGatewaySender({ url: 'http://127.0.0.1:1/send', token: 'token-12345' })
    await expect(unreachable.send({ to: '+393331112222', text: 'x' })).rejects.toBeInstanceOf(
      MessageNotSentError,
    )
  })

  it('sends e-mail through an SMTP relay, from the configured sender', async () => {
    const relay = await startFakeSmtpServer()
    const sender = smtpEmailSender({ url: relay.url, from: 'Comune di Prova <noreply@comune.example.it>' })
    try {
      await sender.send({
        to: 'mario.rossi@example.it',
        subject: 'Codice di verifica',
        text: 'Il tuo codice è 123456',
        html: '<p>Il tuo codice è <strong>123456</strong></p>',
      })
      expect(relay.received).toHaveLength(1)
      const [message] = relay.received
      expect(message?.from).toContain('<noreply@comune.example.it>')
      expect(message?.to).toEqual([expect.stringContaining('<mario.rossi@example.it>')])
      expect(message?.data).toContain('Subject: Codice di verifica')
      expect(message?.data).toContain('From: Comune di Prova <noreply@comune.example.it>')
      expect(message?.data).toContain('multipart/alternative')
    } finally {
      sender.close()
      await relay.close()
    }
    const unreachable = smtpEmailSender({ url: 'smtp://127.0.0.1:1', from: 'noreply@comune.example.it' })
    await expect(unreachable.send({ to: 'a@example.it', subject: 's', text: 't' })).rejects.toBeInstanceOf(
      MessageNotSentError,
    )
    unreachable.close()
  })
})
