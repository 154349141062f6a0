import type { Queryable } from '../../db/client.js'
import { AppError } from '../../platform/errors.js'
import type { Locale } from '../../platform/i18n.js'
import { listCategories } from '../tickets/taxonomy-repo.js'
import './messages.js'

/** A detail of the CRM taxonomy citizens can report a problem under. */
export interface ReportCategory {
  code: string
  nameIt: string
  nameEn: string
  groupIt: string
  groupEn: string
}

/**
 * The CRM's details marked as problem reports, active and offered to citizens, in the taxonomy's
 * order; the group is the area they belong to.
 */
export async function listReportCategories(db: Queryable): Promise<ReportCategory[]> {
  const rows = (await listCategories(db)).filter((row) => row.active)
  const byId = new Map(rows.map((row) => [row.id, row]))
  const found: ReportCategory[] = []
  for (const row of rows) {
    if (row.level !== 3 || row.process !== 'problem-report' || !row.citizenVisible) continue
    const topic = row.parentId ? byId.get(row.parentId) : undefined
    const area = topic?.parentId ? byId.get(topic.parentId) : undefined
    // A detail under an inactive topic or area is not offered either.
    if (!topic || !area) continue
    found.push({
      code: row.code,
      nameIt: row.nameIt,
      nameEn: row.nameEn,
      groupIt: area.nameIt,
      groupEn: area.nameEn,
    })
  }
  return found
}

const CACHE_MS = 30_000
const cached = new WeakMap<object, { at: number; categories: Promise<ReportCategory[]> }>()

/**
 * The same list for the public reads (the map, the pages, Open311), kept for half a minute per
 * database: a renamed category shows there a little later. Filing always reads it afresh.
 */
export function cachedReportCategories(db: Queryable): Promise<ReportCategory[]> {
  const now = Date.now()
  const entry = cached.get(db)
  if (entry && now - entry.at < CACHE_MS) return entry.categories
  const categories = listReportCategories(db)
  cached.set(db, { at: now, categories })
  // A failed read is not kept: the next request tries again.
  categories.catch(() => cached.delete(db))
  return categories
}

export async function findReportCategory(db: Queryable, code: string): Promise<ReportCategory | null> {
  return (await listReportCategories(db)).find((category) => category.code === code) ?? null
}

export async function requireReportCategory(db: Queryable, code: string): Promise<ReportCategory> {
  const category = await findReportCategory(db, code)
  if (!category) {
    throw new AppError('VALIDATION_FAILED', {
      status: 422,
      messageKey: 'reports.unknown-category',
      params: { code },
    })
  }
  return category
}

export function categoryName(category: ReportCategory, locale: Locale): string {
  return locale === 'en' ? category.nameEn : category.nameIt
}

export function categoryGroup(category: ReportCategory, locale: Locale): string {
  return locale === 'en' ? category.groupEn : category.groupIt
}
