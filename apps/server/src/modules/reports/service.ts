import { inTransaction } from '../../db/transaction.js'
import { recordAudit } from '../../platform/audit.js'
import type { ServiceContext } from '../../platform/context.js'
import { AppError } from '../../platform/errors.js'
import type { FileStore } from '../../platform/files.js'
import { timeOrderedUuid } from '../../platform/ids.js'
import { notifyCitizen } from '../notifications/service.js'
import { consumeEmailProof } from '../tickets/email-challenge.js'
import {
  cachedReportCategories,
  categoryName,
  findReportCategory,
  type ReportCategory,
} from './categories.js'
import type { ReportsContext } from './filing.js'
import { REPORT_STATUS_EMAIL_JOB } from './status-mail.js'
import './messages.js'
import { REPORT_STATUS_TEMPLATE, reportPageUrl } from './notices.js'
import {
  boxAround,
  DUPLICATE_RADIUS_M,
  isReportStaff,
  type Point,
  type ReportStatus,
  supporterKey,
} from './policy.js'
import {
  findOpenReportsNear,
  findPhoto,
  findReportByCode,
  insertStatusChange,
  insertSupportOnce,
  listMapMarkers,
  listPhotos,
  listReports,
  listStatusChanges,
  lockReportByCode,
  type ReportFilter,
  type ReportRow,
  updateReport,
} from './repo.js'
import type { ListQuery, MapQuery, PublicReport, PublicReportPage } from './schema.js'
import { publicReportOf, publicReportPageOf } from './views.js'

export { listReportCategories } from './categories.js'
export { createOpen311Report, createReport, type ReportsContext } from './filing.js'

type ReadContext = Pick<ServiceContext, 'db' | 'meta'>

const missing = () => new AppError('NOT_FOUND', { messageKey: 'reports.missing' })

async function categoryMap(ctx: ReadContext): Promise<Map<string, ReportCategory>> {
  return new Map((await cachedReportCategories(ctx.db)).map((category) => [category.code, category]))
}

/** Rows as the public sees them, with their thumbnails, in one read of the photos. */
export async function publicViews(ctx: ReadContext, rows: readonly ReportRow[]): Promise<PublicReport[]> {
  const [photos, categories] = await Promise.all([
    listPhotos(
      ctx.db,
      rows.map((row) => row.id),
    ),
    categoryMap(ctx),
  ])
  return rows.map((row) => publicReportOf(row, photos, categories, ctx.meta.locale))
}

/** Open reports of the same category within 50 m, nearest first: likely the same problem. */
export async function findNearbyReports(
  ctx: ReadContext,
  input: { categoryCode: string; point: Point; limit: number },
): Promise<(PublicReport & { distanceMetres: number })[]> {
  const rows = await findOpenReportsNear(ctx.db, {
    point: input.point,
    box: boxAround(input.point, DUPLICATE_RADIUS_M),
    radius: DUPLICATE_RADIUS_M,
    categoryCode: input.categoryCode,
    limit: input.limit,
  })
  const views = await publicViews(
    ctx,
    rows.map((row) => row.report),
  )
  return views.map((view, index) => ({
    ...view,
    distanceMetres: Math.round(rows[index]?.distanceMetres ?? 0),
  }))
}

function filterOf(query: ListQuery): ReportFilter {
  const [south, west, north, east] = query.bbox ?? []
  const nextDay = (date: string) => new Date(new Date(`${date}T00:00:00Z`).getTime() + 86_400_000)
  return {
    box:
      south !== undefined && west !== undefined && north !== undefined && east !== undefined
        ? { south, west, north, east }
        : undefined,
    categoryCodes: query.category,
    statuses: query.status,
    from: query.from ? new Date(`${query.from}T00:00:00Z`) : undefined,
    to: query.to ? nextDay(query.to) : undefined,
    limit: query.limit,
  }
}

/** The public map and list: newest first, in a viewport and with filters. */
export async function listPublicReports(ctx: ReadContext, query: ListQuery): Promise<PublicReport[]> {
  return publicViews(ctx, await listReports(ctx.db, filterOf(query)))
}

/** The map's pins: where, what and how it stands, newest first; the page tells the rest. */
export async function listReportMarkers(ctx: ReadContext, query: MapQuery) {
  const filter = filterOf(query)
  const [south, west, north, east] = query.bbox
  const rows = await listMapMarkers(ctx.db, { ...filter, box: { south, west, north, east } })
  return rows.map((row) => ({
    ...row,
    status: row.status as ReportStatus,
    createdAt: row.createdAt.toISOString(),
  }))
}

/** A report's public page: what it is, where, its status and the notes staff published. */
export async function getPublicReport(ctx: ReadContext, code: string): Promise<PublicReportPage> {
  const row = await findReportByCode(ctx.db, code)
  if (!row) throw missing()
  const [[view], history] = await Promise.all([publicViews(ctx, [row]), listStatusChanges(ctx.db, row.id)])
  return publicReportPageOf(view as PublicReport, history)
}

