import type { Locale } from '../../platform/i18n.js'
import { categoryGroup, categoryName, type ReportCategory } from './categories.js'
import type { ReportStatus } from './policy.js'
import type { PhotoRow, ReportRow, StatusChangeRow } from './repo.js'
import type { PublicReport, PublicReportPage } from './schema.js'

/** Where a report's photo is served, relative to the API root or absolute when a base is given. */
export function photoUrl(code: string, position: number, variant: 'thumbnail' | 'photo', base = ''): string {
  const path = `/api/v1/reports/${code}/photos/${position}${variant === 'thumbnail' ? '/thumbnail' : ''}`
  return `${base.replace(/\/$/, '')}${path}`
}

const unknownCategory = (code: string): ReportCategory => ({
  code,
  nameIt: code,
  nameEn: code,
  groupIt: '',
  groupEn: '',
})

/**
 * What anyone may see of a report: never who filed it (no name, e-mail or fiscal code), and of the
 * photos only their thumbnails.
 */
export function publicReportOf(
  row: ReportRow,
  photos: readonly PhotoRow[],
  categories: ReadonlyMap<string, ReportCategory>,
  locale: Locale,
): PublicReport {
  const category = categories.get(row.categoryCode) ?? unknownCategory(row.categoryCode)
  return {
    code: row.code,
    category: {
      code: category.code,
      name: categoryName(category, locale),
      group: categoryGroup(category, locale),
    },
    status: row.status as ReportStatus,
    description: row.description,
    address: row.address,
    lat: row.location?.y ?? null,
    long: row.location?.x ?? null,
    supportCount: row.supportCount,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    photos: photos
      .filter((photo) => photo.reportId === row.id)
      .map((photo) => ({
        position: photo.position,
        thumbnailUrl: photoUrl(row.code, photo.position, 'thumbnail'),
      })),
  }
}

export function publicReportPageOf(
  report: PublicReport,
  history: readonly StatusChangeRow[],
): PublicReportPage {
  return {
    ...report,
    history: history.map((change) => ({
      status: change.status as ReportStatus,
      note: change.publicNote,
      at: change.occurredAt.toISOString(),
    })),
  }
}
