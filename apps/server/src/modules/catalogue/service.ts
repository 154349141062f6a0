import { inTransaction } from '../../db/transaction.js'
import { recordAudit } from '../../platform/audit.js'
import type { ServiceContext } from '../../platform/context.js'
import { AppError } from '../../platform/errors.js'
import { getCityProfile } from '../city/service.js'
import { daysBefore, localiseCategory, localisePage, localiseSummary, romeDay } from './presentation.js'
import {
  categoryExists,
  findServiceBySlug,
  incrementServiceViews,
  insertService,
  listAllServices,
  listCategories,
  listFeaturedServices,
  listMostVisitedServices,
  listRecentServices,
  type NewServiceRow,
  rememberRecentService,
  searchServices,
  updateService,
} from './repo.js'
import type {
  Category,
  CreateServiceInput,
  EditableService,
  EditorServiceItem,
  ServiceList,
  ServicePage,
  ServiceSummary,
  UpdateServiceInput,
} from './schema.js'

type ReadContext = Pick<ServiceContext, 'db' | 'meta'>

/** How many services a citizen's "recently viewed" keeps. */
export const RECENT_SERVICES_KEPT = 10
/** The window of "I più visitati", in days. */
export const MOST_VISITED_WINDOW_DAYS = 30

export async function listServiceCategories(ctx: ReadContext): Promise<Category[]> {
  const categories = await listCategories(ctx.db)
  return categories.map((category) => localiseCategory(category, ctx.meta.locale))
}

export async function findServices(
  ctx: ReadContext,
  options: { category?: string; q?: string; page: number; pageSize: number },
): Promise<ServiceList> {
  const { services, total } = await searchServices(ctx.db, {
    locale: ctx.meta.locale,
    categorySlug: options.category,
    text: options.q,
    limit: options.pageSize,
    offset: (options.page - 1) * options.pageSize,
  })
  return {
    items: services.map((service) => localiseSummary(service, ctx.meta.locale)),
    page: options.page,
    pageSize: options.pageSize,
    total,
  }
}

export async function getServicePage(
  ctx: ReadContext,
  options: { slug: string; publicUrl: string },
): Promise<ServicePage> {
  const service = await findServiceBySlug(ctx.db, options.slug)
  if (!service) throw new AppError('NOT_FOUND', { internalDetail: `no service ${options.slug}` })
  const city = await getCityProfile(ctx)
  return localisePage(service, {
    locale: ctx.meta.locale,
    pageUrl: `${options.publicUrl.replace(/\/$/, '')}/servizi/${service.slug}`,
    cityName: city?.name ?? null,
  })
}

export async function listFeatured(ctx: ReadContext): Promise<ServiceSummary[]> {
  const services = await listFeaturedServices(ctx.db, ctx.meta.locale)
  return services.map((service) => localiseSummary(service, ctx.meta.locale))
}

export async function listMostVisited(
  ctx: ReadContext & Pick<ServiceContext, 'clock'>,
  options: { limit: number },
): Promise<ServiceSummary[]> {
  const today = romeDay(ctx.clock.now())
  const services = await listMostVisitedServices(ctx.db, {
    sinceDay: daysBefore(today, MOST_VISITED_WINDOW_DAYS - 1),
    limit: options.limit,
  })
  return services.map((service) => localiseSummary(service, ctx.meta.locale))
}

/**
 * Counts one view of a service page. Only a daily counter moves; a signed-in citizen's own
 * "recently viewed" list is the one place the view is tied to a person, and only they read it.
 */
export async function countServiceView(ctx: ServiceContext, options: { slug: string }): Promise<void> {
  const service = await findServiceBySlug(ctx.db, options.slug)
  if (!service) throw new AppError('NOT_FOUND', { internalDetail: `no service ${options.slug}` })
  const at = ctx.clock.now()
  const { actor } = ctx
  await inTransaction(ctx.db, async (tx) => {
    await incrementServiceViews(tx, service.id, romeDay(at))
    if (actor.type === 'citizen') {
      await rememberRecentService(tx, {
        citizenAccountId: actor.id,
        serviceId: service.id,
        at,
        keep: RECENT_SERVICES_KEPT,
      })
    }
  })
}

export async function listRecentlyViewed(ctx: ServiceContext): Promise<ServiceSummary[]> {
  if (ctx.actor.type !== 'citizen') throw new AppError('FORBIDDEN')
  const services = await listRecentServices(ctx.db, ctx.actor.id)
  return services.map((service) => localiseSummary(service, ctx.meta.locale))
}

async function requireCategory(ctx: Pick<ServiceContext, 'db'>, slug: string): Promise<void> {
  if (await categoryExists(ctx.db, slug)) return
  throw new AppError('VALIDATION_FAILED', {
    fieldErrors: [{ path: 'body.categorySlug', message: 'unknown category' }],
  })
}

