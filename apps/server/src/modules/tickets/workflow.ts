import type { Queryable } from '../../db/client.js'
import { inTransaction } from '../../db/transaction.js'
import { AppError } from '../../platform/errors.js'
import { timeOrderedUuid } from '../../platform/ids.js'
import { listActiveTeamMembers } from '../identity/staff-admin-service.js'
import { recordServiceUse } from '../surveys/service.js'
import { isTicketSupervisor, mayAssignWithinTeam } from './access.js'
import type { TicketsContext } from './context.js'
import { notifyTicketContact, replyEmailMessageId } from './mail-out.js'
import type { TicketChannel, TicketStatus } from './policy.js'
import {
  countMessagesOfKind,
  findContactById,
  insertMessage,
  lockTicket,
  type TicketChanges,
  type TicketRow,
} from './repo.js'
import { addBusinessMinutes } from './sla.js'
import {
  isOpenStatus,
  NOTIFIED_STATUSES,
  slaClockChanges,
  statusAfterReply,
  transitionRefusal,
  withinReopenWindow,
} from './workflow-policy.js'

export { assignByRule } from './assignment.js'

import {
  applyChanges,
  auditTicket,
  lockTicketForStaff,
  missingTicket,
  recordTicketEvent,
  slaTargetsOf,
  staffDisplayName,
  staffIdOf,
  stateOf,
  type TicketState,
  ticketCalendar,
  ticketStaff,
} from './workflow-support.js'

export interface InboundMessageInput {
  ticketId: string
  body: string
  channel: TicketChannel
  authorName?: string
  emailMessageId?: string
}

/**
 * The changes that reopen a resolved ticket at `now`: back to work with a fresh resolution time
 * and clean SLA marks, counted as a reopening.
 */
async function reopenChanges(tx: Queryable, ctx: TicketsContext, ticket: TicketRow, now: Date) {
  const calendar = await ticketCalendar(tx, ctx)
  const targets = await slaTargetsOf(tx, ticket.categoryId)
  return {
    status: 'in-progress',
    resolvedAt: null,
    reopenCount: ticket.reopenCount + 1,
    resolutionDueAt: addBusinessMinutes(calendar, now, targets.resolutionMinutes),
    slaPausedAt: null,
    slaWarnedAt: null,
    slaBreachedAt: null,
    escalatedAt: null,
  } satisfies TicketChanges
}

/**
 * Records what the contact wrote on an existing ticket, in the caller's transaction. A ticket
 * waiting for them goes back to work (its SLA clocks run again); a resolved one within the reopen
 * window is reopened; a closed one, or one resolved too long ago, refuses: the caller opens a new
 * ticket. A message to a merged duplicate lands on the ticket it was merged into.
 */
export async function appendInboundMessage(
  tx: Queryable,
  ctx: TicketsContext,
  input: InboundMessageInput,
): Promise<{ messageId: string; ticketId: string; reopened: boolean }> {
  let ticket = await lockTicket(tx, input.ticketId)
  if (ticket?.mergedIntoId) ticket = await lockTicket(tx, ticket.mergedIntoId)
  if (!ticket) throw missingTicket()
  const now = ctx.clock.now()
  const from = ticket.status as TicketStatus
  let changes: TicketChanges = { lastActivityAt: now }
  let reopened = false
  if (from === 'closed') throw new AppError('CONFLICT', { messageKey: 'tickets.closed-write-new' })
  if (from === 'resolved') {
    if (!withinReopenWindow(ticket.resolvedAt, now, ctx.tickets.reopenDays)) {
      throw new AppError('CONFLICT', { messageKey: 'tickets.closed-write-new' })
    }
    changes = { ...changes, ...(await reopenChanges(tx, ctx, ticket, now)) }
    reopened = true
    await recordTicketEvent(tx, ticket, now, { kind: 'reopened', public: true })
  } else if (from === 'waiting-citizen') {
    const calendar = await ticketCalendar(tx, ctx)
    changes = { ...changes, ...slaClockChanges(calendar, ticket, 'in-progress', now), status: 'in-progress' }
  }
  if (changes.status && changes.status !== from) {
    await recordTicketEvent(tx, ticket, now, {
      kind: 'status',
      fromStatus: from,
      toStatus: changes.status,
      public: true,
    })
  }
  const message = await insertMessage(tx, {
    id: timeOrderedUuid(now.getTime()),
    ticketId: ticket.id,
    kind: 'inbound',
    channel: input.channel,
    authorName: input.authorName ?? '',
    body: input.body,
    emailMessageId: input.emailMessageId ?? null,
    createdAt: now,
  })
  await applyChanges(tx, ticket, changes)
  await auditTicket(tx, ctx, now, 'ticket.inbound-message', ticket, {
    messageId: message.id,
    channel: input.channel,
    reopened,
  })
  return { messageId: message.id, ticketId: ticket.id, reopened }
}

