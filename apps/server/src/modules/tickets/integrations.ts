import type { Transaction } from '../../db/client.js'
import { AppError, isAppError } from '../../platform/errors.js'
import { formatRomeDateTime } from '../../platform/format.js'
import { type Locale, translate } from '../../platform/i18n.js'
import { type IncomingFile, inAttachmentTransaction, storeAttachments } from './attachments.js'
import './channel-messages.js'
import { findLatestThreadTicket, findTicketOfExternalMessage } from './channel-repo.js'
import type { ContactRef } from './contacts.js'
import type { TicketsContext } from './context.js'
import { consumeEmailProof } from './email-challenge.js'
import { openTicketInTx } from './intake.js'
import { lockExternalRef } from './intake-repo.js'
import type {
  ChatbotHandedOff,
  ChatbotHandoffInput,
  SocialMessageInput,
  SocialMessageReceived,
} from './integrations-schema.js'
import { findTicketById } from './repo.js'
import { appendInboundMessage } from './workflow.js'

const SUBJECT_LENGTH = 120

/** The start of a text as a subject line, cut at a word. */
function subjectFrom(text: string, fallback: string): string {
  const line =
    text
      .split('\n')
      .find((candidate) => candidate.trim())
      ?.trim() ?? ''
  if (!line) return fallback
  if (line.length <= SUBJECT_LENGTH) return line
  const cut = line.slice(0, SUBJECT_LENGTH)
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), SUBJECT_LENGTH - 30))}…`
}

function decodedFiles(input: SocialMessageInput): IncomingFile[] {
  return (input.attachments ?? []).map((file) => ({
    fileName: file.fileName,
    mediaType: file.mediaType,
    bytes: new Uint8Array(Buffer.from(file.contentBase64, 'base64')),
  }))
}

/**
 * A message from a social network's inbox. The first of a thread opens a ticket for triage, the
 * next ones join it; the network's message id is stored on the message, so a delivery repeated by
 * the integration is a no-op. A thread whose ticket was closed continues in a new one.
 */
export async function receiveSocialMessage(
  ctx: TicketsContext,
  input: SocialMessageInput,
): Promise<SocialMessageReceived> {
  const threadRef = `${input.network}:${input.threadId.trim()}`
  const externalId = `social:${input.network}:${input.messageId.trim()}`
  const text = (input.text ?? '').trim()
  const files = decodedFiles(input)
  if (!text && files.length === 0) {
    throw new AppError('VALIDATION_FAILED', { status: 422, messageKey: 'tickets.social.empty' })
  }
  const known = await findTicketOfExternalMessage(ctx.db, externalId)
  if (known) return { ticketCode: known.code, outcome: 'duplicate' }
  const locale = ctx.meta.locale
  const authorName = input.author.name?.trim() || input.author.handle
  const body = text || translate(locale, 'tickets.mail.empty-body')
  return inAttachmentTransaction(ctx, async (tx) => {
    // One message of a thread at a time: the second of two first messages finds the ticket.
    await lockExternalRef(tx, 'social', threadRef)
    const again = await findTicketOfExternalMessage(tx, externalId)
    if (again) return { ticketCode: again.code, outcome: 'duplicate' as const }
    const current = await findLatestThreadTicket(tx, 'social', threadRef)
    let closedCode: string | null = null
    if (current) {
      try {
        const appended = await appendInboundMessage(tx, ctx, {
          ticketId: current.id,
          body,
          channel: 'social',
          authorName,
          emailMessageId: externalId,
        })
        await storeAttachments(tx, ctx, { ticketId: appended.ticketId, messageId: appended.messageId, files })
        const ticket = await findTicketById(tx, appended.ticketId)
        return { ticketCode: ticket?.code ?? current.code, outcome: 'reply' as const }
      } catch (error) {
        if (!(isAppError(error) && error.messageKey === 'tickets.closed-write-new')) throw error
        closedCode = current.code
      }
    }
    const contact: ContactRef = input.author.email
      ? { email: input.author.email, verified: false, name: authorName }
      : { anonymous: true, name: input.author.handle }
    const lead = closedCode
      ? `${translate(locale, 'tickets.social.follow-up', { code: closedCode })}\n\n`
      : ''
    const opened = await openTicketInTx(tx, ctx, {
      channel: 'social',
      contact,
      subject: subjectFrom(text, `${input.network} ${input.author.handle}`),
      body: `${lead}${body}`,
      authorName,
      // A thread whose ticket was closed goes on under a reference of its own, found by its prefix.
      externalRef: closedCode ? `${threadRef}#${input.messageId.trim()}` : threadRef,
      emailMessageId: externalId,
      attachments: files,
    })
    return {
      ticketCode: opened.code,
      outcome: closedCode ? ('new-after-closed' as const) : ('new-ticket' as const),
    }
  })
}

/** The transcript as staff read it: the question first, then who said what and when. */
export function formatTranscript(input: ChatbotHandoffInput, locale: Locale): string {
  const speaker = {
    user: translate(locale, 'tickets.chatbot.user'),
    bot: translate(locale, 'tickets.chatbot.bot'),
  }
  const lines = input.transcript.map(
    (turn) => `[${formatRomeDateTime(new Date(turn.at), locale)}] ${speaker[turn.from]}: ${turn.text.trim()}`,
  )
  const question = `${translate(locale, 'tickets.chatbot.question')}: ${input.question.trim()}`
  if (lines.length === 0) return question
  return `${question}\n\n— ${translate(locale, 'tickets.chatbot.transcript')} —\n${lines.join('\n')}`
}

/**
 * The virtual assistant hands a conversation to the staff: a ticket on the chatbot channel with
 * the transcript as its first message. The session id is the reference, so handing the same
 * session off twice answers the first ticket. Called by the chatbot integration's route and,
 * in-process, by the assistant.
 */
export async function handOffChatbotSession(
  ctx: TicketsContext,
  input: ChatbotHandoffInput,
  options: {
    /** Someone without SPID who verified an e-mail address with a code: the ticket's contact. */
    emailProof?: { email: string; proof: string }
    /** The caller's own record of the hand-off, in the ticket's transaction. */
    alsoInTransaction?: (tx: Transaction, ticketCode: string) => Promise<void>
  } = {},
): Promise<ChatbotHandedOff> {
  const opened = await inAttachmentTransaction(ctx, async (tx) => {
    const contact: ContactRef = options.emailProof
      ? {
          email: (await consumeEmailProof(tx, { ...options.emailProof, at: ctx.clock.now() })).email,
          verified: true,
        }
      : input.citizen && 'fiscalCode' in input.citizen
        ? { fiscalCode: input.citizen.fiscalCode }
        : input.citizen
          ? { email: input.citizen.email, verified: false }
          : { anonymous: true }
    const ticket = await openTicketInTx(tx, ctx, {
      channel: 'chatbot',
      contact,
      categoryCode: input.categoryCode ?? null,
      subject: subjectFrom(input.question, translate(ctx.meta.locale, 'tickets.chatbot.transcript')),
      body: formatTranscript(input, ctx.meta.locale),
      externalRef: input.sessionId.trim(),
    })
    await options.alsoInTransaction?.(tx, ticket.code)
    return ticket
  })
  return { ticketCode: opened.code, created: opened.created }
}
