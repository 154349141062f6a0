import { and, asc, desc, eq, gte, inArray, isNotNull, lt, ne, type SQL, sql } from 'drizzle-orm'
import type { Queryable } from '../../db/client.js'
import type { BoundingBox, Point, ReportStatus } from './policy.js'
import { reportPhotos, reportStatusChanges, reportSupports, reports } from './tables.js'

export type ReportRow = typeof reports.$inferSelect
export type NewReport = typeof reports.$inferInsert
export type PhotoRow = typeof reportPhotos.$inferSelect
export type StatusChangeRow = typeof reportStatusChanges.$inferSelect

const inBox = (box: BoundingBox): SQL =>
  sql`${reports.location} <@ box(point(${box.west}, ${box.south}), point(${box.east}, ${box.north}))`

/** Great-circle distance in metres from a point to a report's location (haversine). */
const metresFrom = (point: Point): SQL<number> => sql<number>`(2 * 6371008.8 * asin(sqrt(
  power(sin(radians(${reports.location}[1] - ${point.lat}) / 2), 2)
  + cos(radians(${point.lat})) * cos(radians(${reports.location}[1]))
  * power(sin(radians(${reports.location}[0] - ${point.long}) / 2), 2))))`

export async function insertReport(tx: Queryable, row: NewReport): Promise<ReportRow> {
  const [inserted] = await tx.insert(reports).values(row).returning()
  return inserted as ReportRow
}

export async function insertPhotos(tx: Queryable, rows: (typeof reportPhotos.$inferInsert)[]): Promise<void> {
  if (rows.length > 0) await tx.insert(reportPhotos).values(rows)
}

export async function insertStatusChange(
  tx: Queryable,
  row: typeof reportStatusChanges.$inferInsert,
): Promise<void> {
  await tx.insert(reportStatusChanges).values(row)
}

export async function findReportByCode(db: Queryable, code: string): Promise<ReportRow | null> {
  const [row] = await db.select().from(reports).where(eq(reports.code, code)).limit(1)
  return row ?? null
}

export async function lockReportByCode(tx: Queryable, code: string): Promise<ReportRow | null> {
  const [row] = await tx.select().from(reports).where(eq(reports.code, code)).for('update').limit(1)
  return row ?? null
}

export async function updateReport(
  tx: Queryable,
  id: string,
  changes: Partial<Pick<ReportRow, 'status' | 'updatedAt' | 'supportCount'>>,
): Promise<ReportRow> {
  const [row] = await tx.update(reports).set(changes).where(eq(reports.id, id)).returning()
  return row as ReportRow
}

export async function listPhotos(db: Queryable, reportIds: readonly string[]): Promise<PhotoRow[]> {
  if (reportIds.length === 0) return []
  return db
    .select()
    .from(reportPhotos)
    .where(inArray(reportPhotos.reportId, [...reportIds]))
    .orderBy(asc(reportPhotos.reportId), asc(reportPhotos.position))
}

export async function findPhoto(db: Queryable, reportId: string, position: number): Promise<PhotoRow | null> {
  const [row] = await db
    .select()
    .from(reportPhotos)
    .where(and(eq(reportPhotos.reportId, reportId), eq(reportPhotos.position, position)))
    .limit(1)
  return row ?? null
}

export async function listStatusChanges(db: Queryable, reportId: string): Promise<StatusChangeRow[]> {
  return db
    .select()
    .from(reportStatusChanges)
    .where(eq(reportStatusChanges.reportId, reportId))
    .orderBy(asc(reportStatusChanges.occurredAt), asc(reportStatusChanges.id))
}

/** Adds a supporter once: false when they had already added their voice. */
export async function insertSupportOnce(
  tx: Queryable,
  row: { reportId: string; supporter: string; createdAt: Date },
): Promise<boolean> {
  const inserted = await tx.insert(reportSupports).values(row).onConflictDoNothing().returning()
  if (inserted.length === 0) return false
  await tx
    .update(reports)
    .set({ supportCount: sql`${reports.supportCount} + 1` })
    .where(eq(reports.id, row.reportId))
  return true
}

export interface NearbyRow {
  report: ReportRow
  distanceMetres: number
}

/**
 * Open reports of a category within `radius` metres, nearest first: the box around the point
 * narrows the candidates on the GiST index, the exact distance decides.
 */
