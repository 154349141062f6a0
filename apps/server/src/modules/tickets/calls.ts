import type { Queryable } from '../../db/client.js'
import { inTransaction } from '../../db/transaction.js'
import { recordAudit } from '../../platform/audit.js'
import type { ServiceContext } from '../../platform/context.js'
import { AppError } from '../../platform/errors.js'
import { type Locale, translate } from '../../platform/i18n.js'
import { timeOrderedUuid } from '../../platform/ids.js'
import { normalizeFiscalCode } from '../identity/codice-fiscale.js'
import {
  findCallByTelephonyId,
  findListedCall,
  findTelephonyWait,
  insertCall,
  type ListedCall,
  listCalls,
  lockTelephonyCall,
  setCallWait,
  upsertTelephonyWait,
} from './calls-repo.js'
import type { CallView, LogCallInput, TelephonyWaitInput } from './calls-schema.js'
import './channel-messages.js'
import { type ContactRef, normalizePhone, resolveContact } from './contacts.js'
import type { TicketsContext } from './context.js'
import { findOpenableDetail, openTicketInTx } from './intake.js'
import type { CallOutcome } from './policy.js'
import { findContactById } from './repo.js'

const CALL_ROLES = ['operator', 'supervisor'] as const
// The operator fills in the log right after hanging up; a start much later than now is a typo.
const FUTURE_TOLERANCE_MS = 5 * 60_000
/** Booking codes are eight readable characters (no I, O, 0 or 1). */
const BOOKING_CODE = /^[A-HJ-NP-Z2-9]{8}$/

function requireCallStaff(ctx: Pick<ServiceContext, 'actor'>): { id: string } {
  const { actor } = ctx
  if (
    actor.type !== 'staff' ||
    !actor.roles.some((role) => (CALL_ROLES as readonly string[]).includes(role))
  ) {
    throw new AppError('FORBIDDEN', { internalDetail: 'only operators and supervisors log calls' })
  }
  return { id: actor.id }
}

/** A refusal of one field of the log, answered 422 in the operator's language. */
function refuse(ctx: Pick<ServiceContext, 'meta'>, field: string, messageKey: string): AppError {
  return new AppError('VALIDATION_FAILED', {
    status: 422,
    messageKey,
    fieldErrors: [{ path: `body.${field}`, message: translate(ctx.meta.locale, messageKey) }],
  })
}

export function toCallView(row: ListedCall, locale: Locale): CallView {
  return {
    id: row.id,
    contactId: row.contactId,
    contactName: row.contactName,
    operatorStaffId: row.operatorStaffId,
    category: row.category
      ? { code: row.category.code, name: locale === 'en' ? row.category.nameEn : row.category.nameIt }
      : null,
    outcome: row.outcome as CallOutcome,
    ticketCode: row.ticketCode,
    bookingCode: row.bookingCode,
    notes: row.notes,
    callerPhone: row.callerPhone,
    startedAt: row.startedAt.toISOString(),
    durationSeconds: row.durationSeconds,
    waitSeconds: row.waitSeconds,
    telephonyCallId: row.telephonyCallId,
  }
}

interface CheckedCall {
  caller: ContactRef | null
  startedAt: Date
  bookingCode: string | null
  notes: string
}

/** Everything that can be refused before touching the database. */
function checkCall(ctx: TicketsContext, input: LogCallInput): CheckedCall {
  const notes = (input.notes ?? '').trim()
  let caller: ContactRef | null = null
  if ('fiscalCode' in input.caller) {
    const fiscalCode = normalizeFiscalCode(input.caller.fiscalCode)
    if (!fiscalCode) throw refuse(ctx, 'caller.fiscalCode', 'tickets.calls.bad-fiscal-code')
    caller = { fiscalCode, name: input.caller.name, phone: input.caller.phone }
  } else if ('phone' in input.caller) {
    caller = { phone: input.caller.phone, name: input.caller.name }
  }
  const startedAt = new Date(input.startedAt)
  if (startedAt.getTime() > ctx.clock.now().getTime() + FUTURE_TOLERANCE_MS) {
    throw refuse(ctx, 'startedAt', 'tickets.calls.in-the-future')
  }
  if (!input.categoryCode && input.outcome !== 'dropped') {
    throw refuse(ctx, 'categoryCode', 'tickets.calls.category-required')
  }
  const bookingCode = input.bookingCode ? input.bookingCode.trim().toUpperCase() : null
  if (bookingCode !== null && !BOOKING_CODE.test(bookingCode)) {
    throw refuse(ctx, 'bookingCode', 'tickets.calls.bad-booking-code')
  }
  if (input.outcome === 'appointment' && !bookingCode) {
    throw refuse(ctx, 'bookingCode', 'tickets.calls.booking-required')
  }
  if (input.outcome === 'ticket' && !notes) throw refuse(ctx, 'notes', 'tickets.calls.notes-required')
  return { caller, startedAt, bookingCode, notes }
}

/**
 * Logs a call the operator answered: who called (found by fiscal code or number, or nobody), the
 * triplet, how it ended. An outcome 'ticket' opens the ticket in the same transaction, with the
 * notes as its first message; the queue wait comes from the telephony system's report if it came.
 */