/** An operator of the ticket's team takes an unassigned open ticket. Claiming one's own is a no-op. */
export async function claimTicket(
  ctx: TicketsContext,
  input: { code: string; version?: number },
): Promise<TicketState> {
  const staff = ticketStaff(ctx)
  return inTransaction(ctx.db, async (tx) => {
    const ticket = await lockTicketForStaff(tx, ctx, input.code, input.version)
    if (!isOpenStatus(ticket.status)) throw new AppError('CONFLICT', { messageKey: 'tickets.not-open' })
    if (ticket.assigneeStaffId === staff.id) return stateOf(ticket)
    if (ticket.assigneeStaffId) throw new AppError('CONFLICT', { messageKey: 'tickets.already-assigned' })
    if (!staff.teams.includes(ticket.teamCode)) {
      throw new AppError('FORBIDDEN', { messageKey: 'tickets.assignee-not-member' })
    }
    const now = ctx.clock.now()
    const status = ticket.status === 'new' ? 'assigned' : ticket.status
    const updated = await applyChanges(tx, ticket, { assigneeStaffId: staff.id, status, lastActivityAt: now })
    await recordTicketEvent(tx, ticket, now, {
      kind: 'assigned',
      fromStatus: ticket.status,
      toStatus: status,
      teamCode: ticket.teamCode,
      staffId: staff.id,
    })
    await auditTicket(tx, ctx, now, 'ticket.claim', ticket)
    return stateOf(updated)
  })
}

/** Whether a member of staff is an active operator or supervisor of a team. */
export async function isActiveTeamWorker(db: Queryable, teamCode: string, staffId: string): Promise<boolean> {
  const members = await listActiveTeamMembers(db, teamCode)
  return members.some(
    (member) =>
      member.id === staffId && (member.roles.includes('operator') || member.roles.includes('supervisor')),
  )
}

/**
 * Gives a ticket to someone of its team (or to nobody, back to the queue). Supervisors assign any
 * ticket; operators those of their own teams, to colleagues of that team.
 */
export async function assignTicket(
  ctx: TicketsContext,
  input: { code: string; assigneeId: string | null; version?: number },
): Promise<TicketState> {
  ticketStaff(ctx)
  return inTransaction(ctx.db, async (tx) => {
    const ticket = await lockTicketForStaff(tx, ctx, input.code, input.version)
    if (!isOpenStatus(ticket.status)) throw new AppError('CONFLICT', { messageKey: 'tickets.not-open' })
    if (!mayAssignWithinTeam(ctx.actor, ticket.teamCode)) {
      throw new AppError('FORBIDDEN', { messageKey: 'tickets.operator-assigns-own-team' })
    }
    if (input.assigneeId && !(await isActiveTeamWorker(tx, ticket.teamCode, input.assigneeId))) {
      throw new AppError('VALIDATION_FAILED', { messageKey: 'tickets.assignee-not-member' })
    }
    if (input.assigneeId === ticket.assigneeStaffId) return stateOf(ticket)
    const now = ctx.clock.now()
    const status =
      input.assigneeId && ticket.status === 'new'
        ? 'assigned'
        : !input.assigneeId && ticket.status === 'assigned'
          ? 'new'
          : ticket.status
    const updated = await applyChanges(tx, ticket, {
      assigneeStaffId: input.assigneeId,
      status,
      lastActivityAt: now,
    })
    await recordTicketEvent(tx, ticket, now, {
      kind: 'assigned',
      fromStatus: ticket.status,
      toStatus: status,
      teamCode: ticket.teamCode,
      staffId: input.assigneeId,
      note: isTicketSupervisor(ctx.actor) ? 'supervisor' : '',
    })
    await auditTicket(tx, ctx, now, 'ticket.assign', ticket, {
      from: ticket.assigneeStaffId,
      to: input.assigneeId,
    })
    return stateOf(updated)
  })
}

