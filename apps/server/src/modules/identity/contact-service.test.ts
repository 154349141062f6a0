import { randomUUID } from 'node:crypto'
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ServiceContext } from '../../platform/context.js'
import { AppError } from '../../platform/errors.js'
import { listLatestDevOutboxMessages } from '../../platform/outbox/dev-outbox-repo.js'
import { MessageNotSentError, type MessageSenders } from '../../platform/outbox/message-sender.js'
import { createMessageSenders } from '../../platform/outbox/senders.js'
import { createTestApp, type TestApp } from '../../test/app.js'
import { createCitizenSession } from '../../test/identity.js'
import { notifyDeps } from '../notifications/jobs.js'
import { notificationMessages } from '../notifications/tables.js'
import { findVerifiedContacts, getMyAccount, requestContactChange, verifyContact } from './contact-service.js'

describe('contact verification use cases', () => {
  let t: TestApp

  beforeAll(async () => {
    t = await createTestApp({ work: false })
  })
  afterAll(async () => {
    await t?.close()
  })

  async function contextFor(): Promise<ServiceContext & { fiscalCode: string }> {
    const session = await createCitizenSession(t.runtime, { level: 1 })
    return {
      db: t.runtime.db,
      jobs: t.runtime.jobs,
      clock: t.runtime.clock,
      logger: t.runtime.logger,
      meta: { ip: '127.0.0.1', requestId: 'test', locale: 'it' },
      actor: {
        type: 'citizen',
        id: session.accountId,
        fiscalCode: session.fiscalCode,
        level: 1,
        personId: null,
      },
      fiscalCode: session.fiscalCode,
    }
  }

  it('leaves nothing pending when the code cannot be delivered', async () => {
    const ctx = await contextFor()
    const failing: MessageSenders = {
      email: {
        adapter: 'broken',
        send: async () => {
          throw new MessageNotSentError('broken', 'relay refused')
        },
      },
      sms: createMessageSenders(t.runtime.config, t.runtime.db).sms,
    }
    const attempt = requestContactChange(ctx, failing, {
      channel: 'email',
      value: `${randomUUID()}@example.it`,
    })
    await expect(attempt).rejects.toBeInstanceOf(AppError)
    await expect(attempt).rejects.toMatchObject({
      code: 'SERVICE_UNAVAILABLE',
      headers: { 'retry-after': '60' },
    })
    expect((await getMyAccount(ctx)).email.pending).toBeNull()
    await expect(
      verifyContact(ctx, notifyDeps(t.runtime), { channel: 'email', code: '123456' }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
    })
  })

  it('gives notifications only verified contacts', async () => {
    const ctx = await contextFor()
    const senders = createMessageSenders(t.runtime.config, t.runtime.db)
    expect(await findVerifiedContacts(t.runtime.db, ctx.fiscalCode)).toEqual({
      email: null,
      mobile: null,
      locale: 'it',
    })
    const address = `${randomUUID()}@example.it`
    await requestContactChange(ctx, senders, { channel: 'email', value: address })
    expect((await findVerifiedContacts(t.runtime.db, ctx.fiscalCode)).email).toBeNull()
    const [message] = await listLatestDevOutboxMessages(t.runtime.db, { limit: 1, recipient: address })
    const code = /\d{6}/.exec(message!.text)![0]
    await verifyContact(ctx, notifyDeps(t.runtime), { channel: 'email', code })
    expect(await findVerifiedContacts(t.runtime.db, ctx.fiscalCode)).toEqual({
      email: address,
      mobile: null,
      locale: 'it',
    })
    const [notice] = await t.runtime.db
      .select()
      .from(notificationMessages)
      .where(eq(notificationMessages.recipientFiscalCode, ctx.fiscalCode))
    expect(notice).toMatchObject({
      template: 'identity.contact-verified',
      subject: 'Il tuo indirizzo e-mail è confermato',
    })
    expect(notice?.bodyMarkdown).toContain(address)
    expect(await findVerifiedContacts(t.runtime.db, 'RSSMRA80A01F205X')).toEqual({
      email: null,
      mobile: null,
      locale: 'it',
    })
  })

  it('refuses anyone but a citizen', async () => {
    const ctx = await contextFor()
    await expect(
      getMyAccount({ ...ctx, actor: { type: 'staff', id: randomUUID(), roles: ['admin'], teams: [] } }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' })
  })
})
