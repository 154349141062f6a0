import { z } from 'zod'
import { isValidFiscalCode } from './codice-fiscale.js'

export const DELEGATION_SCOPES = ['folder', 'certificates', 'appointments', 'payments', 'tickets'] as const
export type DelegationScope = (typeof DELEGATION_SCOPES)[number]

export const ZFiscalCode = z
  .string()
  .trim()
  .toUpperCase()
  .refine(isValidFiscalCode, { message: 'not a valid codice fiscale' })
  .describe('Codice fiscale, 16 characters')
  .meta({ example: 'RSSMRA85T10A562S' })

const ZScopes = z
  .array(z.enum(DELEGATION_SCOPES))
  .min(1)
  .max(DELEGATION_SCOPES.length)
  .refine((scopes) => new Set(scopes).size === scopes.length, { message: 'scopes repeated' })

export const ZDelegationInput = z
  .object({
    delegateFiscalCode: ZFiscalCode,
    scopes: ZScopes,
    validUntil: z.iso
      .date()
      .describe(
        'Last day the delegation works (Europe/Rome), today at the earliest and at most one year ahead',
      ),
  })
  .strict()
export type DelegationInput = z.infer<typeof ZDelegationInput>

const ZParty = z.object({ fiscalCode: z.string(), name: z.string().nullable() })

export const ZDelegationView = z
  .object({
    id: z.uuid(),
    direction: z.enum(['given', 'received']).describe('Given by the signed-in citizen, or received by them'),
    delegator: ZParty,
    delegate: ZParty,
    scopes: z.array(z.enum(DELEGATION_SCOPES)),
    validFrom: z.iso.datetime(),
    validUntil: z.iso.datetime(),
    revokedAt: z.iso.datetime().nullable(),
    status: z.enum(['active', 'expired', 'revoked']),
  })
  .meta({ id: 'Delegation' })
export type DelegationView = z.infer<typeof ZDelegationView>

export const ZDelegationList = z
  .object({ given: z.array(ZDelegationView), received: z.array(ZDelegationView) })
  .meta({ id: 'DelegationList' })

export const ZDelegationIdParams = z.object({ id: z.uuid() })

export const ZRepresentedPerson = z
  .object({
    fiscalCode: z.string(),
    givenName: z.string(),
    familyName: z.string(),
    birthDate: z.string().nullable(),
    basis: z.enum(['minor-child', 'delegation']),
    scopes: z.array(z.enum(DELEGATION_SCOPES)),
    delegationId: z.uuid().nullable(),
    validUntil: z.iso.datetime().nullable().describe('When the delegation ends; null for a minor child'),
  })
  .meta({ id: 'RepresentedPerson' })
export type RepresentedPerson = z.infer<typeof ZRepresentedPerson>

export const ZRepresentedList = z
  .object({
    actingFor: z.string().nullable().describe('Fiscal code the session now acts for, null for oneself'),
    people: z.array(ZRepresentedPerson),
  })
  .meta({ id: 'RepresentedList' })

export const ZActingForInput = z
  .object({ fiscalCode: ZFiscalCode.nullable().describe('Whom to act for; null to act for oneself again') })
  .strict()

export const ZActingForView = z.object({ actingFor: ZRepresentedPerson.nullable() }).meta({ id: 'ActingFor' })
