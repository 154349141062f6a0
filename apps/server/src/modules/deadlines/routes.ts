import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { PUBLIC, type RouteAccess } from '../../platform/http/access.js'
import type { AppDependencies } from '../../platform/http/dependencies.js'
import { serviceContext } from '../../platform/http/service-context.js'
import { ZFeedCreated, ZFeedStatus, ZFeedToken, ZMyDeadlines } from './schema.js'
import {
  createMyFeed,
  type DeadlinesContext,
  deleteMyFeed,
  describeMyFeed,
  listMyDeadlines,
  renderFeed,
} from './service.js'

const CITIZEN: RouteAccess = { kind: 'citizen' }
// The feed carries the dues too: creating one asks for the level payments ask for.
const CITIZEN_LEVEL_2: RouteAccess = { kind: 'citizen', minimumLevel: 2 }
const TAGS = ['deadlines']

export function deadlineRoutes(deps: AppDependencies): FastifyPluginAsyncZod {
  return async (app) => {
    const context = (request: Parameters<typeof serviceContext>[1]): DeadlinesContext => ({
      ...serviceContext(deps, request),
      registry: deps.registry,
    })

    app.get(
      '/deadlines',
      {
        config: { access: CITIZEN },
        schema: {
          tags: TAGS,
          summary: '"Scadenze": every coming date — documents, permits, instalments — soonest first',
          response: { 200: ZMyDeadlines },
        },
      },
      async (request, reply) => {
        reply.header('cache-control', 'no-store')
        return listMyDeadlines(context(request)) as never
      },
    )

    app.get(
      '/deadlines/feed',
      {
        config: { access: CITIZEN },
        schema: {
          tags: TAGS,
          summary: 'Whether the citizen has a calendar feed, since when',
          response: { 200: ZFeedStatus },
        },
      },
      async (request, reply) => {
        reply.header('cache-control', 'no-store')
        return describeMyFeed(serviceContext(deps, request))
      },
    )

    app.post(
      '/deadlines/feed',
      {
        config: { access: CITIZEN_LEVEL_2 },
        schema: {
          tags: TAGS,
          summary: 'A new private calendar address (shown once); the previous one stops working',
          response: { 201: ZFeedCreated },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await createMyFeed(serviceContext(deps, request), deps.config.publicUrl)),
    )

    app.delete(
      '/deadlines/feed',
      {
        config: { access: CITIZEN },
        schema: { tags: TAGS, summary: 'Stop the calendar feed', response: { 204: z.null() } },
      },
      async (request, reply) => {
        await deleteMyFeed(serviceContext(deps, request))
        return reply.code(204).send(null)
      },
    )

    app.get(
      '/deadlines/calendar/:token.ics',
      {
        // The unguessable token in the address is the credential: calendar apps send no cookie.
        config: { access: PUBLIC },
        schema: {
          tags: TAGS,
          summary: 'The private iCalendar feed a phone subscribes to',
          params: ZFeedToken,
          produces: ['text/calendar'],
        },
      },
      async (request, reply) => {
        const calendar = await renderFeed(context(request), deps.config.publicUrl, request.params.token)
        return reply
          .header('cache-control', 'private, max-age=900')
          .header('x-robots-tag', 'noindex')
          .type('text/calendar; charset=utf-8')
          .send(calendar)
      },
    )
  }
}
