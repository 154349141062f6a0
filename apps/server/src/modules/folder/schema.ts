import { z } from 'zod'
import { type AnyRegistryRecord, RECORD_DETAILS, RECORD_KINDS } from '../registry/record-schema.js'

/** The folder's sections that hold records, in the order of Milan's Fascicolo. */
export const RECORD_SECTIONS = [
  'documents',
  'education',
  'mobility',
  'properties',
  'isee',
  'libraries',
  'digital-domicile',
] as const
export type RecordSection = (typeof RECORD_SECTIONS)[number]

export const ZFolderRecord = z
  .discriminatedUnion(
    'kind',
    RECORD_KINDS.map((kind) =>
      z.object({
        id: z.uuid(),
        kind: z.literal(kind),
        reference: z.string(),
        validFrom: z.iso.date().nullable(),
        validUntil: z.iso.date().nullable(),
        details: RECORD_DETAILS[kind],
      }),
    ) as unknown as readonly [z.ZodObject, ...z.ZodObject[]],
  )
  // One variant per kind; typed here as the registry's own union of records.
  .meta({ id: 'FolderRecord' }) as unknown as z.ZodType<AnyRegistryRecord>

export const ZDeadline = z
  .object({
    recordId: z.uuid(),
    kind: z.enum(RECORD_KINDS),
    section: z.enum(RECORD_SECTIONS),
    reference: z.string(),
    /** The last day the document, permit or loan is good for. */
    date: z.iso.date(),
    status: z.enum(['expired', 'due-soon', 'upcoming']),
    /** Days from today to the date; negative once past. */
    daysLeft: z.number().int(),
  })
  .meta({ id: 'Deadline' })
export type Deadline = z.infer<typeof ZDeadline>

/** Why the viewer sees this folder: their own, a minor child's, a delegator's, or an operator's look-up. */
const ZBasis = z.enum(['self', 'minor-child', 'delegation', 'staff'])

export const ZFolderPerson = z
  .object({
    fiscalCode: z.string(),
    givenName: z.string(),
    familyName: z.string(),
    sex: z.enum(['M', 'F']),
    birthDate: z.iso.date(),
    birthPlace: z.object({ code: z.string(), name: z.string() }),
    citizenship: z.string(),
    civilStatus: z.string(),
    relationship: z.string(),
    residentSince: z.iso.date(),
    certifiable: z.boolean(),
    certifiability: z.number().int().min(0).max(4),
    address: z.object({
      streetName: z.string(),
      houseNumber: z.string(),
      postalCode: z.string(),
      municipalityCode: z.string(),
      municipalityName: z.string(),
      provinceCode: z.string(),
    }),
  })
  .meta({ id: 'FolderPerson' })

export const ZFolderFamilyMember = z
  .object({
    fiscalCode: z.string(),
    givenName: z.string(),
    familyName: z.string(),
    sex: z.enum(['M', 'F']),
    birthDate: z.iso.date(),
    relationship: z.string(),
    minor: z.boolean(),
    /** Whether the viewer may open this member's folder (their own minor child). */
    viewable: z.boolean(),
  })
  .meta({ id: 'FolderFamilyMember' })

const ZSectionCounts = z.object(
  Object.fromEntries(RECORD_SECTIONS.map((section) => [section, z.number().int()])) as Record<
    RecordSection,
    z.ZodNumber
  >,
)

export const ZPersonFolder = z
  .discriminatedUnion('registered', [
    z.object({
      registered: z.literal(true),
      basis: ZBasis,
      person: ZFolderPerson,
      family: z.array(ZFolderFamilyMember),
      records: z.array(ZFolderRecord),
      counts: ZSectionCounts,
      deadlines: z.array(ZDeadline),
    }),
    z.object({ registered: z.literal(false), basis: ZBasis, fiscalCode: z.string() }),
  ])
  .meta({ id: 'PersonFolder' })
export type PersonFolderView = z.infer<typeof ZPersonFolder>

export const ZFolderSummary = z
  .object({
    owner: z.object({
      fiscalCode: z.string(),
      givenName: z.string().nullable(),
      familyName: z.string().nullable(),
      registered: z.boolean(),
      basis: ZBasis,
    }),
    counts: ZSectionCounts.nullable(),
    deadlines: z.array(ZDeadline),
  })
  .meta({ id: 'FolderSummary' })
export type FolderSummary = z.infer<typeof ZFolderSummary>

export const ZFolderPersonParam = z.object({
  fiscalCode: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9]{16}$/, 'a fiscal code has 16 letters and digits'),
})
