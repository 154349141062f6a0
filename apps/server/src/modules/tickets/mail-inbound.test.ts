import { randomUUID } from 'node:crypto'
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { isAppError } from '../../platform/errors.js'
import { createTestApp, type TestApp } from '../../test/app.js'
import { createStaffSession } from '../../test/identity.js'
import { testTicketsContext } from './intake-fixtures.js'
import { receiveEmail } from './mail-inbound.js'
import { trimQuotedHistory } from './mail-parse.js'
import { TRIAGE_TEAM } from './policy.js'
import { ticketAttachments, ticketContacts, ticketMessages, tickets } from './tables.js'
import { changeStatus, replyToTicket } from './workflow.js'

let t: TestApp
let operator: { type: 'staff'; id: string; roles: ['operator']; teams: string[] }

beforeAll(async () => {
  t = await createTestApp({ work: false })
  const session = await createStaffSession(t.runtime, { roles: ['operator'], teams: [TRIAGE_TEAM] })
  operator = { type: 'staff', id: session.accountId, roles: ['operator'], teams: [TRIAGE_TEAM] }
})
afterAll(async () => t?.close())

const system = () => testTicketsContext(t.runtime, { type: 'system', name: 'test-mail' })
const staff = () => testTicketsContext(t.runtime, operator)

/** A raw RFC 5322 message; `headers` come before the body as given. */
function rawMail(options: {
  from: string
  subject: string
  body?: string
  messageId?: string
  headers?: Record<string, string>
  multipart?: string
}): string {
  const id = options.messageId ?? `<${randomUUID()}@mail.example.org>`
  const head = [
    `From: Maria Rossi <${options.from}>`,
    'To: info@comune.example.it',
    `Subject: ${options.subject}`,
    `Message-ID: ${id}`,
    'Date: Mon, 02 Mar 2026 10:00:00 +0100',
    'MIME-Version: 1.0',
    ...Object.entries(options.headers ?? {}).map(([name, value]) => `${name}: ${value}`),
  ]
  if (options.multipart) return `${head.join('\r\n')}\r\n${options.multipart}`
  return `${head.join('\r\n')}\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n${options.body ?? 'Buongiorno'}\r\n`
}

const address = () => `cittadino-${randomUUID().slice(0, 8)}@example.org`

async function ticketOf(code: string) {
  const [ticket] = await t.runtime.db.select().from(tickets).where(eq(tickets.code, code))
  return ticket!
}

async function messagesOf(code: string) {
  const ticket = await ticketOf(code)
  return t.runtime.db.select().from(ticketMessages).where(eq(ticketMessages.ticketId, ticket.id))
}

/** A new e-mail ticket from `from` with a staff reply e-mailed back: the reply's Message-ID. */
async function ticketWithReply(from: string) {
  const opened = await receiveEmail(
    system(),
    rawMail({ from, subject: 'Passo carraio', body: 'Come si chiede?' }),
  )
  const code = opened.ticketCode as string
  const replied = await replyToTicket(staff(), { code, body: 'Serve il modulo A.' })
  await changeStatus(staff(), { code, status: 'waiting-citizen' })
  const [reply] = await t.runtime.db
    .select()
    .from(ticketMessages)
    .where(eq(ticketMessages.id, replied.messageId))
  return { code, replyMessageId: reply!.emailMessageId as string }
}

