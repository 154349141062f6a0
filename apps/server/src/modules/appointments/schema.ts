import { z } from 'zod'
import { BOOKING_CHANNELS, BOOKING_STATUSES } from './policy.js'

export const ZBookingCode = z.object({
  code: z
    .string()
    .regex(/^[A-Za-z0-9]{8}$/, 'a booking code')
    .transform((code) => code.toUpperCase()),
})

export const ZSlotQuery = z
  .object({
    service: z.uuid(),
    office: z.uuid().optional(),
    date: z.iso.date().optional(),
    limit: z.coerce.number().int().min(1).max(200).default(20),
  })
  .strict()

const ZDetails = {
  reason: z.string().trim().max(500).default(''),
  notes: z.string().trim().max(1000).default(''),
  contact: z.string().trim().max(200).default(''),
}

export const ZBookAppointmentInput = z
  .object({
    service: z.uuid(),
    office: z.uuid(),
    start: z.iso.datetime({ offset: true }),
    ...ZDetails,
  })
  .strict()

export const ZRescheduleInput = z.object({ start: z.iso.datetime({ offset: true }) }).strict()

export const ZSlot = z.object({
  officeId: z.uuid(),
  officeName: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  freeCounters: z.number().int(),
})

export const ZSlots = z.object({
  service: z.object({ id: z.uuid(), name: z.string(), durationMinutes: z.number().int() }),
  slots: z.array(ZSlot),
})

export const ZServiceCatalogue = z.array(
  z.object({
    id: z.uuid(),
    name: z.string(),
    durationMinutes: z.number().int(),
    documentsToBring: z.array(z.string()),
    maxActivePerCitizen: z.number().int(),
    minNoticeHours: z.number().int(),
    maxDaysAhead: z.number().int(),
    offices: z.array(
      z.object({ id: z.uuid(), name: z.string(), address: z.string(), accessibilityNotes: z.string() }),
    ),
  }),
)

export const ZAppointment = z.object({
  code: z.string(),
  status: z.enum(BOOKING_STATUSES),
  channel: z.enum(BOOKING_CHANNELS),
  service: z.object({ id: z.uuid(), name: z.string() }),
  office: z.object({ id: z.uuid(), name: z.string(), address: z.string() }),
  counter: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  reason: z.string(),
  notes: z.string(),
  contact: z.string(),
})

export const ZAppointments = z.array(ZAppointment)

export const ZBooked = z.object({
  code: z.string(),
  status: z.enum(BOOKING_STATUSES),
  serviceId: z.uuid(),
  officeId: z.uuid(),
  counterId: z.uuid(),
  startsAt: z.string(),
  endsAt: z.string(),
})

export type BookAppointmentInput = z.infer<typeof ZBookAppointmentInput>
export type SlotOut = z.infer<typeof ZSlot>
