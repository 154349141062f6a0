import { z } from 'zod'
import { CLAIM_MINUTES } from './policy.js'

/*
 * Each refusal's message is a key of admin-messages.ts: the admin routes answer a 422 whose field
 * errors read in the administrator's language (see admin-routes.ts).
 */
const key = (name: string) => `appointmentsAdmin.${name}`

const text = (max: number, message: string) =>
  z.string(key('required')).trim().min(1, key(message)).max(max, key(message))

/** HH:MM on the counters' five-minute grid, 00:00–23:55. */
const ZGridTime = z
  .string(key('required'))
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, key('time-grid'))
  .refine((value) => Number(value.slice(3)) % CLAIM_MINUTES === 0, key('time-grid'))

const ZIsoDay = z.iso.date(key('date'))

const distinct = (values: readonly string[]) => new Set(values).size === values.length

export const ZOfficeInput = z
  .object({
    name: text(120, 'office-name'),
    address: text(200, 'address'),
    accessibilityNotes: z.string().trim().max(1000, key('notes-length')).default(''),
  })
  .strict()
export type OfficeInput = z.infer<typeof ZOfficeInput>

export const ZCounterInput = z
  .object({
    name: text(60, 'counter-name'),
    serviceIds: z
      .array(z.uuid(key('unknown-service')), key('required'))
      .max(50)
      .refine(distinct, key('services-repeated'))
      .default([]),
  })
  .strict()
export type CounterInput = z.infer<typeof ZCounterInput>

export const ZServiceInput = z
  .object({
    name: text(120, 'service-name'),
    durationMinutes: z
      .number(key('duration'))
      .int(key('duration'))
      .min(CLAIM_MINUTES, key('duration'))
      .max(480, key('duration'))
      .multipleOf(CLAIM_MINUTES, key('duration')),
    documentsToBring: z
      .array(z.string().trim().min(1, key('document')).max(200, key('document')))
      .max(20, key('documents'))
      .default([]),
    maxActivePerCitizen: z
      .number(key('max-active'))
      .int(key('max-active'))
      .min(1, key('max-active'))
      .max(20, key('max-active'))
      .default(1),
    minNoticeHours: z
      .number(key('min-notice'))
      .int(key('min-notice'))
      .min(0, key('min-notice'))
      .max(720, key('min-notice'))
      .default(2),
    maxDaysAhead: z
      .number(key('max-days'))
      .int(key('max-days'))
      .min(1, key('max-days'))
      .max(365, key('max-days'))
      .default(60),
  })
  .strict()
export type ServiceInput = z.infer<typeof ZServiceInput>

const ZHoursRange = z
  .object({
    weekday: z.number(key('weekday')).int(key('weekday')).min(1, key('weekday')).max(7, key('weekday')),
    opensAt: ZGridTime,
    closesAt: ZGridTime,
  })
  .strict()
  .refine((range) => range.opensAt < range.closesAt, { message: key('hours-order'), path: ['closesAt'] })

/** A week of one office for one service: several ranges a day, none overlapping another that day. */
export const ZWeeklyHoursInput = z
  .object({ ranges: z.array(ZHoursRange, key('required')).max(70) })
  .strict()
  .superRefine(({ ranges }, context) => {
    ranges.forEach((range, index) => {
      const overlapping = ranges.some(
        (other, otherIndex) =>
          otherIndex !== index &&
          other.weekday === range.weekday &&
          other.opensAt < range.closesAt &&
          range.opensAt < other.closesAt,
      )
      if (overlapping)
        context.addIssue({
          code: 'custom',
          message: key('hours-overlap'),
          path: ['ranges', index, 'opensAt'],
        })
    })
  })
export type WeeklyHoursInput = z.infer<typeof ZWeeklyHoursInput>

export const ZClosureInput = z
  .object({
    officeId: z.uuid(key('unknown-office')).nullable().default(null),
    fromDate: ZIsoDay,
    toDate: ZIsoDay,
    reason: text(200, 'reason'),
  })
  .strict()
  .refine((closure) => closure.fromDate <= closure.toDate, {
    message: key('closure-order'),
    path: ['toDate'],
  })
export type ClosureInput = z.infer<typeof ZClosureInput>

export const ZClosureQuery = z.object({ from: z.iso.date().optional() }).strict()

export const ZOfficeParams = z.object({ officeId: z.uuid() })
export const ZCounterParams = z.object({ counterId: z.uuid() })
export const ZServiceParams = z.object({ serviceId: z.uuid() })
export const ZOfficeServiceParams = z.object({ officeId: z.uuid(), serviceId: z.uuid() })
export const ZClosureParams = z.object({ closureId: z.uuid() })

export const ZAdminCounter = z.object({ id: z.uuid(), name: z.string(), serviceIds: z.array(z.uuid()) })

export const ZAdminOffice = z.object({
  id: z.uuid(),
  name: z.string(),
  address: z.string(),
  accessibilityNotes: z.string(),
  counters: z.array(ZAdminCounter),
  /** Bookings still ahead (not cancelled): an office with any cannot be deleted. */
  futureBookings: z.number().int(),
})
export const ZAdminOffices = z.array(ZAdminOffice)

export const ZAdminService = z.object({
  id: z.uuid(),
  name: z.string(),
  durationMinutes: z.number().int(),
  documentsToBring: z.array(z.string()),
  maxActivePerCitizen: z.number().int(),
  minNoticeHours: z.number().int(),
  maxDaysAhead: z.number().int(),
  futureBookings: z.number().int(),
})
export const ZAdminServices = z.array(ZAdminService)

export const ZHoursRangeOut = z.object({
  weekday: z.number().int(),
  opensAt: z.string(),
  closesAt: z.string(),
})

export const ZOfficeHours = z.array(z.object({ serviceId: z.uuid(), ranges: z.array(ZHoursRangeOut) }))

export const ZWeeklyHoursSaved = z.object({
  serviceId: z.uuid(),
  ranges: z.array(ZHoursRangeOut),
  /** Bookings ahead that the new hours no longer cover: they are kept, not moved. */
  bookingsOutsideHours: z.number().int(),
})

export const ZAdminClosure = z.object({
  id: z.uuid(),
  officeId: z.uuid().nullable(),
  officeName: z.string().nullable(),
  fromDate: z.string(),
  toDate: z.string(),
  reason: z.string(),
})
export const ZAdminClosures = z.array(ZAdminClosure)

export const ZClosureAdded = ZAdminClosure.extend({
  /** Bookings already on the closed days: they are kept, and the office should warn those citizens. */
  bookingsOnClosedDays: z.number().int(),
})