describe('receiving an e-mail', () => {
  it('opens a ticket for triage from an unknown sender, with an unverified contact', async () => {
    const from = address()
    const received = await receiveEmail(
      system(),
      rawMail({ from, subject: 'Buche in via Roma', body: 'Ci sono buche.' }),
    )
    expect(received.outcome).toBe('new-ticket')
    expect(received.ticketCode).toMatch(/^R\d{4}-[A-Z2-9]{6}$/)
    const ticket = await ticketOf(received.ticketCode as string)
    expect(ticket).toMatchObject({
      channel: 'email',
      teamCode: TRIAGE_TEAM,
      categoryId: null,
      subject: 'Buche in via Roma',
    })
    const [contact] = await t.runtime.db
      .select()
      .from(ticketContacts)
      .where(eq(ticketContacts.id, ticket.contactId))
    expect(contact).toMatchObject({ email: from, emailVerified: false, displayName: 'Maria Rossi' })
    const [message] = await messagesOf(ticket.code)
    expect(message).toMatchObject({ kind: 'inbound', channel: 'email', body: 'Ci sono buche.' })
    expect(message!.emailMessageId).toMatch(/^<.+@mail\.example\.org>$/)
  })

  it('stores the same message once however often it is delivered', async () => {
    const raw = rawMail({ from: address(), subject: 'Due volte', body: 'Una sola.' })
    const first = await receiveEmail(system(), raw)
    const second = await receiveEmail(system(), raw)
    const concurrent = await Promise.all([receiveEmail(system(), raw), receiveEmail(system(), raw)])
    expect(second).toEqual({ outcome: 'duplicate', ticketCode: first.ticketCode })
    expect(concurrent.map((result) => result.outcome)).toEqual(['duplicate', 'duplicate'])
    expect(await messagesOf(first.ticketCode as string)).toHaveLength(1)
  })

  it('threads a reply by In-Reply-To, without the quoted history, and restarts the ticket', async () => {
    const from = address()
    const { code, replyMessageId } = await ticketWithReply(from)
    expect((await ticketOf(code)).status).toBe('waiting-citizen')
    const body =
      'Ecco il modulo compilato.\r\n\r\nIl giorno lun 2 mar 2026 alle 10:00 Comune ha scritto:\r\n> Serve il modulo A.\r\n'
    const received = await receiveEmail(
      system(),
      rawMail({
        from,
        subject: `Re: [${code}] Passo carraio`,
        body,
        headers: { 'In-Reply-To': replyMessageId },
      }),
    )
    expect(received).toEqual({ outcome: 'reply', ticketCode: code })
    const messages = await messagesOf(code)
    expect(messages.map((message) => message.kind)).toEqual(['inbound', 'reply', 'inbound'])
    expect(messages[2]!.body).toBe('Ecco il modulo compilato.')
    expect((await ticketOf(code)).status).toBe('in-progress')
  })

  it('threads by References when In-Reply-To names nothing known', async () => {
    const from = address()
    const { code, replyMessageId } = await ticketWithReply(from)
    const received = await receiveEmail(
      system(),
      rawMail({
        from,
        subject: 'altro',
        headers: {
          'In-Reply-To': '<unknown@elsewhere.example>',
          References: `${replyMessageId} <unknown@elsewhere.example>`,
        },
      }),
    )
    expect(received).toEqual({ outcome: 'reply', ticketCode: code })
  })

  it('threads by the code in the subject when the headers are lost', async () => {
    const from = address()
    const opened = await receiveEmail(system(), rawMail({ from, subject: 'Tari', body: 'Domanda.' }))
    const received = await receiveEmail(
      system(),
      rawMail({ from: from.toUpperCase(), subject: `R: [${opened.ticketCode}] Tari` }),
    )
    expect(received).toEqual({ outcome: 'reply', ticketCode: opened.ticketCode })
    expect(await messagesOf(opened.ticketCode as string)).toHaveLength(2)
  })

  it('never writes into someone else’s ticket: another sender with the code opens a new one', async () => {
    const { code, replyMessageId } = await ticketWithReply(address())
    const before = await messagesOf(code)
    const intruder = await receiveEmail(
      system(),
      rawMail({
        from: address(),
        subject: `Re: [${code}] Passo carraio`,
        headers: { 'In-Reply-To': replyMessageId },
      }),
    )
    expect(intruder.outcome).toBe('new-ticket')
    expect(intruder.ticketCode).not.toBe(code)
    expect(await messagesOf(code)).toHaveLength(before.length)
    const created = await messagesOf(intruder.ticketCode as string)
    expect(created[0]!.body).not.toContain(code)
    expect((await ticketOf(intruder.ticketCode as string)).subject).toBe('Passo carraio')
  })

  it('opens a new ticket naming the old one when the thread’s ticket is closed', async () => {
    const from = address()
    const { code, replyMessageId } = await ticketWithReply(from)
    await t.runtime.db
      .update(tickets)
      .set({ status: 'closed', closedAt: new Date() })
      .where(eq(tickets.code, code))
    const received = await receiveEmail(
      system(),
      rawMail({
        from,
        subject: `Re: [${code}] Passo carraio`,
        body: 'Ancora una cosa.',
        headers: { 'In-Reply-To': replyMessageId },
      }),
    )
    expect(received.outcome).toBe('new-after-closed')
    const [first] = await messagesOf(received.ticketCode as string)
    expect(first!.body).toContain(code)
    expect(first!.body).toContain('Ancora una cosa.')
    expect(await messagesOf(code)).toHaveLength(2)
  })

  it('drops auto-replies, bulk mail and bounces without a ticket', async () => {
    const subject = `Fuori ufficio ${randomUUID()}`
    const robots = [
      rawMail({ from: address(), subject, headers: { 'Auto-Submitted': 'auto-replied' } }),
      rawMail({ from: address(), subject, headers: { Precedence: 'bulk' } }),
      rawMail({ from: address(), subject, headers: { 'X-Autoreply': 'yes' } }),
      rawMail({ from: 'MAILER-DAEMON@mx.example.org', subject }),
    ]
    for (const raw of robots)
      expect(await receiveEmail(system(), raw)).toEqual({ outcome: 'ignored', ticketCode: null })
    expect(await t.runtime.db.select().from(tickets).where(eq(tickets.subject, subject))).toHaveLength(0)
  })

  it('keeps accepted attachments and names in the message those it cannot keep', async () => {
    const png = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      Buffer.alloc(64, 1),
    ])
    const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(64, 0)])
    const part = (name: string, type: string, bytes: Buffer) =>
      `--b1\r\nContent-Type: ${type}; name="${name}"\r\nContent-Disposition: attachment; filename="${name}"\r\nContent-Transfer-Encoding: base64\r\n\r\n${bytes.toString('base64')}\r\n`
    const multipart =
      'Content-Type: multipart/mixed; boundary="b1"\r\n\r\n' +
      '--b1\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nFoto della buca.\r\n' +
      part('buca.png', 'image/png', png) +
      part('programma.exe', 'application/octet-stream', exe) +
      '--b1--\r\n'
    const received = await receiveEmail(system(), rawMail({ from: address(), subject: 'Foto', multipart }))
    expect(received.outcome).toBe('new-ticket')
    const ticket = await ticketOf(received.ticketCode as string)
    const files = await t.runtime.db
      .select()
      .from(ticketAttachments)
      .where(eq(ticketAttachments.ticketId, ticket.id))
    expect(files.map((file) => [file.fileName, file.mediaType, file.sizeBytes])).toEqual([
      ['buca.png', 'image/png', png.length],
    ])
    const [message] = await messagesOf(ticket.code)
    expect(message!.body).toMatch(/^Foto della buca\.\n\nAllegati non conservati .*programma\.exe/)
  })

  it('reads an HTML-only message as text', async () => {
    const html =
      '<html><body><p>Buongiorno,</p><p>il <b>lampione</b> di via Verdi &egrave; spento.</p></body></html>'
    const multipart = `Content-Type: text/html; charset=utf-8\r\n\r\n${html}\r\n`
    const received = await receiveEmail(
      system(),
      rawMail({ from: address(), subject: 'Lampione', multipart }),
    )
    const [message] = await messagesOf(received.ticketCode as string)
    expect(message!.body).toContain('lampione di via Verdi è spento.')
    expect(message!.body).not.toMatch(/<[a-z]/i)
  })

  it('refuses a message over the size limit and one that is not an e-mail, storing nothing', async () => {
    const subject = `Enorme ${randomUUID()}`
    const huge = rawMail({ from: address(), subject, body: 'x'.repeat(31 * 1024 * 1024) })
    const refusal = await receiveEmail(system(), huge).catch((error: unknown) => error)
    expect(isAppError(refusal) && refusal.status).toBe(413)
    const noSender = await receiveEmail(system(), `Subject: ${subject}\r\n\r\nTesto\r\n`)
    expect(noSender).toEqual({ outcome: 'ignored', ticketCode: null })
    expect(await t.runtime.db.select().from(tickets).where(eq(tickets.subject, subject))).toHaveLength(0)
  })
})

describe('trimming quoted history', () => {
  it('cuts at the usual reply headers and trailing quotes', () => {
    expect(
      trimQuotedHistory('Grazie.\n\nOn Mon, 2 Mar 2026 at 10:00, Comune <info@comune.it> wrote:\n> testo'),
    ).toBe('Grazie.')
    expect(trimQuotedHistory('Ok\n\n-----Messaggio originale-----\nDa: Comune')).toBe('Ok')
    expect(trimQuotedHistory('Ok\n\nDa: Comune <info@comune.it>\nInviato: lunedì\nA: me')).toBe('Ok')
    expect(trimQuotedHistory('Risposta\n> citazione\n> altra')).toBe('Risposta')
  })

  it('keeps answers written between quoted lines and plain text untouched', () => {
    expect(trimQuotedHistory('> domanda?\nrisposta\n> altra domanda?\naltra risposta')).toBe(
      '> domanda?\nrisposta\n> altra domanda?\naltra risposta',
    )
    expect(trimQuotedHistory('Da: qui parte il mio testo')).toBe('Da: qui parte il mio testo')
    expect(trimQuotedHistory('> solo citazione')).toBe('> solo citazione')
  })
})
