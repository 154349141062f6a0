import { z } from 'zod'

/**
 * The records the city's systems hold about a person besides the registry entry itself: identity
 * documents, earlier residences, school and canteen enrolments, vehicles and permits, properties,
 * ISEE, library loans, the digital domicile. Every kind shares an envelope (a reference such as a
 * document number or a plate, and a validity) and carries its own details, checked by the schema of
 * its kind wherever records enter or leave the registry.
 */
export const RECORD_KINDS = [
  'identity-card',
  'previous-residence',
  'school-enrolment',
  'canteen-enrolment',
  'vehicle',
  'resident-parking-permit',
  'area-c-pass',
  'area-b-exemption',
  'property',
  'isee',
  'library-loan',
  'digital-domicile',
] as const
export type RecordKind = (typeof RECORD_KINDS)[number]

export const SCHOOL_LEVELS = ['nido', 'infanzia', 'primaria', 'secondaria-primo-grado'] as const
export const FUEL_TYPES = ['petrol', 'diesel', 'hybrid', 'electric', 'lpg'] as const

const ZCents = z.number().int().min(0)

export const RECORD_DETAILS = {
  'identity-card': z.object({
    format: z.enum(['cie', 'paper']),
    issuer: z.string(),
    validForExpatriation: z.boolean(),
  }),
  'previous-residence': z.object({
    streetName: z.string(),
    houseNumber: z.string(),
    municipalityName: z.string(),
    provinceCode: z.string(),
  }),
  'school-enrolment': z.object({
    level: z.enum(SCHOOL_LEVELS),
    schoolName: z.string(),
    classLabel: z.string(),
  }),
  'canteen-enrolment': z.object({
    schoolName: z.string(),
    diet: z.enum(['standard', 'vegetarian', 'no-pork', 'medical']),
    feeBand: z.number().int().min(1).max(6),
    monthlyFeeCents: ZCents,
  }),
  vehicle: z.object({
    make: z.string(),
    model: z.string(),
    fuel: z.enum(FUEL_TYPES),
    euroClass: z.number().int().min(0).max(6),
  }),
  'resident-parking-permit': z.object({ zone: z.string(), plate: z.string() }),
  'area-c-pass': z.object({
    plate: z.string(),
    freeEntries: z.number().int(),
    entriesUsed: z.number().int(),
  }),
  'area-b-exemption': z.object({ plate: z.string(), scheme: z.enum(['move-in', 'resident-exemption']) }),
  property: z.object({
    category: z.string(),
    address: z.string(),
    sharePercent: z.number().min(0).max(100),
    mainHome: z.boolean(),
    cadastralIncomeCents: ZCents,
  }),
  isee: z.object({
    type: z.enum(['ordinario', 'minorenni', 'universitario']),
    valueCents: ZCents,
    householdSize: z.number().int().min(1),
  }),
  'library-loan': z.object({
    title: z.string(),
    author: z.string(),
    library: z.string(),
    returnedOn: z.iso.date().nullable(),
    renewals: z.number().int().min(0),
  }),
  'digital-domicile': z.object({ source: z.enum(['INAD', 'INI-PEC']) }),
} as const satisfies Record<RecordKind, z.ZodType>

export type RecordDetails<K extends RecordKind> = z.infer<(typeof RECORD_DETAILS)[K]>

/** One record in the envelope every kind shares. */
export interface RegistryRecord<K extends RecordKind = RecordKind> {
  id: string
  kind: K
  reference: string
  validFrom: string | null
  validUntil: string | null
  details: RecordDetails<K>
}

export type AnyRegistryRecord = { [K in RecordKind]: RegistryRecord<K> }[RecordKind]

/** Checks a record's details against its kind; records that do not fit are not shown as facts. */
export function parseRecord(raw: {
  id: string
  kind: string
  reference: string
  validFrom: string | null
  validUntil: string | null
  details: unknown
}): AnyRegistryRecord | null {
  if (!(RECORD_KINDS as readonly string[]).includes(raw.kind)) return null
  const kind = raw.kind as RecordKind
  const parsed = RECORD_DETAILS[kind].safeParse(raw.details)
  if (!parsed.success) return null
  return { ...raw, kind, details: parsed.data } as AnyRegistryRecord
}
