import { z } from 'zod'
import { BOOKING_CHANNELS, BOOKING_STATUSES } from './policy.js'

export const ZDeskOfficeParams = z.object({ officeId: z.uuid() })
export const ZDeskCounterParams = z.object({ counterId: z.uuid() })

/** A code as read out, typed or scanned: checked by the service so the refusal can say why. */
export const ZDeskCodeParams = z.object({ code: z.string().max(40) })

export const ZAgendaQuery = z.object({ date: z.iso.date().optional() }).strict()

export const ZCheckInInput = z.object({ officeId: z.uuid(), code: z.string().max(40) }).strict()

const ZNamed = z.object({ id: z.uuid(), name: z.string() })

export const ZDeskOffices = z.array(
  ZNamed.extend({
    address: z.string(),
    counters: z.array(ZNamed.extend({ services: z.array(ZNamed) })),
  }),
)

export const ZDeskBooking = z.object({
  code: z.string(),
  status: z.enum(BOOKING_STATUSES),
  channel: z.enum(BOOKING_CHANNELS),
  startsAt: z.string(),
  endsAt: z.string(),
  service: ZNamed,
  /** The counter the booking holds time at. */
  counter: ZNamed,
  /** The counter the citizen was called to, which may be another one. */
  calledTo: ZNamed.nullable(),
  ticketNumber: z.number().int().nullable(),
  /** The ticket as the display shows it, "007". */
  ticket: z.string().nullable(),
  citizen: z.object({
    fiscalCode: z.string(),
    /** As the registry knows the person; null for someone not resident. */
    name: z.string().nullable(),
  }),
  reason: z.string(),
  notes: z.string(),
  checkedInAt: z.string().nullable(),
  calledAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
})

export const ZAgenda = z.object({
  office: ZNamed,
  date: z.iso.date(),
  /** Whether the day is today in Rome: only today's bookings can be worked. */
  today: z.boolean(),
  /** The server's time: the desk decides from it, not from the screen's own clock. */
  now: z.string(),
  bookings: z.array(ZDeskBooking),
})

export const ZCheckInResult = z.object({
  booking: ZDeskBooking,
  /** True when the citizen had checked in already: the same ticket is answered again. */
  alreadyCheckedIn: z.boolean(),
})

/** An empty queue is an ordinary answer at a counter, not an error: `called` is then null. */
export const ZCallNextResult = z.object({
  called: ZDeskBooking.nullable(),
  /** How many are still waiting at the office after this call. */
  waiting: z.number().int(),
})

/** What the office's public display shows: numbers and counters only, never who. */
export const ZOfficeDisplay = z.object({
  office: ZNamed,
  called: z.array(z.object({ ticket: z.string(), counter: z.string(), calledAt: z.string() })),
  waiting: z.number().int(),
})

export type DeskBookingOut = z.infer<typeof ZDeskBooking>
