import Fastify, { type FastifyInstance } from 'fastify'
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildApp } from '../../app.js'
import { createTestApp, type TestApp } from '../../test/app.js'
import type { AppDependencies } from '../http/dependencies.js'
import { registerDevOutbox } from './dev-outbox-page.js'
import { createMessageSenders } from './senders.js'

describe('the dev outbox page', () => {
  let t: TestApp
  let app: FastifyInstance

  beforeAll(async () => {
    t = await createTestApp({ work: false })
    // buildApp mounts the page outside production.
    app = await buildApp(t.runtime)
    await app.ready()
  })
  afterAll(async () => {
    await app?.close()
    await t?.close()
  })

  it('lists the latest messages, escaping what they contain', async () => {
    const senders = createMessageSenders(t.runtime.config, t.runtime.db)
    const recipient = `pagina-${Date.now()}@example.it`
    await senders.email.send({
      to: recipient,
      subject: 'Oggetto <script>alert(1)</script>',
      text: 'Il tuo codice è 123456',
      html: '<p onclick="x()">Ciao</p>',
    })
    await senders.sms.send({ to: '+393339998877', text: 'SMS & codice 654321' })

    const page = await app.inject({ method: 'GET', url: '/dev/outbox' })
    expect(page.statusCode).toBe(200)
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8')
    expect(page.headers['cache-control']).toBe('no-store')
    expect(page.headers['content-security-policy']).toContain("default-src 'self'")
    expect(page.body).toContain('Il tuo codice è 123456')
    expect(page.body).toContain('Oggetto &lt;script&gt;alert(1)&lt;/script&gt;')
    expect(page.body).not.toContain('<script>')
    expect(page.body).toContain('&lt;p onclick=&quot;x()&quot;&gt;Ciao&lt;/p&gt;')
    expect(page.body).toContain('SMS &amp; codice 654321')
    // Newest first.
    expect(page.body.indexOf('654321')).toBeLessThan(page.body.indexOf('123456'))

    const filtered = await app.inject({
      method: 'GET',
      url: `/dev/outbox?to=${encodeURIComponent(recipient)}`,
    })
    expect(filtered.body).toContain('123456')
    expect(filtered.body).not.toContain('654321')

    const json = await app.inject({
      method: 'GET',
      url: `/dev/outbox.json?to=${encodeURIComponent(recipient)}`,
    })
    expect(json.json()).toEqual([
      {
        id: expect.any(Number),
        channel: 'email',
        recipient,
        subject: 'Oggetto <script>alert(1)</script>',
        text: 'Il tuo codice è 123456',
        html: '<p onclick="x()">Ciao</p>',
        createdAt: expect.any(String),
      },
    ])
  })

  it('does not exist in production', async () => {
    const bare = Fastify()
    bare.setValidatorCompiler(validatorCompiler)
    bare.setSerializerCompiler(serializerCompiler)
    await registerDevOutbox(bare, { config: { env: 'production' } } as AppDependencies)
    await bare.ready()
    expect((await bare.inject({ method: 'GET', url: '/dev/outbox' })).statusCode).toBe(404)
    await bare.close()
  })
})
