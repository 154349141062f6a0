import { z } from 'zod'
import type { ServiceContext } from '../../platform/context.js'
import type { Locale } from '../../platform/i18n.js'
import {
  cachedReportCategories,
  categoryGroup,
  categoryName,
  findReportCategory,
  listReportCategories,
} from './categories.js'
import { createOpen311Report, type ReportsContext } from './filing.js'
import { Open311Error, type Open311Record, open311Date } from './open311-format.js'
import { open311Status, type ReportStatus } from './policy.js'
import { latestPublicNotes, listPhotos, listReports, type ReportRow } from './repo.js'
import { photoUrl } from './views.js'

type ReadContext = Pick<ServiceContext, 'db' | 'meta' | 'clock'> & { publicUrl: string }

const DEFAULT_WINDOW_MS = 90 * 86_400_000
const MAX_REQUESTS = 1000

export async function open311Services(ctx: Pick<ServiceContext, 'db' | 'meta'>): Promise<Open311Record[]> {
  const locale = ctx.meta.locale
  return (await listReportCategories(ctx.db)).map((category) => ({
    service_code: category.code,
    service_name: categoryName(category, locale),
    description: categoryName(category, locale),
    metadata: false,
    type: 'realtime',
    keywords: '',
    group: categoryGroup(category, locale),
  }))
}

/** A category's extra attributes: none are asked beyond the description and the place. */
export async function open311ServiceDefinition(
  ctx: Pick<ServiceContext, 'db'>,
  code: string,
): Promise<Open311Record> {
  const category = await findReportCategory(ctx.db, code)
  if (!category) throw new Open311Error(404, `service_code ${code} not found`)
  return { service_code: category.code, attributes: [] }
}

async function requestRecords(ctx: ReadContext, rows: readonly ReportRow[]): Promise<Open311Record[]> {
  const locale: Locale = ctx.meta.locale
  const categories = new Map(
    (await cachedReportCategories(ctx.db)).map((category) => [category.code, category]),
  )
  const ids = rows.map((row) => row.id)
  const [photos, notes] = await Promise.all([listPhotos(ctx.db, ids), latestPublicNotes(ctx.db, ids)])
  return rows.map((row) => {
    const category = categories.get(row.categoryCode)
    const photo = photos.find((candidate) => candidate.reportId === row.id)
    return {
      service_request_id: row.code,
      status: open311Status(row.status as ReportStatus),
      status_notes: notes.get(row.id),
      service_name: category ? categoryName(category, locale) : row.categoryCode,
      service_code: row.categoryCode,
      description: row.description,
      requested_datetime: open311Date(row.createdAt),
      updated_datetime: open311Date(row.updatedAt),
      address: row.address ?? undefined,
      lat: row.location?.y,
      long: row.location?.x,
      media_url: photo ? photoUrl(row.code, photo.position, 'thumbnail', ctx.publicUrl) : undefined,
    }
  })
}

const ZDate = z.iso.datetime({ offset: true })
const csv = (text: string | undefined) =>
  (text ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)

export const ZOpen311ListQuery = z.object({
  service_request_id: z.string().max(2000).optional(),
  service_code: z.string().max(2000).optional(),
  start_date: ZDate.optional(),
  end_date: ZDate.optional(),
  status: z.string().max(40).optional(),
})

function bad(description: string): Open311Error {
  return new Open311Error(400, description)
}

/** Requests by id, or by category, status and period: the last 90 days unless told otherwise. */
export async function open311Requests(ctx: ReadContext, raw: unknown): Promise<Open311Record[]> {
  const parsed = ZOpen311ListQuery.safeParse(raw)
  if (!parsed.success) {
    throw bad(`invalid parameter: ${parsed.error.issues.map((issue) => issue.path.join('.')).join(', ')}`)
  }
  const query = parsed.data
  const codes = csv(query.service_request_id)
  if (codes.length > 0) {
    return requestRecords(ctx, await listReports(ctx.db, { codes, limit: MAX_REQUESTS }))
  }
  const statuses = csv(query.status)
  if (statuses.some((status) => status !== 'open' && status !== 'closed'))
    throw bad('status is open or closed')
  const end = query.end_date ? new Date(query.end_date) : ctx.clock.now()
  const start = query.start_date ? new Date(query.start_date) : new Date(end.getTime() - DEFAULT_WINDOW_MS)
  if (query.end_date && start.getTime() > end.getTime()) throw bad('start_date is after end_date')
  const rows = await listReports(ctx.db, {
    categoryCodes: csv(query.service_code),
    statuses: statuses.flatMap((status): ReportStatus[] =>
      status === 'open' ? ['open', 'in-progress'] : ['closed'],
    ),
    from: start,
    to: new Date(end.getTime() + 1),
    limit: MAX_REQUESTS,
  })
  return requestRecords(ctx, rows)
}

export async function open311Request(ctx: ReadContext, code: string): Promise<Open311Record> {
  const [row] = await listReports(ctx.db, { codes: [code], limit: 1 })
  if (!row) throw new Open311Error(404, `service_request_id ${code} not found`)
  return (await requestRecords(ctx, [row]))[0] as Open311Record
}

const ZNumber = z.coerce.number()
export const ZOpen311CreateInput = z.object({
  service_code: z.string().trim().min(1).max(60),
  lat: ZNumber.pipe(z.number().min(-90).max(90)).optional(),
  long: ZNumber.pipe(z.number().min(-180).max(180)).optional(),
  address_string: z.string().trim().min(1).max(300).optional(),
  description: z.string().trim().max(4000).optional(),
  email: z.string().trim().email().max(254).optional(),
  first_name: z.string().trim().max(100).optional(),
  last_name: z.string().trim().max(100).optional(),
  phone: z.string().trim().max(40).optional(),
})

/** A new request from a client: returns the id at once (the service is realtime). */
export async function open311CreateRequest(
  ctx: ReportsContext,
  apiClientId: string,
  raw: Record<string, unknown>,
): Promise<Open311Record> {
  if (!raw.service_code) throw bad('service_code is required')
  const parsed = ZOpen311CreateInput.safeParse(raw)
  if (!parsed.success) {
    throw bad(`invalid parameter: ${parsed.error.issues.map((issue) => issue.path.join('.')).join(', ')}`)
  }
  const input = parsed.data
  if ((input.lat === undefined) !== (input.long === undefined)) throw bad('lat and long go together')
  if (input.lat === undefined && !input.address_string)
    throw bad('lat and long, or address_string, are required')
  const category = await findReportCategory(ctx.db, input.service_code)
  if (!category) throw bad(`service_code ${input.service_code} not found`)
  const name = [input.first_name, input.last_name].filter(Boolean).join(' ') || undefined
  const filed = await createOpen311Report(ctx, {
    serviceCode: category.code,
    description: input.description || categoryName(category, 'it'),
    point:
      input.lat !== undefined && input.long !== undefined ? { lat: input.lat, long: input.long } : undefined,
    address: input.address_string,
    email: input.email,
    name,
    phone: input.phone,
    apiClientId,
  })
  return { service_request_id: filed.report.code, service_notice: '', account_id: undefined }
}
