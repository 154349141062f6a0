import { randomUUID } from 'node:crypto'
import { eq } from 'drizzle-orm'
import nodemailer, { type Transporter } from 'nodemailer'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../test/app.js'
import { createStaffSession } from '../../test/identity.js'
import { DEMO_CITY } from '../city/demo-city.js'
import { configureCity, getCityProfile } from '../city/service.js'
import { testTicketsContext } from './intake-fixtures.js'
import { mailboxContext, receiveEmail } from './mail-inbound.js'
import { cityMailDomains, type InboundMailListener, startInboundMailListener } from './mail-listener.js'
import { TRIAGE_TEAM } from './policy.js'
import { ticketMessages, tickets } from './tables.js'
import { replyToTicket } from './workflow.js'

let t: TestApp
let listener: InboundMailListener
let transport: Transporter
const outcomes: string[] = []

beforeAll(async () => {
  t = await createTestApp({ work: false })
  const system = testTicketsContext(t.runtime, { type: 'system', name: 'test' })
  if (!(await getCityProfile(system))) await configureCity(system, DEMO_CITY)
  listener = await startInboundMailListener({
    port: 0,
    acceptedDomains: cityMailDomains(t.runtime.db),
    receive: async (raw) => {
      const result = await receiveEmail(mailboxContext(t.runtime, 'smtp'), raw)
      outcomes.push(result.outcome)
      return result
    },
    logger: t.runtime.logger,
    maxBytes: 200_000,
  })
  transport = nodemailer.createTransport({
    host: '127.0.0.1',
    port: listener.port,
    secure: false,
    ignoreTLS: true,
  })
})
afterAll(async () => {
  transport?.close()
  await listener?.close()
  await t?.close()
})

const cityAddress = `info@${DEMO_CITY.contactEmail.split('@')[1]}`
const sender = () => `mittente-${randomUUID().slice(0, 8)}@example.org`

async function ticketByCode(code: string) {
  const [ticket] = await t.runtime.db.select().from(tickets).where(eq(tickets.code, code))
  return ticket
}

describe('the SMTP listener', () => {
  it('turns a message to the city into a ticket and answers with its code', async () => {
    const info = await transport.sendMail({
      from: `Luca Bianchi <${sender()}>`,
      to: cityAddress,
      subject: 'Rifiuti non ritirati',
      text: 'Da tre giorni.',
    })
    const code = /Accepted (R\d{4}-[A-Z0-9]{6})/.exec(String(info.response))?.[1]
    expect(code).toBeDefined()
    expect(await ticketByCode(code as string)).toMatchObject({
      channel: 'email',
      subject: 'Rifiuti non ritirati',
    })
  })

  it('threads a reply to the e-mail the platform sent, by its Message-ID', async () => {
    const from = sender()
    const first = await transport.sendMail({ from, to: cityAddress, subject: 'ZTL', text: 'Posso entrare?' })
    const code = /Accepted (R\d{4}-[A-Z0-9]{6})/.exec(String(first.response))?.[1] as string
    const session = await createStaffSession(t.runtime, { roles: ['operator'], teams: [TRIAGE_TEAM] })
    const staff = testTicketsContext(t.runtime, {
      type: 'staff',
      id: session.accountId,
      roles: ['operator'],
      teams: [TRIAGE_TEAM],
    })
    const replied = await replyToTicket(staff, { code, body: 'Sì, con il permesso.' })
    const [sent] = await t.runtime.db
      .select()
      .from(ticketMessages)
      .where(eq(ticketMessages.id, replied.messageId))
    expect(sent!.emailMessageId).toBe(
      `<${replied.messageId}@${new URL(t.runtime.config.publicUrl).hostname}>`,
    )

    const answer = await transport.sendMail({
      from,
      to: cityAddress,
      subject: 'Re: la vostra risposta',
      text: 'Grazie, e per il sabato?',
      inReplyTo: sent!.emailMessageId as string,
      references: [sent!.emailMessageId as string],
    })
    expect(answer.response).toContain(`Accepted ${code}`)
    const ticket = await ticketByCode(code)
    const conversation = await t.runtime.db
      .select()
      .from(ticketMessages)
      .where(eq(ticketMessages.ticketId, ticket!.id))
    expect(conversation.map((message) => [message.kind, message.body])).toEqual([
      ['inbound', 'Posso entrare?'],
      ['reply', 'Sì, con il permesso.'],
      ['inbound', 'Grazie, e per il sabato?'],
    ])
  })

  it('refuses recipients outside the city’s domain with 550, storing nothing', async () => {
    const subject = `Relay ${randomUUID()}`
    const refusal = await transport
      .sendMail({ from: sender(), to: 'someone@elsewhere.example', subject, text: 'spam' })
      .catch((error: { responseCode?: number }) => error)
    expect((refusal as { responseCode?: number }).responseCode).toBe(550)
    expect(await t.runtime.db.select().from(tickets).where(eq(tickets.subject, subject))).toHaveLength(0)
  })

  it('refuses a message over the size limit with 552', async () => {
    const refusal = await transport
      .sendMail({ from: sender(), to: cityAddress, subject: 'Troppo', text: 'x'.repeat(300_000) })
      .catch((error: { responseCode?: number }) => error)
    expect((refusal as { responseCode?: number }).responseCode).toBe(552)
  })

  it('accepts and drops a bounce (null sender) and an auto-reply without a ticket', async () => {
    const subject = `Undelivered ${randomUUID()}`
    await transport.sendMail({
      envelope: { from: '', to: [cityAddress] },
      from: 'MAILER-DAEMON@mx.example.org',
      to: cityAddress,
      subject,
      text: 'Delivery failed',
    })
    const before = outcomes.length
    await transport.sendMail({
      from: sender(),
      to: cityAddress,
      subject,
      text: 'Sono in ferie',
      headers: { 'Auto-Submitted': 'auto-replied' },
    })
    expect(outcomes.slice(before)).toEqual(['ignored'])
    expect(await t.runtime.db.select().from(tickets).where(eq(tickets.subject, subject))).toHaveLength(0)
  })
})
