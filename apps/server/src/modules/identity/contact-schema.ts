import { z } from 'zod'

export const CONTACT_CHANNELS = ['email', 'sms'] as const
export type ContactChannel = (typeof CONTACT_CHANNELS)[number]

// Italian mobile numbers in E.164: +39, then 3 and eight or nine more digits.
export const ITALIAN_MOBILE_E164 = /^\+393\d{8,9}$/

export const ZContactView = z
  .object({
    value: z.string().nullable().describe('The address or number on the account, or null'),
    verified: z.boolean().describe('Only a verified contact is used for notifications'),
    verifiedAt: z.iso.datetime().nullable(),
    pending: z
      .object({
        value: z.string().describe('Waiting for its one-time code; not used until verified'),
        expiresAt: z.iso.datetime(),
      })
      .nullable(),
  })
  .meta({ id: 'ContactView' })
export type ContactView = z.infer<typeof ZContactView>

export const ZMyAccount = z
  .object({
    id: z.uuid(),
    fiscalCode: z.string(),
    givenName: z.string(),
    familyName: z.string(),
    birthDate: z.string().nullable(),
    locale: z.enum(['it', 'en']),
    registryMatched: z.boolean().describe('True when the account is linked to a person in the city registry'),
    email: ZContactView,
    mobile: ZContactView,
  })
  .meta({ id: 'MyAccount' })
export type MyAccount = z.infer<typeof ZMyAccount>

export const ZEmailChangeInput = z
  .object({ email: z.email().max(254).meta({ example: 'mario.rossi@example.it' }) })
  .strict()
  .meta({ id: 'EmailChangeInput' })

export const ZMobileChangeInput = z
  .object({
    mobile: z
      .string()
      .regex(ITALIAN_MOBILE_E164)
      .describe('Italian mobile number in E.164 form, no spaces')
      .meta({ example: '+393331234567' }),
  })
  .strict()
  .meta({ id: 'MobileChangeInput' })

export const ZContactVerificationInput = z
  .object({
    channel: z.enum(CONTACT_CHANNELS),
    code: z
      .string()
      .regex(/^\d{6}$/)
      .describe('The six digits received'),
  })
  .strict()
  .meta({ id: 'ContactVerificationInput' })

export const ZMyPreferencesInput = z
  .object({ locale: z.enum(['it', 'en']) })
  .strict()
  .meta({ id: 'MyPreferencesInput' })
