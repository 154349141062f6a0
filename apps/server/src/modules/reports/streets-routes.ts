import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { PUBLIC } from '../../platform/http/access.js'
import type { AppDependencies } from '../../platform/http/dependencies.js'
import { findStreets, nearestStreet } from './streets.js'

const TAGS = ['reports']
const ZStreet = z.object({ name: z.string(), lat: z.number(), long: z.number() })

/** The street list and the map's settings: what the report form needs to place a problem. */
export function placeRoutes(deps: AppDependencies): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/reports/map-settings',
      {
        config: { access: PUBLIC },
        schema: {
          tags: TAGS,
          summary: 'Where the map opens and its tile server (none: the map draws on a plain background)',
          response: {
            200: z.object({
              tilesUrl: z.string().nullable(),
              attribution: z.string().nullable(),
              center: z.object({ lat: z.number(), long: z.number() }),
              zoom: z.number().int(),
            }),
          },
        },
      },
      async (_request, reply) => reply.header('cache-control', 'public, max-age=300').send(deps.config.map),
    )
    app.get(
      '/reports/streets',
      {
        config: { access: PUBLIC },
        schema: {
          tags: TAGS,
          summary: 'Streets of the city’s street list whose name holds every word typed',
          querystring: z.object({
            q: z.string().trim().min(2).max(100),
            limit: z.coerce.number().int().min(1).max(20).default(8),
          }),
          response: { 200: z.object({ items: z.array(ZStreet) }) },
        },
      },
      async (request) => findStreets(deps.db, request.query),
    )
    app.get(
      '/reports/streets/nearest',
      {
        config: { access: PUBLIC },
        schema: {
          tags: TAGS,
          summary: 'The street nearest a point, to name a pin or the phone’s position',
          querystring: z.object({
            lat: z.coerce.number().min(-90).max(90),
            long: z.coerce.number().min(-180).max(180),
          }),
          response: { 200: ZStreet.extend({ distanceMetres: z.number() }) },
        },
      },
      async (request) => nearestStreet(deps.db, request.query),
    )
  }
}
