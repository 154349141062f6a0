import type { Transaction } from '../../db/client.js'
import { AppError, isAppError } from '../../platform/errors.js'
import type { AppDependencies } from '../../platform/http/dependencies.js'
import { translate } from '../../platform/i18n.js'
import {
  checkAttachments,
  type IncomingFile,
  inAttachmentTransaction,
  MAX_ATTACHMENTS,
  storeAttachments,
} from './attachments.js'
import './channel-messages.js'
import { findTicketOfExternalMessage, ticketsOfEmailMessageIds } from './channel-repo.js'
import { normalizeEmail } from './contacts.js'
import { type TicketsContext, withTicketsDeps } from './context.js'
import { openTicketInTx } from './intake.js'
import { startImapPoller } from './mail-imap.js'
import { cityMailDomains, startInboundMailListener } from './mail-listener.js'
import { mailHost } from './mail-out.js'
import {
  INBOUND_EMAIL_MAX_BYTES,
  type InboundEmail,
  parseInboundEmail,
  ticketCodeInSubject,
  trimQuotedHistory,
} from './mail-parse.js'
import { findContactById, findTicketByCode, findTicketById, type TicketRow } from './repo.js'
import { appendInboundMessage } from './workflow.js'

export type ReceivedEmail =
  | { outcome: 'new-ticket' | 'reply' | 'duplicate' | 'new-after-closed'; ticketCode: string }
  | { outcome: 'ignored'; ticketCode: null }

/** The context mail arriving by SMTP or IMAP is handled in: the system acts, in the city's language. */
export function mailboxContext(deps: AppDependencies, source: 'smtp' | 'imap'): TicketsContext {
  return withTicketsDeps(deps, {
    db: deps.db,
    jobs: deps.jobs,
    clock: deps.clock,
    logger: deps.logger.child({ component: `inbound-mail-${source}` }),
    actor: { type: 'system', name: `inbound-mail-${source}` },
    meta: { ip: null, requestId: null, locale: deps.config.defaultLocale },
  })
}

const REPLY_PREFIXES = /^(\s*(re|r|rif|fw|fwd|i|inoltro|aw|wg|sv|tr)\s*(\[\d+\])?\s*:\s*)+/i

/** A subject for a new ticket: without "Re:"/"Fwd:" and without the old ticket's tag. */
function ticketSubject(mail: InboundEmail, locale: TicketsContext['meta']['locale']): string {
  const subject = mail.subject
    .replace(/\[R\d{4}-[A-Z0-9]{6}\]/gi, ' ')
    .replace(REPLY_PREFIXES, '')
    .replace(/\s+/g, ' ')
    .trim()
  return subject || translate(locale, 'tickets.mail.no-subject')
}

/** Splits the files into those the CRM keeps and the names of those it cannot (an e-mail gets no 422). */
function sortAttachments(files: readonly IncomingFile[], maxBytes: number) {
  const kept: IncomingFile[] = []
  const dropped: string[] = []
  for (const file of files) {
    try {
      if (kept.length >= MAX_ATTACHMENTS) throw new Error('too many')
      checkAttachments([file], maxBytes)
      kept.push(file)
    } catch {
      dropped.push(file.fileName)
    }
  }
  return { kept, dropped }
}

const OWN_NOTICE_ID = /^<(?:received|status)-([0-9a-f-]{36})(?:-[^@]*)?@([^>]+)>$/i

/**
 * The ticket a reply belongs to: a message of its conversation named in In-Reply-To or References
 * (the city's own receipts and status notices carry the ticket's id), else the code in the subject.
 * A ticket merged into another answers for that one.
 */
async function threadTicket(
  tx: Transaction,
  ctx: TicketsContext,
  mail: InboundEmail,
): Promise<TicketRow | null> {
  let ticket: TicketRow | null = null
  const known = await ticketsOfEmailMessageIds(tx, mail.threadIds)
  const host = mailHost(ctx.publicUrl).toLowerCase()
  for (const id of mail.threadIds) {
    const stored = known.get(id)
    const notice = OWN_NOTICE_ID.exec(id)
    const ticketId = stored ?? (notice && notice[2]?.toLowerCase() === host ? notice[1] : undefined)
    if (ticketId) ticket = await findTicketById(tx, ticketId)
    if (ticket) break
  }
  if (!ticket) {
    const code = ticketCodeInSubject(mail.subject)
    ticket = code ? await findTicketByCode(tx, code) : null
  }
  if (ticket?.mergedIntoId) ticket = (await findTicketById(tx, ticket.mergedIntoId)) ?? ticket
  return ticket
}

