import { createHash } from 'node:crypto'
import { z } from 'zod'
import type { Database, Queryable } from '../../db/client.js'
import { LOCALES, type Locale } from '../../platform/i18n.js'
import { renderMarkdown } from '../../platform/markdown.js'
import type { EmailMessage, MessageSender } from '../../platform/outbox/message-sender.js'
import { cityTitle, getCityProfile } from '../city/service.js'
import { emailHtml } from '../notifications/render.js'
import { notifyCitizen } from '../notifications/service.js'
import type { TicketsContext } from './context.js'
import { STATUS_WORDS, TICKET_TEMPLATES, type TicketNoticeKind, ticketPageUrl } from './notices.js'
import { TICKET_STATUSES } from './policy.js'
import { findContactById, findLastInboundEmailId, findMessageById, findTicketById } from './repo.js'

export const SEND_EMAIL_JOB = 'tickets.send-email'

export const ZSendEmailPayload = z.object({
  ticketId: z.uuid(),
  kind: z.enum(['received', 'reply', 'status']),
  messageId: z.uuid().optional(),
  status: z.enum(TICKET_STATUSES).optional(),
  locale: z.enum(LOCALES).default('it'),
})
export type SendEmailPayload = z.infer<typeof ZSendEmailPayload>

export interface TicketEmailInput {
  ticketId: string
  kind: TicketNoticeKind
  /** The reply being sent, for kind 'reply'. */
  messageId?: string
  /** The language of the words around the message; Italian unless the person chose otherwise. */
  locale?: Locale
}

const EXCERPT_LENGTH = 280

/** The host part of the city's Message-IDs. */
export function mailHost(publicUrl: string): string {
  return new URL(publicUrl).hostname
}

/** The Message-ID of a staff reply e-mailed to a contact: its answer threads back to the ticket. */
export function replyEmailMessageId(messageId: string, publicUrl: string): string {
  return `<${messageId}@${mailHost(publicUrl)}>`
}

/** A UUID derived from a key: enqueuing the same e-mail twice keeps one job. */
function stableJobId(key: string): string {
  const hex = createHash('sha256').update(key).digest('hex')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`
}

export function excerptOf(body: string): string {
  const flat = body.trim()
  if (flat.length <= EXCERPT_LENGTH) return flat
  const cut = flat.slice(0, EXCERPT_LENGTH)
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), EXCERPT_LENGTH - 40))}…`
}

/**
 * Queues, in the caller's transaction, an e-mail to the ticket's contact address. Status e-mails
 * are keyed by the ticket's version, so each change is told once however often it is queued.
 */
export async function queueTicketEmail(
  tx: Queryable,
  ctx: Pick<TicketsContext, 'jobs'>,
  input: TicketEmailInput,
): Promise<void> {
  const ticket = await findTicketById(tx, input.ticketId)
  if (!ticket) return
  const key =
    input.kind === 'reply'
      ? `tickets.email:${ticket.id}:reply:${input.messageId ?? ''}`
      : input.kind === 'status'
        ? `tickets.email:${ticket.id}:status:${ticket.version}`
        : `tickets.email:${ticket.id}:received`
  await ctx.jobs.enqueue(
    tx,
    SEND_EMAIL_JOB,
    {
      ticketId: ticket.id,
      kind: input.kind,
      messageId: input.messageId,
      status: input.kind === 'status' ? ticket.status : undefined,
      locale: input.locale ?? 'it',
    },
    { id: stableJobId(key), singletonKey: key },
  )
}

/**
 * Tells a ticket's contact what happened, the way they can hear it: a known citizen in the
 * personal area (and their chosen channels), someone who wrote by e-mail by an e-mail in the same
 * thread, a caller known only by phone not at all (the operator tells them on the phone).
 */
export async function notifyTicketContact(
  tx: Queryable,
  ctx: Pick<TicketsContext, 'jobs' | 'notify' | 'publicUrl'>,
  input: TicketEmailInput,
): Promise<void> {
  const ticket = await findTicketById(tx, input.ticketId)
  if (!ticket) return
  const contact = await findContactById(tx, ticket.contactId)
  if (!contact) return
  const byEmail = Boolean(contact.email) && (ticket.channel === 'email' || !contact.fiscalCode)
  if (byEmail) {
    await queueTicketEmail(tx, ctx, input)
    return
  }
  if (!contact.fiscalCode) return
  const base = { code: ticket.code, subject: ticket.subject }
  let params: Record<string, string> = base
  let dedupeKey = `tickets.${input.kind}:${ticket.id}`
  if (input.kind === 'reply') {
    const message = input.messageId ? await findMessageById(tx, input.messageId) : null
    if (!message) return
    params = { ...base, excerpt: excerptOf(message.body) }
    dedupeKey += `:${message.id}`
  } else if (input.kind === 'status') {
    params = { ...base, status: ticket.status }
    dedupeKey += `:${ticket.version}`
  }
  await notifyCitizen(tx, ctx.notify, {
    recipientFiscalCode: contact.fiscalCode,
    template: TICKET_TEMPLATES[input.kind],
    params,
    dedupeKey,
    action: { url: ticketPageUrl(ctx.publicUrl, ticket.code) },
  })
}

