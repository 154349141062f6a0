import { sql } from 'drizzle-orm'
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core'
import { citizenAccounts } from '../identity/tables.js'
import type { ServiceSections } from './schema.js'

export const catalogueCategories = pgTable('catalogue_categories', {
  slug: text('slug').primaryKey(),
  nameIt: text('name_it').notNull(),
  nameEn: text('name_en').notNull(),
  position: integer('position').notNull().default(0),
})

/**
 * One service page of the *modello Comuni*. The page sections live as JSON per language because
 * their shape is fixed by the page pattern and they are always read and written as a whole.
 */
export const catalogueServices = pgTable(
  'catalogue_services',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    slug: text('slug').notNull().unique(),
    titleIt: text('title_it').notNull(),
    titleEn: text('title_en').notNull(),
    summaryIt: text('summary_it').notNull(),
    summaryEn: text('summary_en').notNull(),
    categorySlug: text('category_slug')
      .notNull()
      .references(() => catalogueCategories.slug, { onUpdate: 'cascade' }),
    audience: text('audience').array().notNull(),
    channels: text('channels').array().notNull(),
    status: text('status').notNull().default('active'),
    /** SPID/CIE level needed to use the online service; null when it is not online. */
    onlineAccessLevel: smallint('online_access_level'),
    sectionsIt: jsonb('sections_it').$type<ServiceSections>().notNull(),
    sectionsEn: jsonb('sections_en').$type<ServiceSections>().notNull(),
    featured: boolean('featured').notNull().default(false),
    featuredOrder: integer('featured_order').notNull().default(0),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    check('catalogue_services_status', sql`${table.status} in ('active', 'inactive')`),
    check(
      'catalogue_services_access_level',
      sql`${table.onlineAccessLevel} is null or ${table.onlineAccessLevel} between 1 and 3`,
    ),
    index('catalogue_services_category_idx').on(table.categorySlug),
  ],
)

/** Cookieless popularity: one counter per service per day, nothing about who looked. */
export const catalogueServiceViews = pgTable(
  'catalogue_service_views',
  {
    serviceId: uuid('service_id')
      .notNull()
      .references(() => catalogueServices.id, { onDelete: 'cascade' }),
    day: date('day', { mode: 'string' }).notNull(),
    views: integer('views').notNull().default(0),
  },
  (table) => [
    primaryKey({ columns: [table.serviceId, table.day] }),
    index('catalogue_service_views_day_idx').on(table.day),
  ],
)

/** The last services a signed-in citizen opened, trimmed to a handful on every write. */
export const catalogueRecentServices = pgTable(
  'catalogue_recent_services',
  {
    citizenAccountId: uuid('citizen_account_id')
      .notNull()
      .references(() => citizenAccounts.id, { onDelete: 'cascade' }),
    serviceId: uuid('service_id')
      .notNull()
      .references(() => catalogueServices.id, { onDelete: 'cascade' }),
    viewedAt: timestamp('viewed_at', { withTimezone: true }).notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.citizenAccountId, table.serviceId] }),
    index('catalogue_recent_services_viewed_idx').on(table.citizenAccountId, table.viewedAt),
  ],
)