async function routeEmail(tx: Transaction, ctx: TicketsContext, mail: InboundEmail): Promise<ReceivedEmail> {
  const from = mail.from as NonNullable<InboundEmail['from']>
  const locale = ctx.meta.locale
  const { kept, dropped } = sortAttachments(mail.attachments, ctx.tickets.attachmentMaxBytes)
  const droppedNote = dropped.length
    ? `\n\n${translate(locale, 'tickets.mail.files-not-kept', { names: dropped.join(', ') })}`
    : ''
  const text = (body: string) => `${body || translate(locale, 'tickets.mail.empty-body')}${droppedNote}`
  const thread = await threadTicket(tx, ctx, mail)
  let closedCode: string | null = null
  if (thread) {
    const contact = await findContactById(tx, thread.contactId)
    // Only the ticket's own address writes into it: a subject tag is no key to someone's case.
    if (contact?.email && normalizeEmail(contact.email) === from.address) {
      try {
        const appended = await appendInboundMessage(tx, ctx, {
          ticketId: thread.id,
          body: text(trimQuotedHistory(mail.text)),
          channel: 'email',
          authorName: from.name || contact.displayName,
          emailMessageId: mail.messageId,
        })
        await storeAttachments(tx, ctx, {
          ticketId: appended.ticketId,
          messageId: appended.messageId,
          files: kept,
        })
        const ticket = await findTicketById(tx, appended.ticketId)
        return { outcome: 'reply', ticketCode: ticket?.code ?? thread.code }
      } catch (error) {
        if (!(isAppError(error) && error.messageKey === 'tickets.closed-write-new')) throw error
        closedCode = thread.code
      }
    }
  }
  const lead = closedCode ? `${translate(locale, 'tickets.mail.follow-up', { code: closedCode })}\n\n` : ''
  const opened = await openTicketInTx(tx, ctx, {
    channel: 'email',
    contact: { email: from.address, verified: false, name: from.name },
    subject: ticketSubject(mail, locale),
    body: `${lead}${text(closedCode ? trimQuotedHistory(mail.text) : mail.text)}`,
    authorName: from.name,
    emailMessageId: mail.messageId,
    attachments: kept,
  })
  return { outcome: closedCode ? 'new-after-closed' : 'new-ticket', ticketCode: opened.code }
}

function isDuplicateMessageId(error: unknown): boolean {
  const cause = ((error as { cause?: unknown })?.cause ?? error) as { code?: string }
  return cause?.code === '23505'
}

/**
 * An e-mail to the city, from any door (SMTP, IMAP, webhook). A reply goes into its ticket, a
 * new message opens one for triage, the same message delivered twice is stored once, and robots
 * (auto-replies, bounces, bulk mail) are dropped. Attachments the CRM cannot keep are named in
 * the message instead, since the sender cannot be asked to fix them.
 */
export async function receiveEmail(ctx: TicketsContext, raw: Buffer | string): Promise<ReceivedEmail> {
  const size = typeof raw === 'string' ? Buffer.byteLength(raw) : raw.length
  if (size > INBOUND_EMAIL_MAX_BYTES) {
    throw new AppError('PAYLOAD_TOO_LARGE', { internalDetail: `inbound e-mail of ${size} bytes` })
  }
  let mail: InboundEmail
  try {
    mail = await parseInboundEmail(raw)
  } catch (error) {
    throw new AppError('VALIDATION_FAILED', {
      status: 422,
      messageKey: 'tickets.mail.unreadable',
      internalDetail: `unparseable e-mail: ${(error as Error).message}`,
    })
  }
  if (mail.automated || !mail.from) return { outcome: 'ignored', ticketCode: null }
  const duplicate = async () => {
    const known = await findTicketOfExternalMessage(ctx.db, mail.messageId)
    return known ? ({ outcome: 'duplicate', ticketCode: known.code } as const) : null
  }
  const seen = await duplicate()
  if (seen) return seen
  try {
    return await inAttachmentTransaction(ctx, (tx) => routeEmail(tx, ctx, mail))
  } catch (error) {
    // The same message delivered twice at once: the other delivery stored it first.
    if (isDuplicateMessageId(error)) {
      const stored = await duplicate()
      if (stored) return stored
    }
    throw error
  }
}

/**
 * Opens the mail doors the configuration asks for: the SMTP listener on its port, the IMAP
 * mailbox poller. A port already taken is logged and skipped: the API still serves, and mail can
 * still come through the webhook.
 */
export async function startInboundMail(deps: AppDependencies): Promise<{ close(): Promise<void> }> {
  const { tickets } = deps.config
  const closers: (() => Promise<void>)[] = []
  if (tickets.inboundSmtpPort > 0) {
    const logger = deps.logger.child({ component: 'inbound-smtp' })
    try {
      const listener = await startInboundMailListener({
        port: tickets.inboundSmtpPort,
        acceptedDomains: cityMailDomains(deps.db),
        receive: (raw) => receiveEmail(mailboxContext(deps, 'smtp'), raw),
        logger,
      })
      closers.push(() => listener.close())
      logger.info(`inbound mail listening on 127.0.0.1:${listener.port}`)
    } catch (error) {
      logger.error({ err: error }, 'inbound mail: cannot listen on port %d', tickets.inboundSmtpPort)
    }
  }
  if (tickets.inboundImapUrl) {
    const poller = startImapPoller({
      url: tickets.inboundImapUrl,
      receive: (raw) => receiveEmail(mailboxContext(deps, 'imap'), raw),
      logger: deps.logger.child({ component: 'inbound-imap' }),
    })
    closers.push(() => poller.stop())
  }
  return {
    async close() {
      for (const close of closers.reverse()) await close()
    },
  }
}