export async function findOpenReportsNear(
  db: Queryable,
  input: { point: Point; box: BoundingBox; radius: number; categoryCode: string; limit: number },
): Promise<NearbyRow[]> {
  const distance = metresFrom(input.point)
  const rows = await db
    .select({ report: reports, distanceMetres: distance })
    .from(reports)
    .where(
      and(
        inBox(input.box),
        ne(reports.status, 'closed'),
        eq(reports.categoryCode, input.categoryCode),
        sql`${distance} <= ${input.radius}`,
      ),
    )
    .orderBy(distance, asc(reports.id))
    .limit(input.limit)
  return rows.map((row) => ({ report: row.report, distanceMetres: Number(row.distanceMetres) }))
}

export interface ReportFilter {
  box?: BoundingBox
  categoryCodes?: readonly string[]
  statuses?: readonly ReportStatus[]
  codes?: readonly string[]
  from?: Date
  /** Exclusive. */
  to?: Date
  limit: number
}

function filterConditions(filter: Omit<ReportFilter, 'limit'>): SQL | undefined {
  return and(
    filter.box ? inBox(filter.box) : undefined,
    filter.categoryCodes?.length ? inArray(reports.categoryCode, [...filter.categoryCodes]) : undefined,
    filter.statuses?.length ? inArray(reports.status, [...filter.statuses]) : undefined,
    filter.codes?.length ? inArray(reports.code, [...filter.codes]) : undefined,
    filter.from ? gte(reports.createdAt, filter.from) : undefined,
    filter.to ? lt(reports.createdAt, filter.to) : undefined,
  )
}

/**
 * Reports matching a filter, newest first. The codes are chosen first, from the map's covering
 * index alone (it holds the location, date, code, category and status); only the page's rows are
 * then read.
 */
export async function listReports(db: Queryable, filter: ReportFilter): Promise<ReportRow[]> {
  const page = db
    .select({ code: reports.code })
    .from(reports)
    .where(filterConditions(filter))
    .orderBy(desc(reports.createdAt), desc(reports.code))
    .limit(filter.limit)
  return db
    .select()
    .from(reports)
    .where(inArray(reports.code, page))
    .orderBy(desc(reports.createdAt), desc(reports.code))
}

export interface MapMarkerRow {
  code: string
  lat: number
  long: number
  status: string
  categoryCode: string
  createdAt: Date
}

/** The map's pins in a viewport, newest first: answered from the covering index, no table reads. */
export async function listMapMarkers(
  db: Queryable,
  filter: ReportFilter & { box: BoundingBox },
): Promise<MapMarkerRow[]> {
  const rows = await db
    .select({
      code: reports.code,
      location: reports.location,
      status: reports.status,
      categoryCode: reports.categoryCode,
      createdAt: reports.createdAt,
    })
    .from(reports)
    .where(filterConditions(filter))
    .orderBy(desc(reports.createdAt), desc(reports.code))
    .limit(filter.limit)
  return rows.map(({ location, ...row }) => ({ ...row, lat: location?.y ?? 0, long: location?.x ?? 0 }))
}

/** The latest published note of each report, in one read. */
export async function latestPublicNotes(
  db: Queryable,
  reportIds: readonly string[],
): Promise<Map<string, string>> {
  if (reportIds.length === 0) return new Map()
  const rows = await db
    .selectDistinctOn([reportStatusChanges.reportId], {
      reportId: reportStatusChanges.reportId,
      note: reportStatusChanges.publicNote,
    })
    .from(reportStatusChanges)
    .where(
      and(inArray(reportStatusChanges.reportId, [...reportIds]), isNotNull(reportStatusChanges.publicNote)),
    )
    .orderBy(reportStatusChanges.reportId, desc(reportStatusChanges.occurredAt), desc(reportStatusChanges.id))
  return new Map(rows.map((row) => [row.reportId, row.note ?? '']))
}

/** A status change with the report it belongs to, for the e-mail that tells the reporter. */
export async function findStatusChangeWithReport(db: Queryable, changeId: string) {
  const [row] = await db
    .select({ change: reportStatusChanges, report: reports })
    .from(reportStatusChanges)
    .innerJoin(reports, eq(reports.id, reportStatusChanges.reportId))
    .where(eq(reportStatusChanges.id, changeId))
  return row ?? null
}
