import type { Queryable } from '../../db/client.js'
import type { Actor, ServiceContext } from '../../platform/context.js'
import { AppError } from '../../platform/errors.js'
import type { Locale } from '../../platform/i18n.js'
import { citizenMaySeeTicket, citizenTicketOwner } from './access.js'
import {
  type AttachmentContent,
  type IncomingFile,
  inAttachmentTransaction,
  readAttachment,
  storeAttachments,
} from './attachments.js'
import { listTicketsOfFiscalCode, type OwnTicketRow } from './citizen-repo.js'
import type { TicketsContext } from './context.js'
import './intake-messages.js'
import type { TicketChannel, TicketStatus } from './policy.js'
import {
  findCategoryById,
  findContactById,
  findMessageById,
  findTicketByCode,
  findTicketById,
  listAttachments,
  listEvents,
  listMessages,
  type TicketRow,
} from './repo.js'
import { appendInboundMessage } from './workflow.js'
import { withinReopenWindow } from './workflow-policy.js'

type Names = { nameIt: string; nameEn: string } | null
type Triplet = { area: string | null; topic: string | null; detail: string } | null

function nameIn(locale: Locale, names: Names): string | null {
  if (!names) return null
  return locale === 'en' ? names.nameEn || names.nameIt : names.nameIt
}

function tripletOf(locale: Locale, detail: Names, topic: Names, area: Names): Triplet {
  const detailName = nameIn(locale, detail)
  return detailName ? { area: nameIn(locale, area), topic: nameIn(locale, topic), detail: detailName } : null
}

function ownerOf(actor: Actor): string {
  const owner = citizenTicketOwner(actor)
  if (!owner) throw new AppError('FORBIDDEN', { internalDetail: `${actor.type} has no tickets folder` })
  return owner
}

const missing = () => new AppError('NOT_FOUND', { messageKey: 'tickets.request-missing' })

/** The ticket with this code if the acting citizen may see it; otherwise not found, never forbidden. */
async function ownTicket(db: Queryable, actor: Actor, code: string): Promise<TicketRow> {
  ownerOf(actor)
  const ticket = await findTicketByCode(db, code)
  const contact = ticket ? await findContactById(db, ticket.contactId) : null
  if (!ticket || !contact || !citizenMaySeeTicket(actor, contact)) throw missing()
  return ticket
}

function encodeCursor(row: OwnTicketRow): string {
  return Buffer.from(`${row.createdAt.toISOString()}|${row.id}`).toString('base64url')
}

