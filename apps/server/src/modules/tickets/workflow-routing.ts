import { inTransaction } from '../../db/transaction.js'
import { AppError } from '../../platform/errors.js'
import { timeOrderedUuid } from '../../platform/ids.js'
import { existingTeamCodes } from '../identity/staff-admin-service.js'
import { isTicketSupervisor, mayOpenTicket } from './access.js'
import { assignByRule } from './assignment.js'
import type { TicketsContext } from './context.js'
import type { TicketStatus } from './policy.js'
import {
  findCategoryByCode,
  findTicketById,
  insertMessage,
  lockTicketByCode,
  moveConversation,
  type TicketChanges,
  type TicketRow,
} from './repo.js'
import { slaDueDates } from './sla.js'
import { isActiveTeamWorker } from './workflow.js'
import { isOpenStatus, slaClockChanges } from './workflow-policy.js'
import {
  applyChanges,
  auditTicket,
  lockTicketForStaff,
  missingTicket,
  recordTicketEvent,
  staffDisplayName,
  stateOf,
  type TicketState,
  ticketCalendar,
  ticketStaff,
} from './workflow-support.js'

function requireOpen(ticket: TicketRow): void {
  if (!isOpenStatus(ticket.status)) throw new AppError('CONFLICT', { messageKey: 'tickets.not-open' })
}

/** A ticket moving to another team starts there from the queue: no assignee, status new. */
async function teamMoveChanges(
  tx: Parameters<typeof ticketCalendar>[0],
  ctx: TicketsContext,
  ticket: TicketRow,
  now: Date,
): Promise<TicketChanges> {
  const calendar = await ticketCalendar(tx, ctx)
  return { ...slaClockChanges(calendar, ticket, 'new', now), status: 'new', assigneeStaffId: null }
}

/**
 * Hands a ticket to another team with a note for them. The ticket enters that team's queue (or
 * goes to a member at once when the team assigns by rule); whoever forwarded it may no longer see
 * it, which is why the answer says so instead of failing.
 */
export async function forwardTicket(
  ctx: TicketsContext,
  input: { code: string; teamCode: string; note: string; version?: number },
): Promise<TicketState & { visible: boolean }> {
  const staff = ticketStaff(ctx)
  return inTransaction(ctx.db, async (tx) => {
    const ticket = await lockTicketForStaff(tx, ctx, input.code, input.version)
    requireOpen(ticket)
    if (input.teamCode === ticket.teamCode) {
      throw new AppError('VALIDATION_FAILED', { messageKey: 'tickets.forward-same-team' })
    }
    if ((await existingTeamCodes(tx, [input.teamCode])).length === 0) {
      throw new AppError('VALIDATION_FAILED', { messageKey: 'tickets.team-unknown' })
    }
    const now = ctx.clock.now()
    const note = input.note.trim()
    if (note) {
      await insertMessage(tx, {
        id: timeOrderedUuid(now.getTime()),
        ticketId: ticket.id,
        kind: 'note',
        channel: 'web',
        authorStaffId: staff.id,
        authorName: await staffDisplayName(tx, staff.id),
        body: note,
        createdAt: now,
      })
    }
    await applyChanges(tx, ticket, {
      ...(await teamMoveChanges(tx, ctx, ticket, now)),
      teamCode: input.teamCode,
      lastActivityAt: now,
    })
    await recordTicketEvent(tx, ticket, now, {
      kind: 'forwarded',
      fromStatus: ticket.status,
      toStatus: 'new',
      teamCode: input.teamCode,
      staffId: staff.id,
      note,
    })
    await assignByRule(tx, ctx, ticket.id)
    await auditTicket(tx, ctx, now, 'ticket.forward', ticket, { from: ticket.teamCode, to: input.teamCode })
    const updated = (await findTicketById(tx, ticket.id)) as TicketRow
    return { ...stateOf(updated), visible: mayOpenTicket(ctx.actor, updated) }
  })
}

/**
 * Merges a duplicate into the primary ticket: the duplicate's conversation and files move to the
 * primary, the duplicate closes pointing at it. Operators merge tickets of the same contact;
 * tickets of two contacts need a supervisor.
 */
