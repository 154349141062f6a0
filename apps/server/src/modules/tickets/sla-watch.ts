import { createHash } from 'node:crypto'
import type { Logger } from 'pino'
import type { Config } from '../../config.js'
import type { Database } from '../../db/client.js'
import { inTransaction } from '../../db/transaction.js'
import { recordAudit } from '../../platform/audit.js'
import type { Clock } from '../../platform/clock.js'
import type { Actor } from '../../platform/context.js'
import { formatRomeDateTime } from '../../platform/format.js'
import type { JobQueue } from '../../platform/jobs.js'
import type { EmailMessage, MessageSender } from '../../platform/outbox/message-sender.js'
import { cityTitle, getCityProfile } from '../city/service.js'
import { supervisorEmailsFor } from '../identity/staff-admin-service.js'
import { loadBusinessCalendar } from './business-calendar.js'
import { SLA_WARNING_SHARE, TRIAGE_TARGETS } from './policy.js'
import { findTicketById } from './repo.js'
import { addBusinessMinutes, type BusinessCalendar, businessMinutesBetween } from './sla.js'
import {
  listWarningCandidates,
  lockOverdueTickets,
  longestResolutionTarget,
  markBreached,
  markWarned,
  type WatchedTicket,
} from './sla-repo.js'
import { findTeamSettings } from './taxonomy-repo.js'
import { recordTicketEvent } from './workflow-support.js'

export const SLA_WATCH_JOB = 'tickets.sla-watch'
export const ESCALATION_EMAIL_JOB = 'tickets.escalation-email'

/** Tickets marked per transaction, and at most per run: a backlog is worked off over a few minutes. */
const BATCH = 200
const MAX_PER_RUN = 5_000

const WATCH_ACTOR: Actor = { type: 'system', name: 'tickets.sla-watch' }
const NO_REQUEST = { ip: null, requestId: null }

export interface SlaWatchDeps {
  db: Database
  jobs: JobQueue
  clock: Clock
  logger: Logger
  tickets: Pick<Config['tickets'], 'businessHours'>
}