function decodeCursor(cursor: string): { createdAt: Date; id: string } {
  const [at, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|')
  const createdAt = new Date(at ?? '')
  if (Number.isNaN(createdAt.getTime()) || !/^[0-9a-f-]{36}$/.test(id ?? '')) {
    throw new AppError('VALIDATION_FAILED', {
      fieldErrors: [{ path: 'querystring.cursor', message: 'cursor' }],
    })
  }
  return { createdAt, id: id as string }
}

export interface MyTicketSummary {
  code: string
  subject: string
  category: Triplet
  channel: TicketChannel
  status: TicketStatus
  createdAt: string
  lastActivityAt: string
  replied: boolean
}

/** "Richieste inviate": the tickets of the citizen (or of whom they act for), newest first. */
export async function listMyTickets(
  ctx: Pick<ServiceContext, 'db' | 'actor' | 'meta'>,
  query: { cursor?: string; limit: number },
): Promise<{ items: MyTicketSummary[]; nextCursor: string | null }> {
  const owner = ownerOf(ctx.actor)
  const after = query.cursor ? decodeCursor(query.cursor) : null
  const rows = await listTicketsOfFiscalCode(ctx.db, owner, { after, limit: query.limit + 1 })
  const page = rows.slice(0, query.limit)
  const last = page.at(-1)
  return {
    items: page.map((row) => ({
      code: row.code,
      subject: row.subject,
      category: tripletOf(ctx.meta.locale, row.detail, row.topic, row.area),
      channel: row.channel as TicketChannel,
      status: row.status as TicketStatus,
      createdAt: row.createdAt.toISOString(),
      lastActivityAt: row.lastActivityAt.toISOString(),
      replied: row.lastPublicKind === 'reply',
    })),
    nextCursor: rows.length > query.limit && last ? encodeCursor(last) : null,
  }
}

function mayStillWrite(ticket: TicketRow, now: Date, reopenDays: number): boolean {
  if (ticket.status === 'closed') return false
  return ticket.status !== 'resolved' || withinReopenWindow(ticket.resolvedAt, now, reopenDays)
}

/** One of the citizen's tickets as they may see it: what they wrote and the replies, never notes. */
export async function getMyTicket(ctx: TicketsContext, code: string) {
  const ticket = await ownTicket(ctx.db, ctx.actor, code)
  const locale = ctx.meta.locale
  const [category, messages, events, attachments] = await Promise.all([
    ticket.categoryId ? findCategoryById(ctx.db, ticket.categoryId) : null,
    listMessages(ctx.db, ticket.id),
    listEvents(ctx.db, ticket.id),
    listAttachments(ctx.db, ticket.id),
  ])
  const visible = messages.filter((message) => message.kind === 'inbound' || message.kind === 'reply')
  const lastVisible = visible.at(-1)
  return {
    code: ticket.code,
    subject: ticket.subject,
    category: category ? tripletOf(locale, category, category.topic, category.area) : null,
    channel: ticket.channel as TicketChannel,
    status: ticket.status as TicketStatus,
    createdAt: ticket.createdAt.toISOString(),
    lastActivityAt: ticket.lastActivityAt.toISOString(),
    replied: lastVisible?.kind === 'reply',
    canReply: mayStillWrite(ticket, ctx.clock.now(), ctx.tickets.reopenDays),
    messages: visible.map((message) => ({
      id: message.id,
      kind: message.kind as 'inbound' | 'reply',
      authorName: message.authorName,
      body: message.body,
      createdAt: message.createdAt.toISOString(),
      // Only files of messages shown: a note's attachments stay with staff.
      attachments: attachments
        .filter((attachment) => attachment.messageId === message.id)
        .map(({ id, fileName, mediaType, sizeBytes }) => ({ id, fileName, mediaType, sizeBytes })),
    })),
    history: events
      .filter((event) => event.public)
      .map((event) => ({
        kind: event.kind,
        fromStatus: event.fromStatus as TicketStatus | null,
        toStatus: event.toStatus as TicketStatus | null,
        occurredAt: event.occurredAt.toISOString(),
      })),
  }
}

/**
 * The citizen writes again from the folder: a ticket waiting for them goes back to work, a
 * recently resolved one reopens, a closed one refuses (they open a new request).
 */
export async function replyToMyTicket(
  ctx: TicketsContext,
  input: { code: string; body: string; files: IncomingFile[] },
): Promise<{ messageId: string; reopened: boolean; status: TicketStatus }> {
  return inAttachmentTransaction(ctx, async (tx) => {
    const ticket = await ownTicket(tx, ctx.actor, input.code)
    const contact = await findContactById(tx, ticket.contactId)
    const appended = await appendInboundMessage(tx, ctx, {
      ticketId: ticket.id,
      body: input.body,
      channel: 'web',
      authorName: contact?.displayName ?? '',
    })
    await storeAttachments(tx, ctx, {
      ticketId: appended.ticketId,
      messageId: appended.messageId,
      files: input.files,
    })
    const after = await findTicketById(tx, appended.ticketId)
    return {
      messageId: appended.messageId,
      reopened: appended.reopened,
      status: (after?.status ?? ticket.status) as TicketStatus,
    }
  })
}

/** A file of one of the citizen's tickets, if it belongs to a message they can see. */
export async function readMyAttachment(
  ctx: TicketsContext,
  input: { code: string; attachmentId: string },
): Promise<AttachmentContent> {
  const ticket = await ownTicket(ctx.db, ctx.actor, input.code)
  const attachment = await readAttachment(ctx, { attachmentId: input.attachmentId, ticketId: ticket.id })
  const message = await findMessageById(ctx.db, attachment.messageId)
  if (!message || (message.kind !== 'inbound' && message.kind !== 'reply')) {
    throw new AppError('NOT_FOUND', { messageKey: 'tickets.attachment-missing' })
  }
  return attachment
}
