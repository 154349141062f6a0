import { z } from 'zod'
import { CALL_OUTCOMES } from './policy.js'

const ZPhone = z
  .string()
  .regex(/^\+?[\d\s().-]{3,30}$/)
  .describe('The caller’s number as the telephony system or the caller gives it')
const ZName = z.string().trim().max(200)

/**
 * Who called: a citizen by fiscal code (checked by the service, so the refusal can say why), a
 * number the caller left, or nobody.
 */
export const ZCaller = z.union([
  z
    .object({
      fiscalCode: z.string().trim().min(1).max(40),
      name: ZName.optional(),
      phone: ZPhone.optional(),
    })
    .strict(),
  z.object({ phone: ZPhone, name: ZName.optional() }).strict(),
  z.object({ anonymous: z.literal(true), name: ZName.optional() }).strict(),
])

export const ZLogCallInput = z
  .object({
    caller: ZCaller,
    categoryCode: z.string().trim().min(1).max(100).optional().describe('A level-3 detail of the taxonomy'),
    outcome: z.enum(CALL_OUTCOMES),
    startedAt: z.iso.datetime({ offset: true }),
    durationSeconds: z
      .number()
      .int()
      .min(0)
      .max(24 * 3600),
    notes: z.string().trim().max(4000).default(''),
    /** The subject of the ticket an outcome 'ticket' opens; the detail's name when left out. */
    subject: z.string().trim().min(1).max(200).optional(),
    bookingCode: z.string().trim().max(40).optional().describe('The appointment booked during the call'),
    telephonyCallId: z.string().trim().min(1).max(200).optional(),
  })
  .strict()
export type LogCallInput = z.input<typeof ZLogCallInput>

export const ZCall = z
  .object({
    id: z.uuid(),
    contactId: z.uuid().nullable(),
    contactName: z.string().nullable(),
    operatorStaffId: z.uuid(),
    category: z.object({ code: z.string(), name: z.string() }).nullable(),
    outcome: z.enum(CALL_OUTCOMES),
    ticketCode: z.string().nullable(),
    bookingCode: z.string().nullable(),
    notes: z.string(),
    callerPhone: z.string().nullable(),
    startedAt: z.string(),
    durationSeconds: z.number().int(),
    waitSeconds: z.number().int().nullable(),
    telephonyCallId: z.string().nullable(),
  })
  .meta({ id: 'ContactCall' })
export type CallView = z.infer<typeof ZCall>

export const ZCalls = z.object({ calls: z.array(ZCall) })

export const ZCallsQuery = z
  .object({
    contactId: z.uuid().optional().describe('A contact’s calls; the operator’s own when left out'),
    from: z.iso.datetime({ offset: true }).optional(),
    to: z.iso.datetime({ offset: true }).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict()

export const ZTelephonyWaitInput = z
  .object({
    callId: z.string().trim().min(1).max(200).describe('The telephony system’s id of the call'),
    waitSeconds: z
      .number()
      .int()
      .min(0)
      .max(24 * 3600),
    callerPhone: ZPhone.optional(),
    queue: z.string().trim().max(100).optional(),
  })
  .strict()
export type TelephonyWaitInput = z.infer<typeof ZTelephonyWaitInput>

export const ZTelephonyWaitRecorded = z.object({
  callId: z.string(),
  /** True when the operator had already logged the call: its wait time is set now. */
  matchedCall: z.boolean(),
})
