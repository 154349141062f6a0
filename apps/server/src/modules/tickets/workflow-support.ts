import type { Database, Queryable } from '../../db/client.js'
import { recordAudit } from '../../platform/audit.js'
import type { Actor } from '../../platform/context.js'
import { AppError } from '../../platform/errors.js'
import { staffNamesById } from '../identity/staff-admin-service.js'
import { isTicketOperator, isTicketSupervisor, mayOpenTicket } from './access.js'
import { loadBusinessCalendar } from './business-calendar.js'
import type { TicketsContext } from './context.js'
import './messages.js'
import { type TicketEventKind, type TicketStatus, TRIAGE_TARGETS } from './policy.js'
import {
  findCategoryById,
  insertEvent,
  lockTicketByCode,
  type TicketChanges,
  type TicketRow,
  updateTicket,
} from './repo.js'
import type { BusinessCalendar, SlaTargets } from './sla.js'

export type StaffActor = Extract<Actor, { type: 'staff' }>

/** The acting member of staff, if they may work tickets at all. */
export function ticketStaff(ctx: Pick<TicketsContext, 'actor'>): StaffActor {
  const { actor } = ctx
  if (actor.type !== 'staff' || (!isTicketOperator(actor) && !isTicketSupervisor(actor))) {
    throw new AppError('FORBIDDEN')
  }
  return actor
}

export function requireSupervisor(ctx: Pick<TicketsContext, 'actor'>): StaffActor {
  const { actor } = ctx
  if (actor.type !== 'staff' || !isTicketSupervisor(actor)) {
    throw new AppError('FORBIDDEN', { messageKey: 'tickets.supervisors-only' })
  }
  return actor
}

export function missingTicket(): AppError {
  return new AppError('NOT_FOUND', { messageKey: 'tickets.missing' })
}

/**
 * The ticket with this code locked for the change, if the acting member of staff may open it:
 * otherwise 404, as if it did not exist. A stale `version` from the console is a 409.
 */
export async function lockTicketForStaff(
  tx: Queryable,
  ctx: Pick<TicketsContext, 'actor'>,
  code: string,
  version?: number,
): Promise<TicketRow> {
  const ticket = await lockTicketByCode(tx, code)
  if (!ticket || !mayOpenTicket(ctx.actor, ticket)) throw missingTicket()
  if (version !== undefined && version !== ticket.version) {
    throw new AppError('CONFLICT', { messageKey: 'tickets.stale', extensions: { version: ticket.version } })
  }
  return ticket
}

/** The SLA targets of a ticket: its detail's, or the triage team's while it has no triplet. */
export async function slaTargetsOf(db: Queryable, categoryId: string | null): Promise<SlaTargets> {
  const category = categoryId ? await findCategoryById(db, categoryId) : null
  if (category?.firstResponseMinutes && category.resolutionMinutes) {
    return {
      firstResponseMinutes: category.firstResponseMinutes,
      resolutionMinutes: category.resolutionMinutes,
    }
  }
  return TRIAGE_TARGETS
}

/** The SLA calendar read through `db`: inside a transaction, pass the transaction. */
export function ticketCalendar(
  db: Queryable,
  ctx: Pick<TicketsContext, 'tickets'>,
): Promise<BusinessCalendar> {
  return loadBusinessCalendar({ db: db as Database }, ctx.tickets)
}

/** The acting member of staff's display name, written on their replies and notes. */
export async function staffDisplayName(db: Queryable, staffId: string): Promise<string> {
  return (await staffNamesById(db, [staffId])).get(staffId) ?? ''
}

export async function recordTicketEvent(
  tx: Queryable,
  ticket: Pick<TicketRow, 'id'>,
  at: Date,
  event: {
    kind: TicketEventKind
    fromStatus?: string | null
    toStatus?: string | null
    teamCode?: string | null
    staffId?: string | null
    note?: string
    public?: boolean
  },
): Promise<void> {
  await insertEvent(tx, {
    ticketId: ticket.id,
    kind: event.kind,
    fromStatus: event.fromStatus ?? null,
    toStatus: event.toStatus ?? null,
    teamCode: event.teamCode ?? null,
    staffId: event.staffId ?? null,
    note: event.note ?? '',
    public: event.public ?? false,
    occurredAt: at,
  })
}

export async function auditTicket(
  tx: Queryable,
  ctx: Pick<TicketsContext, 'actor' | 'meta'>,
  at: Date,
  action: string,
  ticket: Pick<TicketRow, 'id' | 'code'>,
  details: Record<string, unknown> = {},
): Promise<void> {
  await recordAudit(tx, ctx.actor, ctx.meta, at, {
    action,
    subjectType: 'ticket',
    subjectId: ticket.id,
    details: { code: ticket.code, ...details },
  })
}

export function staffIdOf(actor: Actor): string | null {
  return actor.type === 'staff' ? actor.id : null
}

/** What a staff action leaves behind: enough for the console to refresh its copy. */
export interface TicketState {
  id: string
  code: string
  status: TicketStatus
  teamCode: string
  assigneeStaffId: string | null
  version: number
}

export function stateOf(ticket: TicketRow): TicketState {
  return {
    id: ticket.id,
    code: ticket.code,
    status: ticket.status as TicketStatus,
    teamCode: ticket.teamCode,
    assigneeStaffId: ticket.assigneeStaffId,
    version: ticket.version,
  }
}

export async function applyChanges(
  tx: Queryable,
  ticket: TicketRow,
  changes: TicketChanges,
): Promise<TicketRow> {
  const updated = await updateTicket(tx, ticket.id, changes)
  if (!updated) throw missingTicket()
  return updated
}
