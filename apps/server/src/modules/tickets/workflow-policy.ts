import type { TicketStatus } from './policy.js'
import { type BusinessCalendar, resumeDueDate } from './sla.js'

/**
 * Where an operator may move a ticket by hand. 'assigned' and 'new' come from claiming, assigning
 * and forwarding, never from the status menu; 'closed' follows 'resolved'; a resolved ticket goes
 * back to work when reopened.
 */
export const MANUAL_TRANSITIONS: Record<TicketStatus, readonly TicketStatus[]> = {
  new: ['in-progress', 'waiting-citizen', 'waiting-office', 'resolved'],
  assigned: ['in-progress', 'waiting-citizen', 'waiting-office', 'resolved'],
  'in-progress': ['waiting-citizen', 'waiting-office', 'resolved'],
  'waiting-citizen': ['in-progress', 'waiting-office', 'resolved'],
  'waiting-office': ['in-progress', 'waiting-citizen', 'resolved'],
  resolved: ['in-progress', 'closed'],
  closed: [],
}

/** Status changes the citizen hears about; the others are the office's own business. */
export const NOTIFIED_STATUSES: readonly TicketStatus[] = ['waiting-citizen', 'resolved', 'closed']

export function allowedTransitions(from: TicketStatus): readonly TicketStatus[] {
  return MANUAL_TRANSITIONS[from] ?? []
}

export function isOpenStatus(status: string): boolean {
  return status !== 'resolved' && status !== 'closed'
}

export type TransitionRefusal =
  | 'tickets.transition-refused'
  | 'tickets.resolve-needs-reply'
  | 'tickets.closed'

/**
 * Why a ticket may not move from `from` to `to`, or null. Resolving needs something the citizen can
 * read: a public reply already sent or a resolution note given with the change.
 */
export function transitionRefusal(
  from: TicketStatus,
  to: TicketStatus,
  facts: { publicReplies: number; resolutionNote: string },
): TransitionRefusal | null {
  if (from === 'closed') return 'tickets.closed'
  if (!allowedTransitions(from).includes(to)) return 'tickets.transition-refused'
  if (to === 'resolved' && facts.publicReplies === 0 && facts.resolutionNote.trim() === '') {
    return 'tickets.resolve-needs-reply'
  }
  return null
}

export interface SlaClockFields {
  status: string
  slaPausedAt: Date | null
  firstResponseDueAt: Date | null
  resolutionDueAt: Date | null
}

/**
 * What the SLA fields become when a ticket changes status at `now`: waiting for the citizen stops
 * the clocks, leaving that wait moves both due times on by the business time it lasted.
 */
export function slaClockChanges(
  calendar: BusinessCalendar,
  ticket: SlaClockFields,
  to: TicketStatus,
  now: Date,
): Partial<SlaClockFields> {
  const pausing = to === 'waiting-citizen' && ticket.status !== 'waiting-citizen'
  if (pausing) return { slaPausedAt: now }
  const resuming = ticket.status === 'waiting-citizen' && to !== 'waiting-citizen' && ticket.slaPausedAt
  if (!resuming || !ticket.slaPausedAt) return {}
  const pausedAt = ticket.slaPausedAt
  const move = (due: Date | null) => (due ? resumeDueDate(calendar, due, pausedAt, now) : null)
  return {
    slaPausedAt: null,
    firstResponseDueAt: move(ticket.firstResponseDueAt),
    resolutionDueAt: move(ticket.resolutionDueAt),
  }
}

/** Whether a resolved ticket may still be reopened by its contact writing again. */
export function withinReopenWindow(resolvedAt: Date | null, now: Date, reopenDays: number): boolean {
  if (!resolvedAt) return false
  return now.getTime() - resolvedAt.getTime() <= reopenDays * 24 * 60 * 60 * 1000
}

/**
 * Where a reply leaves the ticket: a new or just assigned one is now being worked on, unless the
 * operator asks the citizen something and waits; otherwise the status stays.
 */
export function statusAfterReply(from: TicketStatus, requested: TicketStatus | undefined): TicketStatus {
  if (requested) return requested
  return from === 'new' || from === 'assigned' ? 'in-progress' : from
}

/** Placeholders a canned reply may contain, filled from the ticket being answered. */
export interface CannedReplyValues {
  nome: string
  codice: string
  oggetto: string
  operatore: string
  città: string
}

/** Fills `{nome}`, `{codice}`, … ; an unknown placeholder is left as written so the operator sees it. */
export function renderCannedReply(body: string, values: CannedReplyValues): string {
  return body.replace(/\{([\p{L}]+)\}/gu, (whole, name: string) =>
    name in values ? values[name as keyof CannedReplyValues] : whole,
  )
}
