import type { z } from 'zod'
import { inTransaction } from '../../db/transaction.js'
import { AppError } from '../../platform/errors.js'
import { listTeamCodes, staffNamesById } from '../identity/staff-admin-service.js'
import { mayOpenTicket, mayWorkTeam, visibleTeams } from './access.js'
import type { TicketsContext } from './context.js'
import {
  OPEN_STATUSES,
  type TicketChannel,
  type TicketProcess,
  type TicketStatus,
  TRIAGE_TEAM,
} from './policy.js'
import {
  findQueueRowByCode,
  listQueuePage,
  listRoutedTeamCodes,
  loadQueueLabels,
  type QueueCursor,
  type QueueRow,
} from './queue-repo.js'
import {
  findCategoryByCode,
  findCategoryById,
  findContactById,
  findTicketByCode,
  findTicketById,
  listAttachments,
  listEvents,
  listMessages,
} from './repo.js'
import { type QueueItem, type QueueQuery, TICKET_CODE_PATTERN, type ZStaffTicket } from './schema.js'
import { cannedRepliesForTicket } from './taxonomy.js'
import { allowedTransitions } from './workflow-policy.js'
import { auditTicket, missingTicket, staffDisplayName, ticketStaff } from './workflow-support.js'

const iso = (value: Date | string | null): string | null =>
  value === null ? null : (value instanceof Date ? value : new Date(value)).toISOString()

function encodeCursor(cursor: QueueCursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url')
}

function decodeCursor(raw: string, sort: QueueQuery['sort']): QueueCursor {
  const bad = () => new AppError('VALIDATION_FAILED', { messageKey: 'tickets.bad-cursor' })
  let cursor: QueueCursor
  try {
    cursor = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as QueueCursor
  } catch {
    throw bad()
  }
  const uuid = /^[0-9a-f-]{36}$/i
  const instant = (value: unknown) => typeof value === 'string' && !Number.isNaN(Date.parse(value))
  if (cursor?.sort !== sort || typeof cursor.id !== 'string' || !uuid.test(cursor.id)) throw bad()
  if (cursor.sort === 'due' && cursor.dueAt !== null && !instant(cursor.dueAt)) throw bad()
  if (cursor.sort === 'activity' && !instant(cursor.at)) throw bad()
  return cursor
}

function cursorAfter(row: QueueRow, sort: QueueQuery['sort']): QueueCursor {
  return sort === 'due'
    ? { sort, dueAt: iso(row.resolution_due_at), id: row.id }
    : { sort, at: iso(row.last_activity_at) as string, id: row.id }
}

export async function queueItemsOf(ctx: TicketsContext, rows: readonly QueueRow[]): Promise<QueueItem[]> {
  const labels = await loadQueueLabels(ctx.db, rows)
  const names = await staffNamesById(
    ctx.db,
    rows.map((row) => row.assignee_staff_id).filter((id): id is string => !!id),
  )
  return rows.map((row) => ({
    code: row.code,
    subject: row.subject,
    status: row.status as TicketStatus,
    channel: row.channel as TicketChannel,
    teamCode: row.team_code,
    assignee: row.assignee_staff_id
      ? { id: row.assignee_staff_id, name: names.get(row.assignee_staff_id) ?? '' }
      : null,
    category: row.category_id ? (labels.categories.get(row.category_id) ?? null) : null,
    contactName: labels.contacts.get(row.contact_id) ?? '',
    createdAt: iso(row.created_at) as string,
    lastActivityAt: iso(row.last_activity_at) as string,
    firstResponseDueAt: iso(row.first_response_due_at),
    resolutionDueAt: iso(row.resolution_due_at),
    firstRespondedAt: iso(row.first_responded_at),
    slaPaused: row.sla_paused_at !== null,
    atRisk: row.sla_warned_at !== null && row.sla_breached_at === null,
    breached: row.sla_breached_at !== null,
    version: row.version,
  }))
}