export async function createService(
  ctx: ServiceContext,
  options: { input: CreateServiceInput; publicUrl: string },
): Promise<ServicePage> {
  const { input } = options
  await requireCategory(ctx, input.categorySlug)
  if (await findServiceBySlug(ctx.db, input.slug)) {
    throw new AppError('CONFLICT', { internalDetail: `service ${input.slug} exists` })
  }
  const at = ctx.clock.now()
  await inTransaction(ctx.db, async (tx) => {
    const row = await insertService(tx, { ...toServiceRow(input), updatedAt: at })
    await recordAudit(tx, ctx.actor, ctx.meta, at, {
      action: 'catalogue.service.create',
      subjectType: 'catalogue-service',
      subjectId: row.slug,
      details: { status: row.status, featured: row.featured },
    })
  })
  return getServicePage(ctx, { slug: input.slug, publicUrl: options.publicUrl })
}

export async function editService(
  ctx: ServiceContext,
  options: { slug: string; changes: UpdateServiceInput; publicUrl: string },
): Promise<ServicePage> {
  const service = await findServiceBySlug(ctx.db, options.slug)
  if (!service) throw new AppError('NOT_FOUND', { internalDetail: `no service ${options.slug}` })
  const { changes } = options
  if (changes.categorySlug) await requireCategory(ctx, changes.categorySlug)
  const at = ctx.clock.now()
  const row: Partial<NewServiceRow> = {
    titleIt: changes.title?.it,
    titleEn: changes.title?.en,
    summaryIt: changes.summary?.it,
    summaryEn: changes.summary?.en,
    categorySlug: changes.categorySlug,
    audience: changes.audience,
    channels: changes.channels,
    status: changes.status,
    onlineAccessLevel: changes.onlineAccessLevel,
    sectionsIt: changes.sections?.it,
    sectionsEn: changes.sections?.en,
    featured: changes.featured,
    featuredOrder: changes.featuredOrder,
  }
  const changedFields = Object.entries(row)
    .filter(([, value]) => value !== undefined)
    .map(([field]) => field)
  await inTransaction(ctx.db, async (tx) => {
    await updateService(tx, service.id, { ...row, updatedAt: at })
    await recordAudit(tx, ctx.actor, ctx.meta, at, {
      action: 'catalogue.service.update',
      subjectType: 'catalogue-service',
      subjectId: service.slug,
      details: { fields: changedFields },
    })
  })
  return getServicePage(ctx, { slug: service.slug, publicUrl: options.publicUrl })
}

export function toServiceRow(input: CreateServiceInput): NewServiceRow {
  return {
    slug: input.slug,
    titleIt: input.title.it,
    titleEn: input.title.en,
    summaryIt: input.summary.it,
    summaryEn: input.summary.en,
    categorySlug: input.categorySlug,
    audience: input.audience,
    channels: input.channels,
    status: input.status,
    onlineAccessLevel: input.onlineAccessLevel,
    sectionsIt: input.sections.it,
    sectionsEn: input.sections.en,
    featured: input.featured,
    featuredOrder: input.featuredOrder,
  }
}

/** Every service, inactive ones too, with what editors sort by. */
export async function listServicesForEditing(ctx: ReadContext): Promise<EditorServiceItem[]> {
  const services = await listAllServices(ctx.db)
  return services.map((service) => ({
    slug: service.slug,
    title: ctx.meta.locale === 'en' ? service.titleEn : service.titleIt,
    categoryName: localiseCategory(service.category, ctx.meta.locale).name,
    status: service.status as EditorServiceItem['status'],
    featured: service.featured,
    featuredOrder: service.featuredOrder,
    updatedAt: service.updatedAt.toISOString(),
  }))
}

/** One service in both languages, in the shape the update takes. */
export async function getServiceForEditing(ctx: ReadContext, slug: string): Promise<EditableService> {
  const service = await findServiceBySlug(ctx.db, slug)
  if (!service) throw new AppError('NOT_FOUND', { internalDetail: `no service ${slug}` })
  return {
    slug: service.slug,
    title: { it: service.titleIt, en: service.titleEn },
    summary: { it: service.summaryIt, en: service.summaryEn },
    categorySlug: service.categorySlug,
    audience: service.audience as EditableService['audience'],
    channels: service.channels as EditableService['channels'],
    status: service.status as EditableService['status'],
    onlineAccessLevel: service.onlineAccessLevel as EditableService['onlineAccessLevel'],
    sections: { it: service.sectionsIt, en: service.sectionsEn },
    featured: service.featured,
    featuredOrder: service.featuredOrder,
    updatedAt: service.updatedAt.toISOString(),
  }
}
