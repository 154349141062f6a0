import { createECDH, randomBytes } from 'node:crypto'
import { Agent, createServer, type Server } from 'node:https'
import type { AddressInfo } from 'node:net'
// @ts-expect-error http_ece ships no types; it is the reference implementation of RFC 8188
import ece from 'http_ece'
import { generate } from 'selfsigned'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createVapidKeys, webPushSender } from './push-sender.js'

interface Received {
  path: string
  headers: Record<string, string | string[] | undefined>
  body: Buffer
}

/**
 * A push service of our own: HTTPS with a certificate made for the test, answering each path with a
 * chosen status, keeping what it receives so the test can decrypt it like a browser would.
 */
describe('webPushSender against a local push service', () => {
  let server: Server
  let agent: Agent
  let base: string
  const received: Received[] = []
  const statusFor: Record<string, number> = { '/gone': 410, '/missing': 404, '/busy': 503, '/bad': 400 }

  beforeAll(async () => {
    const pems = await generate([{ name: 'commonName', value: 'localhost' }], {
      keySize: 2048,
      algorithm: 'sha256',
      extensions: [{ name: 'subjectAltName', altNames: [{ type: 7, ip: '127.0.0.1' }] }],
    })
    server = createServer({ key: pems.private, cert: pems.cert }, (request, response) => {
      const chunks: Buffer[] = []
      request.on('data', (chunk: Buffer) => chunks.push(chunk))
      request.on('end', () => {
        received.push({ path: request.url ?? '', headers: request.headers, body: Buffer.concat(chunks) })
        response.writeHead(statusFor[request.url ?? ''] ?? 201)
        response.end()
      })
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    base = `https://127.0.0.1:${(server.address() as AddressInfo).port}`
    agent = new Agent({ ca: pems.cert })
  })

  afterAll(async () => {
    agent?.destroy()
    await new Promise<void>((resolve) => server?.close(() => resolve()))
  })

  function browserKeys() {
    const ecdh = createECDH('prime256v1')
    ecdh.generateKeys()
    const auth = randomBytes(16)
    return {
      ecdh,
      auth,
      p256dh: ecdh.getPublicKey().toString('base64url'),
      authText: auth.toString('base64url'),
    }
  }

  it('sends an encrypted payload with VAPID, TTL and urgency that the browser can decrypt', async () => {
    const vapid = createVapidKeys()
    const sender = webPushSender(vapid, 'mailto:noreply@comune.example.it', { agent })
    const browser = browserKeys()
    const payload = {
      title: 'Scadenza',
      body: 'La carta scade',
      url: '/area-personale/notifiche/x',
      messageId: '4b7c1d2e-0000-4000-8000-000000000001',
    }

    const outcome = await sender.send(
      { endpoint: `${base}/ok`, p256dh: browser.p256dh, auth: browser.authText },
      payload,
      { ttlSeconds: 3600, urgency: 'high' },
    )

    expect(outcome).toEqual({ outcome: 'sent' })
    const request = received.find((entry) => entry.path === '/ok')!
    expect(request.headers.ttl).toBe('3600')
    expect(request.headers.urgency).toBe('high')
    expect(request.headers['content-encoding']).toBe('aes128gcm')
    expect(String(request.headers.authorization)).toMatch(/^vapid t=.+, k=/)
    expect(String(request.headers.authorization)).toContain(vapid.publicKey)
    const plain = ece.decrypt(request.body, {
      version: 'aes128gcm',
      privateKey: browser.ecdh,
      authSecret: browser.auth,
    })
    expect(JSON.parse(plain.toString('utf8'))).toEqual(payload)
  })

  it('reports gone subscriptions, retries on 5xx and gives up on other refusals', async () => {
    const sender = webPushSender(createVapidKeys(), 'mailto:noreply@comune.example.it', { agent })
    const browser = browserKeys()
    const send = (path: string) =>
      sender.send(
        { endpoint: `${base}${path}`, p256dh: browser.p256dh, auth: browser.authText },
        { title: 't', body: 'b', url: '/', messageId: '4b7c1d2e-0000-4000-8000-000000000002' },
        { ttlSeconds: 60, urgency: 'normal' },
      )
    expect(await send('/gone')).toEqual({ outcome: 'gone' })
    expect(await send('/missing')).toEqual({ outcome: 'gone' })
    expect(await send('/busy')).toMatchObject({ outcome: 'failed', retry: true })
    expect(await send('/bad')).toMatchObject({ outcome: 'failed', retry: false })
  })
})
