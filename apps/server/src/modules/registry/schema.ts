import { z } from 'zod'

export const ZFiscalCodeParam = z.object({
  fiscalCode: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9]{16}$/, 'a fiscal code has 16 letters and digits'),
})

export const ZLookupQuery = z.object({
  reason: z
    .string()
    .trim()
    .min(5)
    .max(200)
    .describe('Why the operator looks this person up (a call, a counter visit): kept in the audit log'),
})

export const ZRegisteredPerson = z
  .object({
    id: z.uuid(),
    fiscalCode: z.string(),
    givenName: z.string(),
    familyName: z.string(),
    sex: z.enum(['M', 'F']),
    birthDate: z.iso.date(),
    relationship: z.string(),
  })
  .meta({ id: 'RegisteredPerson' })

export const ZPersonLookup = z
  .object({ person: ZRegisteredPerson, household: z.array(ZRegisteredPerson) })
  .meta({ id: 'PersonLookup' })
export type PersonLookup = z.infer<typeof ZPersonLookup>