/** The teams a queue reads: the one asked for (if the reader works it), or all they may see. */
async function queueTeams(ctx: TicketsContext, team: string | undefined): Promise<readonly string[]> {
  if (team) {
    if (!mayWorkTeam(ctx.actor, team)) throw missingTicket()
    return [team]
  }
  const visible = visibleTeams(ctx.actor)
  if (visible) return visible
  const all = new Set([...(await listTeamCodes(ctx.db)), ...(await listRoutedTeamCodes(ctx.db)), TRIAGE_TEAM])
  return [...all].sort()
}

/**
 * A page of the operator's queue, in due or activity order. A ticket code typed in the search box
 * finds that ticket alone (if the reader may open it); other text searches the subjects.
 */
export async function listQueue(
  ctx: TicketsContext,
  query: QueueQuery,
): Promise<{ items: QueueItem[]; nextCursor: string | null }> {
  const staff = ticketStaff(ctx)
  const teams = await queueTeams(ctx, query.team)
  const code = query.q?.toUpperCase()
  if (code && TICKET_CODE_PATTERN.test(code)) {
    const row = await findQueueRowByCode(ctx.db, code)
    const found =
      row && teams.includes(row.team_code) && mayOpenTicket(ctx.actor, { teamCode: row.team_code })
    return { items: found ? await queueItemsOf(ctx, [row]) : [], nextCursor: null }
  }
  let categoryId: string | undefined
  if (query.category) {
    const category = await findCategoryByCode(ctx.db, query.category)
    if (!category) return { items: [], nextCursor: null }
    categoryId = category.id
  }
  const assignee =
    query.assignee === undefined
      ? undefined
      : query.assignee === 'none'
        ? ({ kind: 'none' } as const)
        : ({ kind: 'staff', id: query.assignee === 'me' ? staff.id : query.assignee } as const)
  const rows = await listQueuePage(ctx.db, {
    teams,
    statuses: query.status?.length ? query.status : OPEN_STATUSES,
    assignee,
    channel: query.channel,
    categoryId,
    subjectContains: query.q,
    breached: query.breached,
    atRisk: query.atRisk,
    sort: query.sort,
    after: query.cursor ? decodeCursor(query.cursor, query.sort) : undefined,
    limit: query.limit,
  })
  const page = rows.slice(0, query.limit)
  const last = page.at(-1)
  return {
    items: await queueItemsOf(ctx, page),
    nextCursor: rows.length > query.limit && last ? encodeCursor(cursorAfter(last, query.sort)) : null,
  }
}

type StaffTicket = z.infer<typeof ZStaffTicket>

/**
 * Everything the console shows of one ticket: the conversation with notes, the history, the files,
 * where it may go next and the ready answers for its triplet. Reading it is audited.
 */