/** A UUID derived from a key, so a breach queues its escalation e-mail once. */
function stableJobId(key: string): string {
  const hex = createHash('sha256').update(key).digest('hex')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`
}

/**
 * Whether the warning share of a ticket's resolution time is gone at `now`: what is left, in
 * business minutes, is no more than the rest of its target.
 */
export function warningDue(
  calendar: BusinessCalendar,
  ticket: Pick<WatchedTicket, 'resolutionDueAt' | 'resolutionMinutes'>,
  now: Date,
): boolean {
  const target = ticket.resolutionMinutes ?? TRIAGE_TARGETS.resolutionMinutes
  const left = businessMinutesBetween(calendar, now, ticket.resolutionDueAt)
  return left <= warningLead(target)
}

/** Business minutes left when a target of `target` minutes warns; 600 minutes warn with 120 left. */
export function warningLead(target: number): number {
  // Rounded: 600 × 0.2 is 119.99999999999997 in binary floating point.
  return Math.round(target * (1 - SLA_WARNING_SHARE) * 1000) / 1000
}

/** Marks breaches and escalates them: a breached ticket is escalated once and its team told. */
async function markBreaches(deps: SlaWatchDeps, now: Date): Promise<number> {
  let total = 0
  while (total < MAX_PER_RUN) {
    const marked = await inTransaction(deps.db, async (tx) => {
      const overdue = await lockOverdueTickets(tx, now, BATCH)
      for (const ticket of overdue) {
        await markBreached(tx, ticket.id, now)
        await recordTicketEvent(tx, ticket, now, { kind: 'sla-breached', teamCode: ticket.teamCode })
        await recordTicketEvent(tx, ticket, now, { kind: 'escalated', teamCode: ticket.teamCode })
        await deps.jobs.enqueue(
          tx,
          ESCALATION_EMAIL_JOB,
          { ticketId: ticket.id },
          { id: stableJobId(`tickets.escalation:${ticket.id}:${ticket.resolutionDueAt.toISOString()}`) },
        )
      }
      if (overdue.length > 0) {
        await recordAudit(tx, WATCH_ACTOR, NO_REQUEST, now, {
          action: 'ticket.sla-breached',
          subjectType: 'ticket',
          details: { codes: overdue.map((ticket) => ticket.code) },
        })
      }
      return overdue.length
    })
    total += marked
    if (marked < BATCH) break
  }
  return total
}

/** Warns tickets whose time is mostly gone; only those due within the longest warning lead are read. */
async function markWarnings(deps: SlaWatchDeps, calendar: BusinessCalendar, now: Date): Promise<number> {
  const longest = Math.max(await longestResolutionTarget(deps.db), TRIAGE_TARGETS.resolutionMinutes)
  const horizon = addBusinessMinutes(calendar, now, Math.ceil(warningLead(longest)))
  let after: { dueAt: Date; id: string } | undefined
  let total = 0
  for (let read = 0; read < MAX_PER_RUN; read += BATCH) {
    const page = await listWarningCandidates(deps.db, { now, horizon, after, limit: BATCH })
    if (page.length === 0) break
    const last = page.at(-1) as WatchedTicket
    after = { dueAt: last.resolutionDueAt, id: last.id }
    const due = page.filter((ticket) => warningDue(calendar, ticket, now))
    if (due.length > 0) {
      total += await inTransaction(deps.db, async (tx) => {
        const warned: string[] = []
        for (const ticket of due) {
          if (!(await markWarned(tx, ticket.id, now))) continue
          await recordTicketEvent(tx, ticket, now, { kind: 'sla-warning', teamCode: ticket.teamCode })
          warned.push(ticket.code)
        }
        if (warned.length > 0) {
          await recordAudit(tx, WATCH_ACTOR, NO_REQUEST, now, {
            action: 'ticket.sla-warning',
            subjectType: 'ticket',
            details: { codes: warned },
          })
        }
        return warned.length
      })
    }
    if (page.length < BATCH) break
  }
  return total
}

/**
 * One pass of the SLA watch: breaches first (they matter most), then warnings. Safe to run twice
 * or on two workers at once: every mark is conditional and breached rows are locked skip-locked.
 */
export async function runSlaWatch(
  deps: SlaWatchDeps,
  now: Date = deps.clock.now(),
): Promise<{ warned: number; breached: number }> {
  const calendar = await loadBusinessCalendar(deps, deps.tickets)
  const breached = await markBreaches(deps, now)
  const warned = await markWarnings(deps, calendar, now)
  if (breached + warned > 0) deps.logger.info({ breached, warned }, 'SLA watch marked tickets')
  return { warned, breached }
}

export interface EscalationMailDeps {
  db: Database
  email: MessageSender<EmailMessage>
  publicUrl: string
}

/** Tells the team's escalation address, or its supervisors, that a ticket is past its time. */
export async function sendEscalationEmail(deps: EscalationMailDeps, ticketId: string): Promise<void> {
  const ticket = await findTicketById(deps.db, ticketId)
  if (!ticket?.slaBreachedAt) return
  const settings = await findTeamSettings(deps.db, ticket.teamCode)
  const recipients = settings?.escalationEmail
    ? [settings.escalationEmail]
    : await supervisorEmailsFor(deps.db, ticket.teamCode)
  if (recipients.length === 0) return
  const city = cityTitle(await getCityProfile({ db: deps.db }))
  const link = `${deps.publicUrl.replace(/\/$/, '')}/backoffice/richieste/${ticket.code}`
  const due = ticket.resolutionDueAt ? formatRomeDateTime(ticket.resolutionDueAt, 'it') : '—'
  const host = new URL(deps.publicUrl).hostname
  await deps.email.send({
    to: recipients.join(', '),
    subject: `[${ticket.code}] Tempo di risoluzione superato — ${ticket.subject}`,
    text: [
      `La richiesta ${ticket.code} del gruppo ${ticket.teamCode} ha superato il tempo di risoluzione (scadenza ${due}) ed è stata scalata.`,
      `Oggetto: ${ticket.subject}`,
      `Stato: ${ticket.status}${ticket.assigneeStaffId ? '' : ', non assegnata'}`,
      `Aprila: ${link}`,
      `-- \n${city}`,
    ].join('\n\n'),
    messageId: `<escalation-${ticket.id}-${ticket.slaBreachedAt.getTime()}@${host}>`,
    headers: { 'Auto-Submitted': 'auto-generated', 'X-Civico-Ticket': ticket.code },
  })
}
