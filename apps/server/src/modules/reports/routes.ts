import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { PUBLIC, type RouteAccess } from '../../platform/http/access.js'
import type { AppDependencies } from '../../platform/http/dependencies.js'
import { limitPerAddress } from '../../platform/http/rate-limit.js'
import { serviceContext } from '../../platform/http/service-context.js'
import { ticketsContext } from '../tickets/http-context.js'
import { MAX_PHOTO_BYTES, MAX_PHOTOS } from './photos.js'
import { REPORT_STAFF_ROLES } from './policy.js'
import {
  ZCreatedReport,
  ZCreateReportInput,
  ZListQuery,
  ZMapMarkers,
  ZMapQuery,
  ZNearbyQuery,
  ZNearbyReports,
  ZPhotoParams,
  ZPublicReportList,
  ZPublicReportPage,
  ZReportCode,
  ZStatusUpdateInput,
  ZSupported,
  ZSupportInput,
} from './schema.js'
import {
  createReport,
  findNearbyReports,
  getPublicReport,
  listPublicReports,
  listReportCategories,
  listReportMarkers,
  readReportPhoto,
  supportReport,
  updateReportStatus,
} from './service.js'
import { placeRoutes } from './streets-routes.js'

const TAGS = ['reports']
const REPORT_STAFF: RouteAccess = { kind: 'staff', roles: REPORT_STAFF_ROLES }
const TEN_MINUTES_MS = 10 * 60_000
// The photos travel in base64, a third larger than the files, next to the text.
const CREATE_BODY_LIMIT = Math.ceil((MAX_PHOTOS * MAX_PHOTO_BYTES * 4) / 3) + 64 * 1024

const ZCategories = z.object({
  items: z.array(z.object({ code: z.string(), name: z.string(), group: z.string() })),
})

function photoReply(reply: import('fastify').FastifyReply, bytes: Uint8Array, cache: string) {
  return reply
    .type('image/jpeg')
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "default-src 'none'; sandbox")
    .header('cache-control', cache)
    .send(Buffer.from(bytes))
}

/** Filing a report and adding one's voice: public forms, limited per address. */
function reportWriteRoutes(deps: AppDependencies): FastifyPluginAsyncZod {
  return async (app) => {
    await limitPerAddress(app, { max: 20, timeWindowMs: TEN_MINUTES_MS, what: 'problem reports' })

    app.post(
      '/reports',
      {
        bodyLimit: CREATE_BODY_LIMIT,
        config: { access: PUBLIC },
        schema: {
          tags: TAGS,
          summary: 'Report a problem: a signed-in citizen, or with a verified e-mail',
          description: 'Photos in base64 (at most three); the position in WGS84, an address, or both.',
          body: ZCreateReportInput,
          response: { 201: ZCreatedReport },
        },
      },
      async (request, reply) => {
        const { body } = request
        const filed = await createReport(ticketsContext(deps, request), {
          categoryCode: body.categoryCode,
          description: body.description,
          point:
            body.lat !== undefined && body.long !== undefined
              ? { lat: body.lat, long: body.long }
              : undefined,
          address: body.address,
          photos: body.photos.map((photo) => new Uint8Array(Buffer.from(photo.data, 'base64'))),
          email: body.email,
          proof: body.proof,
          name: body.name,
        })
        return reply.code(201).send({
          code: filed.report.code,
          status: 'open' as const,
          ticketCode: filed.ticket.code,
          createdAt: filed.report.createdAt.toISOString(),
        })
      },
    )

    app.post(
      '/reports/:code/supports',
      {
        config: { access: PUBLIC },
        schema: {
          tags: TAGS,
          summary: 'Add one’s voice to an open report instead of filing a duplicate',
          description: 'Once per citizen or verified e-mail: asking again answers the same count.',
          params: ZReportCode,
          body: ZSupportInput,
          response: { 200: ZSupported },
        },
      },
      async (request) =>
        supportReport(serviceContext(deps, request), { code: request.params.code, ...request.body }),
    )
  }
}