export async function getStaffTicket(ctx: TicketsContext, code: string): Promise<StaffTicket> {
  const staff = ticketStaff(ctx)
  const ticket = await findTicketByCode(ctx.db, code)
  if (!ticket || !mayOpenTicket(ctx.actor, ticket)) throw missingTicket()
  const [contact, category, messages, events, attachments, merged] = await Promise.all([
    findContactById(ctx.db, ticket.contactId),
    ticket.categoryId ? findCategoryById(ctx.db, ticket.categoryId) : null,
    listMessages(ctx.db, ticket.id),
    listEvents(ctx.db, ticket.id),
    listAttachments(ctx.db, ticket.id),
    ticket.mergedIntoId ? findTicketById(ctx.db, ticket.mergedIntoId) : null,
  ])
  const staffIds = [
    ...messages.map((m) => m.authorStaffId),
    ...events.map((e) => e.staffId),
    ticket.assigneeStaffId,
  ].filter((id): id is string => !!id)
  const names = await staffNamesById(ctx.db, staffIds)
  const operatorName = await staffDisplayName(ctx.db, staff.id)
  const [item] = await queueItemsOf(ctx, [
    {
      id: ticket.id,
      code: ticket.code,
      subject: ticket.subject,
      status: ticket.status,
      channel: ticket.channel,
      team_code: ticket.teamCode,
      assignee_staff_id: ticket.assigneeStaffId,
      category_id: ticket.categoryId,
      contact_id: ticket.contactId,
      created_at: ticket.createdAt,
      last_activity_at: ticket.lastActivityAt,
      first_response_due_at: ticket.firstResponseDueAt,
      resolution_due_at: ticket.resolutionDueAt,
      first_responded_at: ticket.firstRespondedAt,
      sla_paused_at: ticket.slaPausedAt,
      sla_warned_at: ticket.slaWarnedAt,
      sla_breached_at: ticket.slaBreachedAt,
      version: ticket.version,
    },
  ])
  await inTransaction(ctx.db, (tx) => auditTicket(tx, ctx, ctx.clock.now(), 'ticket.read', ticket))
  return {
    ticket: {
      ...(item as QueueItem),
      id: ticket.id,
      externalRef: ticket.externalRef,
      reopenCount: ticket.reopenCount,
      resolvedAt: iso(ticket.resolvedAt),
      closedAt: iso(ticket.closedAt),
      escalatedAt: iso(ticket.escalatedAt),
      mergedIntoCode: merged?.code ?? null,
    },
    contact: {
      id: ticket.contactId,
      displayName: contact?.displayName ?? '',
      fiscalCode: contact?.fiscalCode ?? null,
      email: contact?.email ?? null,
      emailVerified: contact?.emailVerified ?? false,
      phone: contact?.phone ?? null,
    },
    triplet: category
      ? {
          area: category.area,
          topic: category.topic,
          detail: { code: category.code, nameIt: category.nameIt, nameEn: category.nameEn },
          process: category.process as TicketProcess,
        }
      : null,
    messages: messages.map((message) => ({
      id: message.id,
      kind: message.kind as 'inbound' | 'reply' | 'note',
      channel: message.channel,
      authorName: message.authorStaffId
        ? (names.get(message.authorStaffId) ?? message.authorName)
        : message.authorName,
      authorStaffId: message.authorStaffId,
      body: message.body,
      createdAt: message.createdAt.toISOString(),
      attachments: attachments
        .filter((file) => file.messageId === message.id)
        .map((file) => ({
          id: file.id,
          fileName: file.fileName,
          mediaType: file.mediaType,
          sizeBytes: file.sizeBytes,
        })),
    })),
    events: events.map((event) => ({
      kind: event.kind,
      fromStatus: event.fromStatus,
      toStatus: event.toStatus,
      teamCode: event.teamCode,
      staff: event.staffId ? { id: event.staffId, name: names.get(event.staffId) ?? '' } : null,
      note: event.note,
      public: event.public,
      occurredAt: event.occurredAt.toISOString(),
    })),
    allowedTransitions: [...allowedTransitions(ticket.status as TicketStatus)],
    cannedReplies: await cannedRepliesForTicket(ctx.db, {
      ticket,
      contact,
      operatorName,
      // Answers go to citizens in Italian unless the operator asks for the English text.
      locale: 'it',
    }),
  }
}

/** One canned reply filled in for a ticket the reader may open, in the language asked. */
export async function renderCannedReplyFor(
  ctx: TicketsContext,
  input: { code: string; id: string; locale: 'it' | 'en' },
): Promise<{ id: string; title: string; body: string }> {
  const staff = ticketStaff(ctx)
  const ticket = await findTicketByCode(ctx.db, input.code)
  if (!ticket || !mayOpenTicket(ctx.actor, ticket)) throw missingTicket()
  const replies = await cannedRepliesForTicket(ctx.db, {
    ticket,
    contact: await findContactById(ctx.db, ticket.contactId),
    operatorName: await staffDisplayName(ctx.db, staff.id),
    locale: input.locale,
  })
  const reply = replies.find((candidate) => candidate.id === input.id)
  if (!reply) throw new AppError('NOT_FOUND', { messageKey: 'tickets.canned-missing' })
  return reply
}