/**
 * The changes of a status change at `now`, shared by the status menu and by replies: SLA pause and
 * resume, resolution time, closing, reopening, and the citizen's service use on resolution.
 */
async function statusChanges(
  tx: Queryable,
  ctx: TicketsContext,
  ticket: TicketRow,
  to: TicketStatus,
  now: Date,
): Promise<TicketChanges> {
  const from = ticket.status as TicketStatus
  if (from === 'resolved' && to === 'in-progress') return reopenChanges(tx, ctx, ticket, now)
  const calendar = await ticketCalendar(tx, ctx)
  const changes: TicketChanges = { ...slaClockChanges(calendar, ticket, to, now), status: to }
  if (to === 'resolved') {
    changes.resolvedAt = now
    const contact = await findContactById(tx, ticket.contactId)
    if (contact?.fiscalCode) {
      await recordServiceUse(tx, {
        kind: 'ticket-resolved',
        citizenFiscalCode: contact.fiscalCode,
        subjectId: ticket.code,
        channel: ticket.channel,
        occurredAt: now,
      })
    }
  }
  if (to === 'closed') changes.closedAt = now
  return changes
}

async function moveStatus(
  tx: Queryable,
  ctx: TicketsContext,
  ticket: TicketRow,
  to: TicketStatus,
  options: { note: string; now: Date; extra?: TicketChanges },
): Promise<TicketRow> {
  const { now } = options
  const changes = {
    ...(await statusChanges(tx, ctx, ticket, to, now)),
    ...options.extra,
    lastActivityAt: now,
  }
  if (ticket.status === 'resolved' && to === 'in-progress') {
    await recordTicketEvent(tx, ticket, now, {
      kind: 'reopened',
      staffId: staffIdOf(ctx.actor),
      public: true,
    })
  }
  await recordTicketEvent(tx, ticket, now, {
    kind: 'status',
    fromStatus: ticket.status,
    toStatus: to,
    staffId: staffIdOf(ctx.actor),
    note: options.note,
    public: true,
  })
  return applyChanges(tx, ticket, changes)
}

/**
 * Moves a ticket through the workflow from the status menu. A note given with the change is shown
 * to the citizen with it (a resolution note for a problem solved on the phone, for instance).
 */
export async function changeStatus(
  ctx: TicketsContext,
  input: { code: string; status: TicketStatus; note?: string; version?: number },
): Promise<TicketState> {
  const staff = ticketStaff(ctx)
  return inTransaction(ctx.db, async (tx) => {
    const ticket = await lockTicketForStaff(tx, ctx, input.code, input.version)
    const note = input.note?.trim() ?? ''
    const refusal = transitionRefusal(ticket.status as TicketStatus, input.status, {
      publicReplies: await countMessagesOfKind(tx, ticket.id, 'reply'),
      resolutionNote: note,
    })
    if (refusal) throw new AppError('CONFLICT', { messageKey: refusal })
    const now = ctx.clock.now()
    // Working on an unassigned ticket takes it.
    const takes =
      !ticket.assigneeStaffId && input.status === 'in-progress' && staff.teams.includes(ticket.teamCode)
    const updated = await moveStatus(tx, ctx, ticket, input.status, {
      note,
      now,
      extra: takes ? { assigneeStaffId: staff.id } : undefined,
    })
    if (NOTIFIED_STATUSES.includes(input.status)) {
      await notifyTicketContact(tx, ctx, { ticketId: ticket.id, kind: 'status' })
    }
    await auditTicket(tx, ctx, now, 'ticket.status', ticket, { from: ticket.status, to: input.status })
    return stateOf(updated)
  })
}

