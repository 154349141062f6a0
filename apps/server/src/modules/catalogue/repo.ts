import { and, asc, desc, eq, gte, notInArray, type SQL, sql } from 'drizzle-orm'
import type { Queryable } from '../../db/client.js'
import type { Locale } from '../../platform/i18n.js'
import {
  catalogueCategories,
  catalogueRecentServices,
  catalogueServices,
  catalogueServiceViews,
} from './tables.js'

export type CategoryRecord = typeof catalogueCategories.$inferSelect
export type ServiceRow = typeof catalogueServices.$inferSelect
export type NewServiceRow = typeof catalogueServices.$inferInsert
export type ServiceRecord = ServiceRow & { category: CategoryRecord }

// Kept identical to the index expressions of migration 0005 so searches use the GIN indexes.
const italianDocument = sql`to_tsvector('italian'::regconfig, ${catalogueServices.titleIt} || ' ' || ${catalogueServices.summaryIt})`
const englishDocument = sql`to_tsvector('english'::regconfig, ${catalogueServices.titleEn} || ' ' || ${catalogueServices.summaryEn})`

/** Below this length a word is too short to stem: match title prefixes instead. */
const SHORT_QUERY_LENGTH = 3

const serviceWithCategory = { service: catalogueServices, category: catalogueCategories }

function selectServices(db: Queryable) {
  return db
    .select(serviceWithCategory)
    .from(catalogueServices)
    .innerJoin(catalogueCategories, eq(catalogueCategories.slug, catalogueServices.categorySlug))
}

function toRecord(row: { service: ServiceRow; category: CategoryRecord }): ServiceRecord {
  return { ...row.service, category: row.category }
}

function titleFor(locale: Locale) {
  return locale === 'en' ? catalogueServices.titleEn : catalogueServices.titleIt
}

