import { recordAudit } from '../../platform/audit.js'
import type { ServiceContext } from '../../platform/context.js'
import { AppError } from '../../platform/errors.js'
import { appointmentsTimeline } from '../appointments/timeline.js'
import { certificatesTimeline } from '../certificates/timeline.js'
import { normalizeFiscalCode } from '../identity/codice-fiscale.js'
import { messagesTimeline } from '../notifications/timeline.js'
import { paymentsTimeline } from '../payments/timeline.js'
import { findPersonByFiscalCode } from '../registry/person-service.js'
import { isTicketOperator, isTicketSupervisor, mayOpenTicket } from './access.js'
import { readTimelinePage } from './timeline-repo.js'
import './timeline-messages.js'
import type { TimelineEntry } from './timeline-schema.js'

type Entry = Omit<TimelineEntry, 'at'> & { at: Date }

/** The other capabilities' parts of the view, read in the same statement as tickets and calls. */
const CAPABILITY_SOURCES = [appointmentsTimeline, paymentsTimeline, certificatesTimeline, messagesTimeline]

/**
 * The 360° view of a citizen: tickets, calls, appointments, payments, certificates and messages
 * in one chronological list, newest first, paged by instant. Every source reads at most one page
 * through its own index, all in one statement, so the cost does not grow with the citizen's
 * history. Each opening is audited.
 */
export async function citizenTimeline(
  ctx: ServiceContext,
  input: { fiscalCode: string; before?: string; limit: number },
) {
  const actor = ctx.actor
  if (!isTicketOperator(actor) && !isTicketSupervisor(actor)) throw new AppError('FORBIDDEN')
  const fiscalCode = normalizeFiscalCode(input.fiscalCode)
  if (!fiscalCode) throw new AppError('VALIDATION_FAILED', { messageKey: 'tickets.timeline-bad-fiscal-code' })
  const page = { before: input.before ? new Date(input.before) : undefined, limit: input.limit }
  const [person, rows] = await Promise.all([
    findPersonByFiscalCode(ctx.db, fiscalCode),
    readTimelinePage(ctx.db, fiscalCode, page, CAPABILITY_SOURCES),
  ])
  const entries: Entry[] = rows.map((row) => ({
    kind: row.kind as TimelineEntry['kind'],
    at: new Date(row.at),
    reference: row.reference,
    status: row.status,
    summary: row.detail ? `${row.title} · ${row.detail}` : row.title,
    channel: row.channel,
    amountCents: row.amount_cents === null ? null : Number(row.amount_cents),
    openable: row.team_code !== null && mayOpenTicket(actor, { teamCode: row.team_code }),
  }))
  // One statement, its own transaction: a reading changes nothing else.
  await recordAudit(ctx.db, actor, ctx.meta, ctx.clock.now(), {
    action: 'crm.timeline-viewed',
    subjectType: 'person',
    subjectId: fiscalCode,
    details: { entries: entries.length, before: input.before ?? null },
  })
  return {
    fiscalCode,
    person: person
      ? { givenName: person.givenName, familyName: person.familyName, birthDate: person.birthDate }
      : null,
    entries: entries.map((entry) => ({ ...entry, at: entry.at.toISOString() })),
    // A full page may have more behind it; the next one starts before its last instant.
    nextBefore: entries.length === page.limit ? (entries.at(-1)?.at.toISOString() ?? null) : null,
  }
}
