import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { PUBLIC, type RouteAccess } from '../../platform/http/access.js'
import type { AppDependencies } from '../../platform/http/dependencies.js'
import { serviceContext } from '../../platform/http/service-context.js'
import {
  ZCategory,
  ZCreateServiceInput,
  ZEditableService,
  ZEditorServiceItem,
  ZServiceList,
  ZServiceListQuery,
  ZServicePage,
  ZServiceSummary,
  ZSlugParam,
  ZTopQuery,
  ZUpdateServiceInput,
} from './schema.js'
import {
  countServiceView,
  createService,
  editService,
  findServices,
  getServiceForEditing,
  getServicePage,
  listFeatured,
  listMostVisited,
  listRecentlyViewed,
  listServiceCategories,
  listServicesForEditing,
} from './service.js'

const CATALOGUE_EDITORS: RouteAccess = { kind: 'staff', roles: ['admin', 'supervisor'] }
const PUBLIC_CACHE = 'public, max-age=60'

export function catalogueRoutes(deps: AppDependencies): FastifyPluginAsyncZod {
  const publicUrl = deps.config.publicUrl
  return async (app) => {
    app.get(
      '/catalogue/categories',
      {
        config: { access: PUBLIC },
        schema: {
          tags: ['catalogue'],
          summary: 'Service categories, in the request language',
          response: { 200: z.array(ZCategory) },
        },
      },
      async (request, reply) => {
        reply.header('cache-control', PUBLIC_CACHE)
        return listServiceCategories(serviceContext(deps, request))
      },
    )

    app.get(
      '/catalogue/services',
      {
        config: { access: PUBLIC },
        schema: {
          tags: ['catalogue'],
          summary: 'Active services, by category and Italian/English full-text search',
          querystring: ZServiceListQuery,
          response: { 200: ZServiceList },
        },
      },
      async (request, reply) => {
        reply.header('cache-control', PUBLIC_CACHE)
        return findServices(serviceContext(deps, request), request.query)
      },
    )

    app.get(
      '/catalogue/services/:slug',
      {
        config: { access: PUBLIC },
        schema: {
          tags: ['catalogue'],
          summary: 'A service page with its sections and schema.org metadata',
          params: ZSlugParam,
          response: { 200: ZServicePage },
        },
      },
      async (request, reply) => {
        reply.header('cache-control', PUBLIC_CACHE)
        return getServicePage(serviceContext(deps, request), { slug: request.params.slug, publicUrl })
      },
    )

    app.get(
      '/catalogue/featured',
      {
        config: { access: PUBLIC },
        schema: {
          tags: ['catalogue'],
          summary: 'Services in evidence, in their chosen order',
          response: { 200: z.array(ZServiceSummary) },
        },
      },
      async (request, reply) => {
        reply.header('cache-control', PUBLIC_CACHE)
        return listFeatured(serviceContext(deps, request))
      },
    )

    app.get(
      '/catalogue/most-visited',
      {
        config: { access: PUBLIC },
        schema: {
          tags: ['catalogue'],
          summary: 'The most visited services of the last 30 days',
          querystring: ZTopQuery,
          response: { 200: z.array(ZServiceSummary) },
        },
      },
      async (request, reply) => {
        reply.header('cache-control', PUBLIC_CACHE)
        return listMostVisited(serviceContext(deps, request), request.query)
      },
    )

    app.post(
      '/catalogue/services/:slug/views',
      {
        config: { access: PUBLIC },
        schema: {
          tags: ['catalogue'],
          summary: 'Count one view of a service page (no cookie set, nothing about the visitor stored)',
          params: ZSlugParam,
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        await countServiceView(serviceContext(deps, request), { slug: request.params.slug })
        return reply.code(204).header('cache-control', 'no-store').send(null)
      },
    )

    app.get(
      '/catalogue/recently-viewed',
      {
        config: { access: { kind: 'citizen' } },
        schema: {
          tags: ['catalogue'],
          summary: 'The services the signed-in citizen opened last, newest first',
          response: { 200: z.array(ZServiceSummary) },
        },
      },
      async (request, reply) => {
        reply.header('cache-control', 'no-store')
        return listRecentlyViewed(serviceContext(deps, request))
      },
    )

    app.get(
      '/catalogue/editor/services',
      {
        config: { access: CATALOGUE_EDITORS },
        schema: {
          tags: ['catalogue'],
          summary: 'Every service, inactive ones included, for editors',
          response: { 200: z.array(ZEditorServiceItem) },
        },
      },
      async (request, reply) => {
        reply.header('cache-control', 'no-store')
        return listServicesForEditing(serviceContext(deps, request))
      },
    )

    app.get(
      '/catalogue/editor/services/:slug',
      {
        config: { access: CATALOGUE_EDITORS },
        schema: {
          tags: ['catalogue'],
          summary: 'A service in both languages, as the editing form needs it',
          params: ZSlugParam,
          response: { 200: ZEditableService },
        },
      },
      async (request, reply) => {
        reply.header('cache-control', 'no-store')
        return getServiceForEditing(serviceContext(deps, request), request.params.slug)
      },
    )

    app.post(
      '/catalogue/services',
      {
        config: { access: CATALOGUE_EDITORS },
        schema: {
          tags: ['catalogue'],
          summary: 'Publish a new service page (audited)',
          body: ZCreateServiceInput,
          response: { 201: ZServicePage },
        },
      },
      async (request, reply) => {
        const page = await createService(serviceContext(deps, request), { input: request.body, publicUrl })
        return reply.code(201).header('cache-control', 'no-store').send(page)
      },
    )

    app.patch(
      '/catalogue/services/:slug',
      {
        config: { access: CATALOGUE_EDITORS },
        schema: {
          tags: ['catalogue'],
          summary: 'Edit a service page: texts, status, evidence (audited)',
          params: ZSlugParam,
          body: ZUpdateServiceInput,
          response: { 200: ZServicePage },
        },
      },
      async (request, reply) => {
        reply.header('cache-control', 'no-store')
        return editService(serviceContext(deps, request), {
          slug: request.params.slug,
          changes: request.body,
          publicUrl,
        })
      },
    )
  }
}
