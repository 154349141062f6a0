import { sql } from 'drizzle-orm'
import { check, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core'

/** The municipality this installation serves: exactly one row. */
export const cityProfile = pgTable(
  'city_profile',
  {
    id: integer('id').primaryKey().default(1),
    name: text('name').notNull(),
    istatCode: text('istat_code').notNull(),
    cadastralCode: text('cadastral_code').notNull(),
    fiscalCode: text('fiscal_code').notNull(),
    provinceCode: text('province_code').notNull(),
    region: text('region').notNull(),
    contactPhone: text('contact_phone').notNull(),
    contactEmail: text('contact_email').notNull(),
    websiteUrl: text('website_url').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [check('city_profile_single_row', sql`${table.id} = 1`)],
)
