import { sql } from 'drizzle-orm'
import { check, date, index, jsonb, pgTable, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { RECORD_KINDS } from './record-schema.js'

/** Residence addresses; one row per dwelling so family members share it. */
export const registryAddresses = pgTable('registry_addresses', {
  id: uuid('id').primaryKey(),
  streetName: text('street_name').notNull(),
  houseNumber: text('house_number').notNull(),
  postalCode: text('postal_code').notNull(),
  municipalityCode: text('municipality_code').notNull(),
  municipalityName: text('municipality_name').notNull(),
  provinceCode: text('province_code').notNull(),
})

/** The nucleo familiare: people registered in the same household. */
export const registryFamilies = pgTable('registry_families', {
  id: uuid('id').primaryKey(),
  addressId: uuid('address_id')
    .notNull()
    .references(() => registryAddresses.id),
  formedOn: date('formed_on').notNull(),
})

export const registryPersons = pgTable(
  'registry_persons',
  {
    id: uuid('id').primaryKey(),
    fiscalCode: text('fiscal_code').notNull().unique(),
    givenName: text('given_name').notNull(),
    familyName: text('family_name').notNull(),
    sex: text('sex').notNull(),
    birthDate: date('birth_date').notNull(),
    birthPlaceCode: text('birth_place_code').notNull(),
    birthPlaceName: text('birth_place_name').notNull(),
    citizenship: text('citizenship').notNull(),
    civilStatus: text('civil_status').notNull(),
    familyId: uuid('family_id')
      .notNull()
      .references(() => registryFamilies.id),
    relationship: text('relationship').notNull(),
    residentSince: date('resident_since').notNull(),
    /**
     * What certificates the record supports, as ANPR codes it: 0 not certifiable, 1 residence and
     * family only, 2 complete, 3 not registrable, 4 interdicted.
     */
    certifiability: smallint('certifiability').notNull().default(2),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('registry_persons_family_idx').on(table.familyId),
    check('registry_persons_sex_check', sql`${table.sex} in ('M', 'F')`),
    check(
      'registry_persons_relationship_check',
      sql`${table.relationship} in ('head', 'spouse', 'partner', 'child', 'parent', 'other')`,
    ),
    check('registry_persons_certifiability_check', sql`${table.certifiability} between 0 and 4`),
    check(
      'registry_persons_civil_status_check',
      sql`${table.civilStatus} in ('single', 'married', 'civil_union', 'divorced', 'widowed')`,
    ),
  ],
)

/**
 * What the city's other systems hold about a person (documents, school, mobility, properties, ISEE,
 * libraries, digital domicile), in one envelope shared by every kind; `details` follows the zod
 * schema of its kind (see record-schema.ts and ADR 5).
 */
export const registryRecords = pgTable(
  'registry_records',
  {
    id: uuid('id').primaryKey(),
    personId: uuid('person_id')
      .notNull()
      .references(() => registryPersons.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    reference: text('reference').notNull(),
    validFrom: date('valid_from'),
    validUntil: date('valid_until'),
    details: jsonb('details').notNull(),
  },
  (table) => [
    index('registry_records_person_idx').on(table.personId),
    // Deadlines (documents and permits running out) are found by date across all citizens.
    index('registry_records_valid_until_idx').on(table.validUntil, table.kind),
    check(
      'registry_records_kind_check',
      sql.raw(`kind in (${RECORD_KINDS.map((kind) => `'${kind}'`).join(', ')})`),
    ),
  ],
)
