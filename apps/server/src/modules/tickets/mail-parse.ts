import { createHash } from 'node:crypto'
import { type AddressObject, type Attachment, type HeaderValue, simpleParser } from 'mailparser'
import type { IncomingFile } from './attachments.js'

/** What the CRM reads of an e-mail sent to the city. */
export interface InboundEmail {
  from: { address: string; name: string } | null
  subject: string
  /** Its own Message-ID, angle brackets included; derived from the content when the mail has none. */
  messageId: string
  inReplyTo: string | null
  /** In-Reply-To first, then References from the newest back: the order to look threads up in. */
  threadIds: string[]
  text: string
  attachments: IncomingFile[]
  /** An auto-reply, a bounce or a bulk mailing: nobody to answer, no ticket to open. */
  automated: boolean
}

/** A message larger than this is refused whole: providers' own limits are around 25 MB. */
export const INBOUND_EMAIL_MAX_BYTES = 30 * 1024 * 1024
/** A body longer than this is cut: nobody writes more, only pasted logs or broken mailers. */
const MAX_BODY_CHARS = 100_000
/** Inline images below this size are logos and signatures, not photos the citizen pasted in. */
const MIN_INLINE_IMAGE_BYTES = 20_000

const AUTOMATED_SENDERS = /^(mailer-daemon|postmaster|mail-daemon)$/i
const BULK_PRECEDENCE = /^(bulk|junk|list|auto_reply)$/i

function headerText(value: HeaderValue | undefined): string {
  if (value === undefined) return ''
  if (typeof value === 'string') return value
  if (Array.isArray(value)) return value.map((item) => headerText(item as HeaderValue)).join(' ')
  if (value instanceof Date) return value.toISOString()
  if ('value' in value && typeof value.value === 'string') return value.value
  return ''
}

/** RFC 3834 and the usual de-facto markers: Auto-Submitted, Precedence, X-Autoreply, delivery reports. */
function isAutomated(headers: Map<string, HeaderValue>, from: InboundEmail['from']): boolean {
  const autoSubmitted = headerText(headers.get('auto-submitted')).trim().toLowerCase()
  if (autoSubmitted && autoSubmitted !== 'no') return true
  if (BULK_PRECEDENCE.test(headerText(headers.get('precedence')).trim())) return true
  if (headers.has('x-autoreply') || headers.has('x-autorespond')) return true
  const contentType = headerText(headers.get('content-type')).toLowerCase()
  if (contentType.startsWith('multipart/report')) return true
  const localPart = from?.address.split('@')[0] ?? ''
  return AUTOMATED_SENDERS.test(localPart)
}

function firstAddress(field: AddressObject | undefined): InboundEmail['from'] {
  const entry = field?.value.find((candidate) => candidate.address)
  if (!entry?.address) return null
  return { address: entry.address.trim().toLowerCase(), name: entry.name.trim() }
}

const MESSAGE_ID = /<[^<>\s]+>/g

function messageIdsIn(value: string | string[] | undefined): string[] {
  const text = Array.isArray(value) ? value.join(' ') : (value ?? '')
  const bracketed = text.match(MESSAGE_ID)
  if (bracketed) return bracketed
  // Some mailers drop the brackets; put them back so the ids compare with the stored ones.
  return text
    .split(/\s+/)
    .filter((part) => part.includes('@'))
    .map((part) => `<${part}>`)
}

/** A real attachment, or a photo pasted into the body; not a logo of the sender's signature. */
function worthKeeping(attachment: Attachment): boolean {
  if (attachment.contentType === 'message/delivery-status') return false
  if (!attachment.related) return true
  return attachment.contentType.startsWith('image/') && attachment.size >= MIN_INLINE_IMAGE_BYTES
}

function normaliseText(text: string): string {
  const flat = text
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
  return flat.length > MAX_BODY_CHARS ? `${flat.slice(0, MAX_BODY_CHARS)}…` : flat
}

/** Parses a raw RFC 5322 message: headers, the text (from the HTML when there is no text part), files. */
export async function parseInboundEmail(raw: Buffer | string): Promise<InboundEmail> {
  const parsed = await simpleParser(raw, { skipImageLinks: true, skipTextToHtml: true })
  const from = firstAddress(parsed.from)
  const inReplyTo = messageIdsIn(parsed.inReplyTo)[0] ?? null
  const references = messageIdsIn(parsed.references).reverse()
  const threadIds = [...new Set([...(inReplyTo ? [inReplyTo] : []), ...references])]
  const ownId = messageIdsIn(parsed.messageId)[0]
  const attachments = parsed.attachments.filter(worthKeeping).map((attachment, index) => ({
    fileName: attachment.filename?.trim() || `allegato-${index + 1}`,
    mediaType: attachment.contentType,
    bytes: new Uint8Array(attachment.content),
  }))
  return {
    from,
    subject: (parsed.subject ?? '').replace(/\s+/g, ' ').trim(),
    // Without a Message-ID the same bytes delivered twice must still count once.
    messageId:
      ownId ?? `<sha256-${createHash('sha256').update(raw).digest('hex').slice(0, 40)}@inbound.invalid>`,
    inReplyTo,
    threadIds,
    text: normaliseText(parsed.text ?? ''),
    attachments,
    automated: isAutomated(parsed.headers, from),
  }
}

// Where mail clients start the quoted message: Gmail, Apple Mail, Outlook, Thunderbird, in Italian and English.
const QUOTE_HEADERS = [
  /^On .{4,200} wrote:$/,
  /^Il giorno .{4,200} ha scritto:$/,
  /^Il .{4,200} ha scritto:$/,
  /^.{4,200} <[^>]+@[^>]+> (ha scritto|wrote):$/,
  /^-{2,}\s*(Original Message|Messaggio originale)\s*-{2,}$/i,
  /^_{10,}$/,
  /^(From|Da): .+$/,
]

/**
 * A reply without the history it quotes: the conversation already holds it. Keeps the whole text
 * when trimming would leave nothing (a reply written inline, between the quoted lines).
 */
export function trimQuotedHistory(text: string): string {
  const lines = text.split('\n')
  let end = lines.length
  for (let index = 0; index < lines.length; index++) {
    const line = (lines[index] ?? '').trim()
    // Outlook's header block: "Da:" followed within a few lines by "Inviato:"/"Sent:".
    if (/^(From|Da): /.test(line)) {
      const next = lines.slice(index + 1, index + 5).join('\n')
      if (!/^(Sent|Inviato|Date|Data): /m.test(next)) continue
    }
    // Long "On … wrote:" lines come wrapped in two.
    const joined = /^(On|Il) /.test(line) ? `${line} ${(lines[index + 1] ?? '').trim()}` : line
    if (QUOTE_HEADERS.some((pattern) => pattern.test(line) || pattern.test(joined))) {
      end = index
      break
    }
  }
  const kept = lines.slice(0, end)
  while (kept.length > 0 && /^\s*(>.*)?$/.test(kept[kept.length - 1] ?? '')) kept.pop()
  const trimmed = kept.join('\n').trim()
  if (!trimmed) return text
  return trimmed
}

/** The ticket code tagged in a subject, "[R2026-K7P3QX]", as the city's e-mails put it. */
export function ticketCodeInSubject(subject: string): string | null {
  return /\[(R\d{4}-[A-Z0-9]{6})\]/i.exec(subject)?.[1]?.toUpperCase() ?? null
}