export async function mergeTickets(
  ctx: TicketsContext,
  input: { code: string; intoCode: string; version?: number },
): Promise<TicketState> {
  ticketStaff(ctx)
  if (input.code === input.intoCode)
    throw new AppError('VALIDATION_FAILED', { messageKey: 'tickets.merge-self' })
  return inTransaction(ctx.db, async (tx) => {
    // Locked in code order, so two merges of the same pair cannot deadlock.
    const [first, second] = [input.code, input.intoCode].sort()
    const locked = new Map<string, TicketRow>()
    for (const code of [first, second] as string[]) {
      const row = await lockTicketByCode(tx, code)
      if (!row || !mayOpenTicket(ctx.actor, row)) throw missingTicket()
      locked.set(code, row)
    }
    const duplicate = locked.get(input.code) as TicketRow
    const primary = locked.get(input.intoCode) as TicketRow
    if (input.version !== undefined && input.version !== duplicate.version) {
      throw new AppError('CONFLICT', {
        messageKey: 'tickets.stale',
        extensions: { version: duplicate.version },
      })
    }
    if (duplicate.status === 'closed' || primary.status === 'closed' || primary.mergedIntoId) {
      throw new AppError('CONFLICT', { messageKey: 'tickets.merge-closed' })
    }
    if (duplicate.contactId !== primary.contactId && !isTicketSupervisor(ctx.actor)) {
      throw new AppError('FORBIDDEN', { messageKey: 'tickets.merge-other-contact' })
    }
    const now = ctx.clock.now()
    const moved = await moveConversation(tx, duplicate.id, primary.id)
    const closed = await applyChanges(tx, duplicate, {
      status: 'closed',
      closedAt: now,
      mergedIntoId: primary.id,
      slaPausedAt: null,
      lastActivityAt: now,
    })
    await applyChanges(tx, primary, { lastActivityAt: now })
    const staffId = ctx.actor.type === 'staff' ? ctx.actor.id : null
    await recordTicketEvent(tx, duplicate, now, {
      kind: 'merged',
      fromStatus: duplicate.status,
      toStatus: 'closed',
      staffId,
      note: primary.code,
      public: true,
    })
    await recordTicketEvent(tx, primary, now, { kind: 'merged', staffId, note: duplicate.code })
    await auditTicket(tx, ctx, now, 'ticket.merge', duplicate, { into: primary.code, messagesMoved: moved })
    return stateOf(closed)
  })
}

/**
 * Classifies a ticket with a detail of the taxonomy: its team, process and SLA targets follow the
 * detail, with due times counted again from when the ticket arrived. A ticket changing team leaves
 * its assignee behind unless they work in the new team too.
 */
export async function categoriseTicket(
  ctx: TicketsContext,
  input: { code: string; categoryCode: string; version?: number },
): Promise<TicketState & { visible: boolean }> {
  ticketStaff(ctx)
  return inTransaction(ctx.db, async (tx) => {
    const ticket = await lockTicketForStaff(tx, ctx, input.code, input.version)
    requireOpen(ticket)
    const category = await findCategoryByCode(tx, input.categoryCode)
    if (!category?.active) throw new AppError('VALIDATION_FAILED', { messageKey: 'tickets.category-unknown' })
    if (
      category.level !== 3 ||
      !category.teamCode ||
      !category.firstResponseMinutes ||
      !category.resolutionMinutes
    ) {
      throw new AppError('VALIDATION_FAILED', { messageKey: 'tickets.category-not-detail' })
    }
    const now = ctx.clock.now()
    const calendar = await ticketCalendar(tx, ctx)
    const due = slaDueDates(calendar, ticket.createdAt, {
      firstResponseMinutes: category.firstResponseMinutes,
      resolutionMinutes: category.resolutionMinutes,
    })
    const changes: TicketChanges = {
      categoryId: category.id,
      teamCode: category.teamCode,
      firstResponseDueAt: due.firstResponseDueAt,
      resolutionDueAt: due.resolutionDueAt,
      lastActivityAt: now,
    }
    // New times still ahead: the old warnings no longer hold.
    if (due.resolutionDueAt > now)
      Object.assign(changes, { slaWarnedAt: null, slaBreachedAt: null, escalatedAt: null })
    const teamChanges = category.teamCode !== ticket.teamCode
    const keepsAssignee =
      ticket.assigneeStaffId !== null &&
      (await isActiveTeamWorker(tx, category.teamCode, ticket.assigneeStaffId))
    if (teamChanges && !keepsAssignee) Object.assign(changes, await teamMoveChanges(tx, ctx, ticket, now))
    await applyChanges(tx, ticket, changes)
    await recordTicketEvent(tx, ticket, now, {
      kind: 'categorised',
      fromStatus: ticket.status,
      toStatus: (changes.status as TicketStatus | undefined) ?? ticket.status,
      teamCode: category.teamCode,
      staffId: ctx.actor.type === 'staff' ? ctx.actor.id : null,
      note: category.code,
    })
    if (teamChanges) await assignByRule(tx, ctx, ticket.id)
    await auditTicket(tx, ctx, now, 'ticket.categorise', ticket, {
      category: category.code,
      fromTeam: ticket.teamCode,
      toTeam: category.teamCode,
    })
    const updated = (await findTicketById(tx, ticket.id)) as TicketRow
    return { ...stateOf(updated), visible: mayOpenTicket(ctx.actor, updated) }
  })
}
