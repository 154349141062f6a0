import { recordAudit } from '../../platform/audit.js'
import type { ServiceContext } from '../../platform/context.js'
import { AppError } from '../../platform/errors.js'
import { romeCalendarDate } from '../registry/calendar-days.js'
import { romeDaysBounds } from './admin-policy.js'
import {
  type ClosureRow,
  deleteClosure,
  findOffice,
  insertClosureReturning,
  listClosuresFrom,
  listFutureBookingTimes,
} from './admin-repo.js'
import type { ClosureInput } from './admin-schema.js'
import {
  changeCalendar,
  fieldRefusal,
  requireCalendarAdministrator,
  requireCalendarReader,
} from './admin-service.js'

function closureView(row: ClosureRow, officeName: string | null) {
  return {
    id: row.id,
    officeId: row.officeId,
    officeName,
    fromDate: row.fromDate,
    toDate: row.toDate,
    reason: row.reason,
  }
}

/** Closures still running or ahead (from today, or from `from`), the nearest first. */
export async function listAdminClosures(ctx: ServiceContext, from?: string) {
  requireCalendarReader(ctx)
  const rows = await listClosuresFrom(ctx.db, from ?? romeCalendarDate(ctx.clock.now()))
  return rows.map(({ closure, officeName }) => closureView(closure, officeName))
}

/**
 * Closes one office, or every office when none is named, on a span of days. The slot search stops
 * offering those days at once; bookings already on them stay, and the answer says how many.
 */
export async function addClosure(ctx: ServiceContext, input: ClosureInput) {
  requireCalendarAdministrator(ctx)
  return changeCalendar(ctx, async (tx) => {
    const office = input.officeId ? await findOffice(tx, input.officeId) : null
    if (input.officeId && !office) throw fieldRefusal(ctx, 'officeId', 'appointmentsAdmin.unknown-office')
    const now = ctx.clock.now()
    const row = await insertClosureReturning(tx, { ...input, createdAt: now })
    const { from, to } = romeDaysBounds(input.fromDate, input.toDate)
    const onClosedDays = await listFutureBookingTimes(tx, {
      officeId: input.officeId,
      from: new Date(Math.max(from.getTime(), now.getTime())),
      to,
    })
    await recordAudit(tx, ctx.actor, ctx.meta, now, {
      action: 'appointments.admin.closure-added',
      subjectType: input.officeId ? 'appointment-office' : 'appointment-city',
      subjectId: input.officeId,
      details: { closureId: row.id, ...input, bookingsOnClosedDays: onClosedDays.length },
    })
    return { ...closureView(row, office?.name ?? null), bookingsOnClosedDays: onClosedDays.length }
  })
}

export async function removeClosure(ctx: ServiceContext, closureId: string) {
  requireCalendarAdministrator(ctx)
  await changeCalendar(ctx, async (tx) => {
    const row = await deleteClosure(tx, closureId)
    if (!row) throw new AppError('NOT_FOUND', { messageKey: 'appointmentsAdmin.unknown-closure' })
    await recordAudit(tx, ctx.actor, ctx.meta, ctx.clock.now(), {
      action: 'appointments.admin.closure-removed',
      subjectType: row.officeId ? 'appointment-office' : 'appointment-city',
      subjectId: row.officeId,
      details: { closureId, fromDate: row.fromDate, toDate: row.toDate, reason: row.reason },
    })
  })
}
