import { z } from 'zod'
import { BOOKING_CHANNELS, BOOKING_STATUSES, WAITLIST_STATUSES } from './policy.js'

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
  /** When status is `offered`: until when the freed slot waits for the citizen to take it. */
  heldUntil: z.string().nullable(),
  /** The number shown on the office's display once checked in. */
  ticketNumber: z.number().int().nullable(),
  documentsToBring: z.array(z.string()),
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

export const ZStaffBookingInput = ZBookAppointmentInput.extend({
  fiscalCode: z.string().trim().toUpperCase(),
})

export const ZStaffCitizenQuery = z.object({ fiscalCode: z.string().trim().toUpperCase() }).strict()

export const ZStaffAppointment = ZAppointment.extend({ citizenFiscalCode: z.string() })
export const ZStaffAppointments = z.array(ZStaffAppointment)

/** The secret of an e-mail's manage link, carried in the query (GET) or the body (POST). */
export const ZManageToken = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/, 'a link token') })
export const ZManageReschedule = ZManageToken.extend({ start: z.iso.datetime({ offset: true }) }).strict()

/** What the manage link's page shows: the appointment without the citizen's own details. */
export const ZManagedAppointment = ZAppointment.omit({ reason: true, notes: true, contact: true }).extend({
  changeable: z.boolean(),
})

export const ZWaitlistInput = z.object({ service: z.uuid(), office: z.uuid(), date: z.iso.date() }).strict()

export const ZWaitlistEntry = z.object({
  id: z.uuid(),
  status: z.enum(WAITLIST_STATUSES),
  service: z.object({ id: z.uuid(), name: z.string() }),
  office: z.object({ id: z.uuid(), name: z.string() }),
  date: z.string(),
  /** Place in line among those still waiting (1 = next to be offered); null once offered or over. */
  position: z.number().int().nullable(),
  /** The held booking's code while an offer is open. */
  offeredCode: z.string().nullable(),
  createdAt: z.string(),
})
export const ZWaitlistEntries = z.array(ZWaitlistEntry)
export const ZWaitlistId = z.object({ id: z.uuid() })

export type BookAppointmentInput = z.infer<typeof ZBookAppointmentInput>
export type SlotOut = z.infer<typeof ZSlot>
