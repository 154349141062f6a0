import { sql } from 'drizzle-orm'
import {
  check,
  index,
  integer,
  pgTable,
  point,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core'

const at = (name: string) => timestamp(name, { withTimezone: true })

/**
 * A geolocated problem report. The location is a core `point` (x = longitude, y = latitude, WGS84):
 * a GiST index answers "what lies in this box" without any extension.
 */
export const reports = pgTable(
  'reports',
  {
    id: uuid('id').primaryKey(),
    code: text('code').notNull(),
    /** The CRM ticket the report opened; the CRM owns its workflow. */
    ticketId: uuid('ticket_id').notNull(),
    categoryCode: text('category_code').notNull(),
    location: point('location', { mode: 'xy' }),
    address: text('address'),
    description: text('description').notNull(),
    status: text('status').notNull().default('open'),
    /** Web form or Open311 client. */
    source: text('source').notNull(),
    reporterFiscalCode: text('reporter_fiscal_code'),
    reporterEmail: text('reporter_email'),
    reporterName: text('reporter_name'),
    apiClientId: uuid('api_client_id'),
    supportCount: integer('support_count').notNull().default(0),
    createdAt: at('created_at').notNull(),
    updatedAt: at('updated_at').notNull(),
  },
  (table) => [
    uniqueIndex('reports_code_idx').on(table.code),
    // Duplicates are looked for among the reports still open only.
    index('reports_open_location_idx').using('gist', table.location).where(sql`${table.status} <> 'closed'`),
    // The map's index, `reports_map_idx`, is written by hand in its migration: a GiST index on the
    // location that INCLUDEs what the map filters and sorts on, so a viewport reads no table rows.
    index('reports_created_idx').on(table.createdAt.desc(), table.id.desc()),
    index('reports_category_created_idx').on(table.categoryCode, table.createdAt.desc()),
    index('reports_reporter_idx').on(table.reporterFiscalCode),
    check('reports_status_check', sql`${table.status} in ('open', 'in-progress', 'closed')`),
    check('reports_place_check', sql`${table.location} is not null or ${table.address} is not null`),
  ],
)

/** Photos, re-encoded without metadata, each with a thumbnail: the thumbnail alone is public. */
export const reportPhotos = pgTable(
  'report_photos',
  {
    id: uuid('id').primaryKey(),
    reportId: uuid('report_id')
      .notNull()
      .references(() => reports.id, { onDelete: 'cascade' }),
    position: smallint('position').notNull(),
    storageKey: text('storage_key').notNull(),
    thumbnailKey: text('thumbnail_key').notNull(),
    width: integer('width').notNull(),
    height: integer('height').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    createdAt: at('created_at').notNull(),
  },
  (table) => [uniqueIndex('report_photos_position_idx').on(table.reportId, table.position)],
)

/** The public history: each status change with the note staff chose to publish, if any. */
export const reportStatusChanges = pgTable(
  'report_status_changes',
  {
    id: uuid('id').primaryKey(),
    reportId: uuid('report_id')
      .notNull()
      .references(() => reports.id, { onDelete: 'cascade' }),
    status: text('status').notNull(),
    publicNote: text('public_note'),
    staffId: uuid('staff_id'),
    occurredAt: at('occurred_at').notNull(),
  },
  (table) => [index('report_status_changes_report_idx').on(table.reportId, table.occurredAt)],
)

/** Citizens who added their voice: one row per person (fiscal code or verified e-mail) and report. */
export const reportSupports = pgTable(
  'report_supports',
  {
    reportId: uuid('report_id')
      .notNull()
      .references(() => reports.id, { onDelete: 'cascade' }),
    supporter: text('supporter').notNull(),
    createdAt: at('created_at').notNull(),
  },
  (table) => [primaryKey({ columns: [table.reportId, table.supporter] })],
)

/**
 * The city's street list (stradario): names with a representative point, so an address typed or a
 * pin dropped resolves without any outside geocoder.
 */
export const cityStreets = pgTable(
  'city_streets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    /** Lower case without accents or repeated spaces: what searches compare. */
    searchKey: text('search_key').notNull(),
    location: point('location', { mode: 'xy' }).notNull(),
  },
  (table) => [
    uniqueIndex('city_streets_name_idx').on(table.name),
    index('city_streets_location_idx').using('gist', table.location),
  ],
)