function escapeLikePattern(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`)
}

export async function listCategories(db: Queryable): Promise<CategoryRecord[]> {
  return db.select().from(catalogueCategories).orderBy(asc(catalogueCategories.position))
}

export async function categoryExists(db: Queryable, slug: string): Promise<boolean> {
  const [row] = await db
    .select({ slug: catalogueCategories.slug })
    .from(catalogueCategories)
    .where(eq(catalogueCategories.slug, slug))
  return row !== undefined
}

export async function insertMissingCategories(db: Queryable, categories: CategoryRecord[]): Promise<void> {
  if (categories.length === 0) return
  await db.insert(catalogueCategories).values(categories).onConflictDoNothing()
}

export interface ServiceSearch {
  locale: Locale
  categorySlug?: string
  text?: string
  limit: number
  offset: number
}

/** Active services, optionally in one category and matching a free-text query, best match first. */
export async function searchServices(
  db: Queryable,
  search: ServiceSearch,
): Promise<{ services: ServiceRecord[]; total: number }> {
  const conditions: SQL[] = [eq(catalogueServices.status, 'active')]
  if (search.categorySlug) conditions.push(eq(catalogueServices.categorySlug, search.categorySlug))
  let rank: SQL | undefined
  if (search.text) {
    const text = search.text
    if (text.length < SHORT_QUERY_LENGTH) {
      const prefix = escapeLikePattern(text)
      conditions.push(
        sql`(${catalogueServices.titleIt} ilike ${`${prefix}%`} or ${catalogueServices.titleIt} ilike ${`% ${prefix}%`}
          or ${catalogueServices.titleEn} ilike ${`${prefix}%`} or ${catalogueServices.titleEn} ilike ${`% ${prefix}%`})`,
      )
    } else {
      const italianQuery = sql`websearch_to_tsquery('italian'::regconfig, ${text})`
      const englishQuery = sql`websearch_to_tsquery('english'::regconfig, ${text})`
      const fragment = `%${escapeLikePattern(text)}%`
      // The substring match catches words typed halfway ("resid"), which stemming cannot.
      conditions.push(
        sql`(${italianDocument} @@ ${italianQuery} or ${englishDocument} @@ ${englishQuery}
          or ${catalogueServices.titleIt} ilike ${fragment} or ${catalogueServices.titleEn} ilike ${fragment})`,
      )
      rank = sql`ts_rank(${italianDocument}, ${italianQuery}) + ts_rank(${englishDocument}, ${englishQuery})`
    }
  }
  const rows = await db
    .select({ ...serviceWithCategory, total: sql<number>`cast(count(*) over () as integer)` })
    .from(catalogueServices)
    .innerJoin(catalogueCategories, eq(catalogueCategories.slug, catalogueServices.categorySlug))
    .where(and(...conditions))
    .orderBy(...(rank ? [desc(rank)] : []), asc(titleFor(search.locale)), asc(catalogueServices.slug))
    .limit(search.limit)
    .offset(search.offset)
  const total = rows[0]?.total ?? (search.offset > 0 ? await countServices(db, conditions) : 0)
  return { services: rows.map(toRecord), total }
}

async function countServices(db: Queryable, conditions: SQL[]): Promise<number> {
  const [row] = await db
    .select({ count: sql<number>`cast(count(*) as integer)` })
    .from(catalogueServices)
    .where(and(...conditions))
  return row?.count ?? 0
}

/** Every service, inactive ones included, for the editors' list. */
export async function listAllServices(db: Queryable): Promise<ServiceRecord[]> {
  const rows = await selectServices(db).orderBy(asc(catalogueServices.titleIt), asc(catalogueServices.slug))
  return rows.map(toRecord)
}

export async function findServiceBySlug(db: Queryable, slug: string): Promise<ServiceRecord | null> {
  const [row] = await selectServices(db).where(eq(catalogueServices.slug, slug))
  return row ? toRecord(row) : null
}

export async function listFeaturedServices(db: Queryable, locale: Locale): Promise<ServiceRecord[]> {
  const rows = await selectServices(db)
    .where(and(eq(catalogueServices.featured, true), eq(catalogueServices.status, 'active')))
    .orderBy(asc(catalogueServices.featuredOrder), asc(titleFor(locale)))
  return rows.map(toRecord)
}

/** Active services by views counted since a day (inclusive), most viewed first. */
export async function listMostVisitedServices(
  db: Queryable,
  options: { sinceDay: string; limit: number },
): Promise<(ServiceRecord & { views: number })[]> {
  const totals = db
    .select({
      serviceId: catalogueServiceViews.serviceId,
      views: sql<number>`cast(sum(${catalogueServiceViews.views}) as integer)`.as('views'),
    })
    .from(catalogueServiceViews)
    .where(gte(catalogueServiceViews.day, options.sinceDay))
    .groupBy(catalogueServiceViews.serviceId)
    .as('totals')
  const rows = await db
    .select({ ...serviceWithCategory, views: totals.views })
    .from(totals)
    .innerJoin(catalogueServices, eq(catalogueServices.id, totals.serviceId))
    .innerJoin(catalogueCategories, eq(catalogueCategories.slug, catalogueServices.categorySlug))
    .where(eq(catalogueServices.status, 'active'))
    .orderBy(desc(totals.views), asc(catalogueServices.slug))
    .limit(options.limit)
  return rows.map((row) => ({ ...toRecord(row), views: row.views }))
}

export async function insertService(db: Queryable, service: NewServiceRow): Promise<ServiceRow> {
  const [row] = await db.insert(catalogueServices).values(service).returning()
  if (!row) throw new Error('insert returned no row')
  return row
}

/** Adds the services whose slug is not taken yet; existing pages (maybe edited by staff) stay as they are. */
export async function insertMissingServices(db: Queryable, services: NewServiceRow[]): Promise<number> {
  if (services.length === 0) return 0
  const inserted = await db
    .insert(catalogueServices)
    .values(services)
    .onConflictDoNothing({ target: catalogueServices.slug })
    .returning({ id: catalogueServices.id })
  return inserted.length
}

export async function updateService(
  db: Queryable,
  serviceId: string,
  changes: Partial<NewServiceRow>,
): Promise<void> {
  await db.update(catalogueServices).set(changes).where(eq(catalogueServices.id, serviceId))
}

export async function incrementServiceViews(db: Queryable, serviceId: string, day: string): Promise<void> {
  await db
    .insert(catalogueServiceViews)
    .values({ serviceId, day, views: 1 })
    .onConflictDoUpdate({
      target: [catalogueServiceViews.serviceId, catalogueServiceViews.day],
      set: { views: sql`${catalogueServiceViews.views} + 1` },
    })
}

/** Records that a citizen opened a service and forgets all but their `keep` most recent ones. */
export async function rememberRecentService(
  db: Queryable,
  options: { citizenAccountId: string; serviceId: string; at: Date; keep: number },
): Promise<void> {
  const { citizenAccountId, serviceId, at, keep } = options
  await db
    .insert(catalogueRecentServices)
    .values({ citizenAccountId, serviceId, viewedAt: at })
    .onConflictDoUpdate({
      target: [catalogueRecentServices.citizenAccountId, catalogueRecentServices.serviceId],
      set: { viewedAt: at },
    })
  const newest = db
    .select({ serviceId: catalogueRecentServices.serviceId })
    .from(catalogueRecentServices)
    .where(eq(catalogueRecentServices.citizenAccountId, citizenAccountId))
    .orderBy(desc(catalogueRecentServices.viewedAt), desc(catalogueRecentServices.serviceId))
    .limit(keep)
  await db
    .delete(catalogueRecentServices)
    .where(
      and(
        eq(catalogueRecentServices.citizenAccountId, citizenAccountId),
        notInArray(catalogueRecentServices.serviceId, newest),
      ),
    )
}

export async function listRecentServices(
  db: Queryable,
  citizenAccountId: string,
): Promise<(ServiceRecord & { viewedAt: Date })[]> {
  const rows = await db
    .select({ ...serviceWithCategory, viewedAt: catalogueRecentServices.viewedAt })
    .from(catalogueRecentServices)
    .innerJoin(catalogueServices, eq(catalogueServices.id, catalogueRecentServices.serviceId))
    .innerJoin(catalogueCategories, eq(catalogueCategories.slug, catalogueServices.categorySlug))
    .where(eq(catalogueRecentServices.citizenAccountId, citizenAccountId))
    .orderBy(desc(catalogueRecentServices.viewedAt), desc(catalogueRecentServices.serviceId))
  return rows.map((row) => ({ ...toRecord(row), viewedAt: row.viewedAt }))
}