export type ReplyFollowUp = 'waiting-citizen' | 'resolved'

/**
 * A public answer to the contact. The first one stops the first-response clock; a new or assigned
 * ticket is then being worked on, unless the operator asks something and waits for the answer, or
 * resolves it with this reply. The contact hears of it on their channel.
 */
export async function replyToTicket(
  ctx: TicketsContext,
  input: { code: string; body: string; nextStatus?: ReplyFollowUp; version?: number },
): Promise<TicketState & { messageId: string }> {
  const staff = ticketStaff(ctx)
  return inTransaction(ctx.db, async (tx) => {
    const ticket = await lockTicketForStaff(tx, ctx, input.code, input.version)
    const from = ticket.status as TicketStatus
    if (!isOpenStatus(from)) throw new AppError('CONFLICT', { messageKey: 'tickets.not-open' })
    const to = statusAfterReply(from, input.nextStatus)
    if (to !== from) {
      const refusal = transitionRefusal(from, to, { publicReplies: 1, resolutionNote: '' })
      if (refusal) throw new AppError('CONFLICT', { messageKey: refusal })
    }
    const now = ctx.clock.now()
    const contact = await findContactById(tx, ticket.contactId)
    const id = timeOrderedUuid(now.getTime())
    await insertMessage(tx, {
      id,
      ticketId: ticket.id,
      kind: 'reply',
      channel: contact?.email && (ticket.channel === 'email' || !contact.fiscalCode) ? 'email' : 'web',
      authorStaffId: staff.id,
      authorName: await staffDisplayName(tx, staff.id),
      body: input.body,
      emailMessageId: contact?.email ? replyEmailMessageId(id, ctx.publicUrl) : null,
      createdAt: now,
    })
    const extra: TicketChanges = {
      ...(ticket.firstRespondedAt ? {} : { firstRespondedAt: now }),
      ...(!ticket.assigneeStaffId && staff.teams.includes(ticket.teamCode)
        ? { assigneeStaffId: staff.id }
        : {}),
    }
    const updated =
      to === from
        ? await applyChanges(tx, ticket, { ...extra, lastActivityAt: now })
        : await moveStatus(tx, ctx, ticket, to, { note: '', now, extra })
    await notifyTicketContact(tx, ctx, { ticketId: ticket.id, kind: 'reply', messageId: id })
    await auditTicket(tx, ctx, now, 'ticket.reply', ticket, { messageId: id, status: to })
    return { ...stateOf(updated), messageId: id }
  })
}

/** An internal note: staff read it on the ticket, the citizen never does. */
export async function addNote(
  ctx: TicketsContext,
  input: { code: string; body: string; version?: number },
): Promise<TicketState & { messageId: string }> {
  const staff = ticketStaff(ctx)
  return inTransaction(ctx.db, async (tx) => {
    const ticket = await lockTicketForStaff(tx, ctx, input.code, input.version)
    if (ticket.status === 'closed') throw new AppError('CONFLICT', { messageKey: 'tickets.closed' })
    const now = ctx.clock.now()
    const id = timeOrderedUuid(now.getTime())
    await insertMessage(tx, {
      id,
      ticketId: ticket.id,
      kind: 'note',
      channel: 'web',
      authorStaffId: staff.id,
      authorName: await staffDisplayName(tx, staff.id),
      body: input.body,
      createdAt: now,
    })
    const updated = await applyChanges(tx, ticket, { lastActivityAt: now })
    await auditTicket(tx, ctx, now, 'ticket.note', ticket, { messageId: id })
    return { ...stateOf(updated), messageId: id }
  })
}