const WORDS = {
  it: {
    received: (code: string, subject: string) =>
      `Abbiamo ricevuto la tua richiesta **${subject}**.\n\nIl codice della richiesta è **${code}**: citalo se contatti il Comune.`,
    reply: (code: string) => `Risposta del Comune alla tua richiesta ${code}:`,
    status: (code: string, status: string) => `La tua richiesta ${code} ora è **${status}**.`,
    answer:
      'Puoi rispondere a questa e-mail per aggiungere informazioni o documenti: lascia il codice tra parentesi quadre nell’oggetto.',
    footer: (city: string) => `${city} — messaggio inviato dal servizio di assistenza ai cittadini.`,
  },
  en: {
    received: (code: string, subject: string) =>
      `We have received your request **${subject}**.\n\nThe request’s code is **${code}**: quote it if you contact the city.`,
    reply: (code: string) => `The city’s reply to your request ${code}:`,
    status: (code: string, status: string) => `Your request ${code} is now **${status}**.`,
    answer:
      'You can reply to this e-mail to add information or documents: keep the code in square brackets in the subject.',
    footer: (city: string) => `${city} — message sent by the citizens’ help service.`,
  },
} as const

export interface TicketMailDeps {
  db: Database
  email: MessageSender<EmailMessage>
  publicUrl: string
}

/** Builds and sends one queued ticket e-mail; a contact without an address by now is skipped. */
export async function sendTicketEmail(deps: TicketMailDeps, payload: SendEmailPayload): Promise<void> {
  const ticket = await findTicketById(deps.db, payload.ticketId)
  if (!ticket) return
  const contact = await findContactById(deps.db, ticket.contactId)
  if (!contact?.email) return
  const host = mailHost(deps.publicUrl)
  const words = WORDS[payload.locale]
  let lead: string
  let messageId: string
  if (payload.kind === 'reply') {
    const message = payload.messageId ? await findMessageById(deps.db, payload.messageId) : null
    if (message?.kind !== 'reply') return
    lead = `${words.reply(ticket.code)}\n\n${message.body}`
    messageId = message.emailMessageId ?? replyEmailMessageId(message.id, deps.publicUrl)
  } else if (payload.kind === 'status') {
    const status = payload.status ?? (ticket.status as (typeof TICKET_STATUSES)[number])
    lead = words.status(ticket.code, STATUS_WORDS[payload.locale][status])
    messageId = `<status-${ticket.id}-${status}-${ticket.version}@${host}>`
  } else {
    lead = words.received(ticket.code, ticket.subject)
    messageId = `<received-${ticket.id}@${host}>`
  }
  const city = cityTitle(await getCityProfile({ db: deps.db }))
  const subject = `[${ticket.code}] ${ticket.subject}`
  const markdown = `${lead}\n\n${words.answer}`
  const inReplyTo = await findLastInboundEmailId(deps.db, ticket.id)
  const footer = words.footer(city)
  const link = ticketPageUrl(deps.publicUrl, ticket.code)
  await deps.email.send({
    to: contact.email,
    subject,
    text: `${markdown.replace(/\*\*/g, '')}\n\n${contact.fiscalCode ? `${link}\n\n` : ''}-- \n${footer}`,
    html: emailHtml({
      cityName: city,
      subject,
      bodyHtml: renderMarkdown(markdown),
      footer,
      lang: payload.locale,
    }),
    messageId,
    headers: {
      'X-Civico-Ticket': ticket.code,
      // A person wrote the reply; receipts and status changes are the machine's, so mail robots
      // on the other side do not answer them.
      ...(payload.kind === 'reply' ? {} : { 'Auto-Submitted': 'auto-generated' }),
      ...(inReplyTo ? { 'In-Reply-To': inReplyTo, References: inReplyTo } : {}),
    },
  })
}
