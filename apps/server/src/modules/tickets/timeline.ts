import { inTransaction } from '../../db/transaction.js'
import { recordAudit } from '../../platform/audit.js'
import type { ServiceContext } from '../../platform/context.js'
import { AppError } from '../../platform/errors.js'
import { appointmentsForTimeline } from '../appointments/timeline.js'
import { certificatesForTimeline } from '../certificates/timeline.js'
import { normalizeFiscalCode } from '../identity/codice-fiscale.js'
import { messagesForTimeline } from '../notifications/timeline.js'
import { paymentsForTimeline } from '../payments/timeline.js'
import { findPersonByFiscalCode } from '../registry/person-service.js'
import { isTicketOperator, isTicketSupervisor, mayOpenTicket } from './access.js'
import { listCallsForTimeline, listContactIdsOf, listTicketsForTimeline } from './timeline-repo.js'
import './timeline-messages.js'
import type { TimelineEntry } from './timeline-schema.js'

type Entry = Omit<TimelineEntry, 'at'> & { at: Date }

/**
 * The 360° view of a citizen: tickets, calls, appointments, payments, certificates and messages
 * in one chronological list, newest first, paged by instant. Every source reads at most one page
 * through its own index, so the cost does not grow with the citizen's history. Each opening is
 * audited.
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
  const contactIds = await listContactIdsOf(ctx.db, fiscalCode)
  const [person, tickets, calls, appointments, payments, certificates, messages] = await Promise.all([
    findPersonByFiscalCode(ctx.db, fiscalCode),
    listTicketsForTimeline(ctx.db, contactIds, page),
    listCallsForTimeline(ctx.db, contactIds, page),
    appointmentsForTimeline(ctx.db, fiscalCode, page),
    paymentsForTimeline(ctx.db, fiscalCode, page),
    certificatesForTimeline(ctx.db, fiscalCode, page),
    messagesForTimeline(ctx.db, fiscalCode, page),
  ])
  const merged: Entry[] = [
    ...tickets.map((ticket) => ({
      kind: 'ticket' as const,
      at: ticket.createdAt,
      reference: ticket.code,
      status: ticket.status,
      summary: ticket.category ? `${ticket.subject} · ${ticket.category}` : ticket.subject,
      channel: ticket.channel,
      amountCents: null,
      openable: mayOpenTicket(actor, ticket),
    })),
    ...calls.map((call) => ({
      kind: 'call' as const,
      at: call.startedAt,
      reference: call.bookingCode ?? call.id,
      status: call.outcome,
      summary: call.category ?? '',
      channel: 'phone',
      amountCents: null,
      openable: false,
    })),
    ...appointments.map((booking) => ({
      kind: 'appointment' as const,
      at: booking.at,
      reference: booking.code,
      status: booking.status,
      summary: `${booking.service} · ${booking.office}`,
      channel: booking.channel,
      amountCents: null,
      openable: false,
    })),
    ...payments.map((payment) => ({
      kind: 'payment' as const,
      at: payment.at,
      reference: payment.reference,
      status: payment.status,
      summary: payment.description,
      channel: null,
      amountCents: payment.amountCents,
      openable: false,
    })),
    ...certificates.map((certificate) => ({
      kind: 'certificate' as const,
      at: certificate.at,
      reference: certificate.id,
      status: certificate.status,
      summary: certificate.type,
      channel: null,
      amountCents: null,
      openable: false,
    })),
    ...messages.map((message) => ({
      kind: 'message' as const,
      at: message.at,
      reference: message.id,
      status: message.read ? 'read' : 'unread',
      summary: message.subject,
      channel: null,
      amountCents: null,
      openable: false,
    })),
  ]
  merged.sort((a, b) => b.at.getTime() - a.at.getTime())
  const entries = merged.slice(0, page.limit)
  await inTransaction(ctx.db, (tx) =>
    recordAudit(tx, actor, ctx.meta, ctx.clock.now(), {
      action: 'crm.timeline-viewed',
      subjectType: 'person',
      subjectId: fiscalCode,
      details: { entries: entries.length, before: input.before ?? null },
    }),
  )
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