/**
 * Adds the caller's voice to an open report instead of filing it again: once per citizen or
 * verified e-mail; asking again answers the same count.
 */
export async function supportReport(
  ctx: ServiceContext,
  input: { code: string; email?: string; proof?: string },
): Promise<{ code: string; supportCount: number; added: boolean }> {
  const { actor } = ctx
  if (actor.type !== 'citizen' && actor.type !== 'anonymous') {
    throw new AppError('FORBIDDEN', { messageKey: 'reports.citizens-only' })
  }
  return inTransaction(ctx.db, async (tx) => {
    const now = ctx.clock.now()
    const report = await lockReportByCode(tx, input.code)
    if (!report) throw missing()
    if (report.status === 'closed') {
      throw new AppError('CONFLICT', { messageKey: 'reports.closed' })
    }
    let supporter: string
    if (actor.type === 'citizen') {
      supporter = supporterKey({ fiscalCode: actor.onBehalfOf ?? actor.fiscalCode })
    } else {
      if (!input.email || !input.proof) {
        throw new AppError('VALIDATION_FAILED', { status: 422, messageKey: 'reports.email-proof-required' })
      }
      const verified = await consumeEmailProof(tx, { email: input.email, proof: input.proof, at: now })
      supporter = supporterKey({ email: verified.email })
    }
    const added = await insertSupportOnce(tx, { reportId: report.id, supporter, createdAt: now })
    if (added) {
      await recordAudit(tx, actor, ctx.meta, now, {
        action: 'report.supported',
        subjectType: 'report',
        subjectId: report.id,
        details: { code: report.code },
      })
    }
    return { code: report.code, supportCount: report.supportCount + (added ? 1 : 0), added }
  })
}

/**
 * Staff set a report's public status, with a note for the public page if they choose; a reporter
 * who signed in hears of it in their inbox. Reporters who used an e-mail address are not written to.
 */
export async function updateReportStatus(
  ctx: ReportsContext,
  input: { code: string; status: ReportStatus; publicNote?: string },
): Promise<PublicReportPage> {
  if (!isReportStaff(ctx.actor) || ctx.actor.type !== 'staff') {
    throw new AppError('FORBIDDEN', { messageKey: 'reports.staff-only' })
  }
  const staffId = ctx.actor.id
  await inTransaction(ctx.db, async (tx) => {
    const now = ctx.clock.now()
    const report = await lockReportByCode(tx, input.code)
    if (!report) throw missing()
    if (report.status === input.status && !input.publicNote) {
      throw new AppError('CONFLICT', { messageKey: 'reports.same-status' })
    }
    await updateReport(tx, report.id, { status: input.status, updatedAt: now })
    const changeId = timeOrderedUuid(now.getTime())
    await insertStatusChange(tx, {
      id: changeId,
      reportId: report.id,
      status: input.status,
      publicNote: input.publicNote ?? null,
      staffId,
      occurredAt: now,
    })
    await recordAudit(tx, ctx.actor, ctx.meta, now, {
      action: 'report.status-changed',
      subjectType: 'report',
      subjectId: report.id,
      details: {
        code: report.code,
        from: report.status,
        to: input.status,
        note: input.publicNote !== undefined,
      },
    })
    if (report.reporterFiscalCode) {
      const category = await findReportCategory(tx, report.categoryCode)
      await notifyCitizen(tx, ctx.notify, {
        recipientFiscalCode: report.reporterFiscalCode,
        template: REPORT_STATUS_TEMPLATE,
        params: {
          code: report.code,
          category: category ? categoryName(category, 'it') : report.categoryCode,
          status: input.status,
          note: input.publicNote,
        },
        dedupeKey: `report-status:${changeId}`,
        action: { url: reportPageUrl(ctx.publicUrl, report.code) },
      })
    } else if (report.reporterEmail) {
      await ctx.jobs.enqueue(tx, REPORT_STATUS_EMAIL_JOB, { changeId })
    }
  })
  return getPublicReport(ctx, input.code)
}

/**
 * A photo's bytes: the thumbnail is public; the full photo only for staff and the citizen who
 * filed the report (it may show more than the problem).
 */
export async function readReportPhoto(
  ctx: Pick<ServiceContext, 'db' | 'actor'> & { files: FileStore },
  input: { code: string; position: number; variant: 'thumbnail' | 'photo' },
): Promise<Uint8Array> {
  const report = await findReportByCode(ctx.db, input.code)
  if (!report) throw missing()
  if (input.variant === 'photo') {
    const { actor } = ctx
    const isReporter =
      actor.type === 'citizen' &&
      report.reporterFiscalCode !== null &&
      (actor.onBehalfOf ?? actor.fiscalCode) === report.reporterFiscalCode
    if (!isReporter && !isReportStaff(actor)) throw missing()
  }
  const photo = await findPhoto(ctx.db, report.id, input.position)
  const bytes =
    photo && (await ctx.files.get(input.variant === 'photo' ? photo.storageKey : photo.thumbnailKey))
  if (!bytes) throw missing()
  return bytes
}

export { seedCityStreets } from './streets.js'