export async function logCall(ctx: TicketsContext, input: LogCallInput): Promise<CallView> {
  const operator = requireCallStaff(ctx)
  const checked = checkCall(ctx, input)
  const id = await inTransaction(ctx.db, async (tx) => {
    const now = ctx.clock.now()
    const telephonyCallId = input.telephonyCallId?.trim() || null
    let wait: { waitSeconds: number; callerPhone: string | null } | null = null
    if (telephonyCallId) {
      await lockTelephonyCall(tx, telephonyCallId)
      if (await findCallByTelephonyId(tx, telephonyCallId)) {
        throw new AppError('CONFLICT', { messageKey: 'tickets.calls.already-logged' })
      }
      wait = await findTelephonyWait(tx, telephonyCallId)
    }
    const category = input.categoryCode ? await findOpenableDetail(tx, input.categoryCode) : null
    let contactId = checked.caller ? (await resolveContact(tx, checked.caller, now)).id : null
    let ticketId: string | null = null
    let ticketCode: string | null = null
    if (input.outcome === 'ticket') {
      const opened = await openTicketInTx(tx, ctx, {
        channel: 'phone',
        contact: checked.caller ?? { anonymous: true, name: input.caller.name },
        categoryCode: category?.code ?? null,
        subject: input.subject ?? category?.nameIt ?? translate('it', 'tickets.calls.default-subject'),
        body: checked.notes,
        authorName: input.caller.name,
      })
      ticketId = opened.id
      ticketCode = opened.code
      if (contactId) contactId = opened.contactId
    }
    const callerPhone =
      'phone' in input.caller && input.caller.phone
        ? normalizePhone(input.caller.phone)
        : (wait?.callerPhone ?? null)
    const call = await insertCall(tx, {
      id: timeOrderedUuid(now.getTime()),
      contactId,
      operatorStaffId: operator.id,
      categoryId: category?.id ?? null,
      outcome: input.outcome,
      ticketId,
      bookingCode: checked.bookingCode,
      notes: checked.notes,
      callerPhone,
      startedAt: checked.startedAt,
      durationSeconds: input.durationSeconds,
      waitSeconds: wait?.waitSeconds ?? null,
      telephonyCallId,
      createdAt: now,
    })
    await recordAudit(tx, ctx.actor, ctx.meta, now, {
      action: 'ticket-call.logged',
      subjectType: 'contact-call',
      subjectId: call.id,
      details: {
        outcome: input.outcome,
        contactId,
        category: category?.code ?? null,
        ticketCode,
        bookingCode: checked.bookingCode,
        telephonyCallId,
      },
    })
    return call.id
  })
  const listed = await findListedCall(ctx.db, id)
  if (!listed) throw new Error('logged call not found')
  return toCallView(listed, ctx.meta.locale)
}

const OWN_CALLS_LIMIT = 200

/**
 * The operator's own recent calls, or one contact's calls; reading a contact's calls is reading a
 * citizen's data, so it is audited.
 */
export async function listContactCentreCalls(
  ctx: ServiceContext,
  query: { contactId?: string; from?: string; to?: string; limit?: number },
): Promise<{ calls: CallView[] }> {
  const operator = requireCallStaff(ctx)
  const window = {
    from: query.from ? new Date(query.from) : undefined,
    to: query.to ? new Date(query.to) : undefined,
    limit: Math.min(query.limit ?? 50, OWN_CALLS_LIMIT),
  }
  if (!query.contactId) {
    const rows = await listCalls(ctx.db, { ...window, operatorStaffId: operator.id })
    return { calls: rows.map((row) => toCallView(row, ctx.meta.locale)) }
  }
  const contactId = query.contactId
  if (!(await findContactById(ctx.db, contactId))) {
    throw new AppError('NOT_FOUND', { messageKey: 'tickets.contact-missing' })
  }
  const rows = await listCalls(ctx.db, { ...window, contactId })
  await inTransaction(ctx.db, (tx) =>
    recordAudit(tx, ctx.actor, ctx.meta, ctx.clock.now(), {
      action: 'ticket-contact.calls-read',
      subjectType: 'ticket-contact',
      subjectId: contactId,
      details: { calls: rows.length },
    }),
  )
  return { calls: rows.map((row) => toCallView(row, ctx.meta.locale)) }
}

/** A contact's calls, newest first, for the 360° timeline (which audits its own read). */
export async function listCallsOfContact(
  db: Queryable,
  contactId: string,
  options: { limit: number; locale?: Locale },
): Promise<CallView[]> {
  const rows = await listCalls(db, { contactId, limit: options.limit })
  return rows.map((row) => toCallView(row, options.locale ?? 'it'))
}

/**
 * The telephony system's report of a call's queue wait. Kept by its call id, so a repeat changes
 * nothing; a call the operator already logged gets the wait now, one logged later reads it then.
 */
export async function recordTelephonyWait(
  ctx: ServiceContext,
  input: TelephonyWaitInput,
): Promise<{ callId: string; matchedCall: boolean }> {
  const callId = input.callId.trim()
  return inTransaction(ctx.db, async (tx) => {
    const now = ctx.clock.now()
    await lockTelephonyCall(tx, callId)
    const callerPhone = input.callerPhone ? normalizePhone(input.callerPhone) : null
    await upsertTelephonyWait(tx, {
      telephonyCallId: callId,
      waitSeconds: input.waitSeconds,
      callerPhone,
      queue: input.queue?.trim() || null,
      receivedAt: now,
    })
    const call = await setCallWait(tx, {
      telephonyCallId: callId,
      waitSeconds: input.waitSeconds,
      callerPhone,
    })
    await recordAudit(tx, ctx.actor, ctx.meta, now, {
      action: 'telephony-wait.recorded',
      subjectType: 'telephony-call',
      subjectId: callId,
      details: { waitSeconds: input.waitSeconds, callId: call?.id ?? null },
    })
    return { callId, matchedCall: call !== null }
  })
}