/** The public map, list and pages: no personal data in any of them. */
function reportReadRoutes(deps: AppDependencies): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/reports/categories',
      {
        config: { access: PUBLIC },
        schema: {
          tags: TAGS,
          summary: 'The categories a problem can be reported under',
          response: { 200: ZCategories },
        },
      },
      async (request) => {
        const locale = serviceContext(deps, request).meta.locale
        const categories = await listReportCategories(deps.db)
        return {
          items: categories.map((category) => ({
            code: category.code,
            name: locale === 'en' ? category.nameEn : category.nameIt,
            group: locale === 'en' ? category.groupEn : category.groupIt,
          })),
        }
      },
    )

    app.get(
      '/reports/nearby',
      {
        config: { access: PUBLIC },
        schema: {
          tags: TAGS,
          summary: 'Open reports of the same category within 50 m, nearest first',
          querystring: ZNearbyQuery,
          response: { 200: ZNearbyReports },
        },
      },
      async (request) => {
        const { categoryCode, lat, long, limit } = request.query
        const items = await findNearbyReports(serviceContext(deps, request), {
          categoryCode,
          point: { lat, long },
          limit,
        })
        return { items }
      },
    )

    app.get(
      '/reports/map',
      {
        config: { access: PUBLIC },
        schema: {
          tags: TAGS,
          summary: 'The map’s pins in a viewport, newest first, by category, status and date',
          querystring: ZMapQuery,
          response: { 200: ZMapMarkers },
        },
      },
      async (request) => ({ items: await listReportMarkers(serviceContext(deps, request), request.query) }),
    )

    app.get(
      '/reports',
      {
        config: { access: PUBLIC },
        schema: {
          tags: TAGS,
          summary: 'Reports in a viewport, newest first, by category, status and date',
          querystring: ZListQuery,
          response: { 200: ZPublicReportList },
        },
      },
      async (request) => ({ items: await listPublicReports(serviceContext(deps, request), request.query) }),
    )

    app.get(
      '/reports/:code',
      {
        config: { access: PUBLIC },
        schema: {
          tags: TAGS,
          summary: 'A report’s public page: status, history and published notes',
          params: ZReportCode,
          response: { 200: ZPublicReportPage },
        },
      },
      async (request) => getPublicReport(serviceContext(deps, request), request.params.code),
    )

    app.get(
      '/reports/:code/photos/:position/thumbnail',
      {
        config: { access: PUBLIC },
        schema: { tags: TAGS, summary: 'A photo’s public thumbnail', params: ZPhotoParams },
      },
      async (request, reply) => {
        const bytes = await readReportPhoto(
          { ...serviceContext(deps, request), files: deps.files },
          { ...request.params, variant: 'thumbnail' },
        )
        return photoReply(reply, bytes, 'public, max-age=3600')
      },
    )

    app.get(
      '/reports/:code/photos/:position',
      {
        config: { access: { kind: 'signed-in' } },
        schema: {
          tags: TAGS,
          summary: 'A full photo: for staff and the citizen who filed the report',
          params: ZPhotoParams,
        },
      },
      async (request, reply) => {
        const bytes = await readReportPhoto(
          { ...serviceContext(deps, request), files: deps.files },
          { ...request.params, variant: 'photo' },
        )
        return photoReply(reply, bytes, 'private, no-store')
      },
    )
  }
}

function reportStaffRoutes(deps: AppDependencies): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/staff/reports/:code/status',
      {
        config: { access: REPORT_STAFF },
        schema: {
          tags: TAGS,
          summary: 'Set a report’s public status, with a note for its public page',
          params: ZReportCode,
          body: ZStatusUpdateInput,
          response: { 200: ZPublicReportPage },
        },
      },
      async (request) =>
        updateReportStatus(ticketsContext(deps, request), { code: request.params.code, ...request.body }),
    )
  }
}

export function reportRoutes(deps: AppDependencies): FastifyPluginAsyncZod {
  return async (app) => {
    await app.register(reportWriteRoutes(deps))
    await app.register(reportReadRoutes(deps))
    await app.register(reportStaffRoutes(deps))
    await app.register(placeRoutes(deps))
  }
}
