import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { PUBLIC } from '../../platform/http/access.js'
import type { AppDependencies } from '../../platform/http/dependencies.js'
import { ZPublicCity } from './schema.js'
import { getPublicCity } from './service.js'

export function cityRoutes(deps: AppDependencies): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/city',
      {
        config: { access: PUBLIC },
        schema: {
          tags: ['city'],
          summary: 'The municipality this installation serves',
          response: { 200: ZPublicCity },
        },
      },
      async (_request, reply) => {
        reply.header('cache-control', 'public, max-age=300')
        return getPublicCity(deps, { demo: deps.config.env !== 'production' })
      },
    )
  }
}
