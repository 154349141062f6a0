import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { PUBLIC } from './access.js'
import type { AppDependencies } from './dependencies.js'

const ZLive = z.object({ status: z.literal('ok') }).meta({ id: 'Liveness' })
const ZReady = z
  .object({
    status: z.enum(['ok', 'unavailable']),
    checks: z.object({ database: z.enum(['ok', 'failing']), jobs: z.enum(['ok', 'failing']) }),
  })
  .meta({ id: 'Readiness' })

// Polled by every balancer many times a second: the answer is serialised once.
const LIVE_BODY = JSON.stringify({ status: 'ok' })

/** Probes for load balancers and orchestrators; they are polled constantly, so they are not logged. */
export function healthRoutes(
  deps: AppDependencies,
  state: { shuttingDown: () => boolean },
): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/health/live',
      {
        logLevel: 'warn',
        config: { access: PUBLIC },
        schema: { tags: ['health'], summary: 'The process is up', response: { 200: ZLive } },
      },
      // A string payload bypasses the serializer; the schema still documents the shape.
      async (_request, reply) => reply.type('application/json; charset=utf-8').send(LIVE_BODY as never),
    )

    app.get(
      '/health/ready',
      {
        logLevel: 'warn',
        config: { access: PUBLIC },
        schema: {
          tags: ['health'],
          summary: 'The process can serve: database and job queue answer',
          response: { 200: ZReady, 503: ZReady },
        },
      },
      async (_request, reply) => {
        const [database, jobs] = await Promise.all([
          deps.database.ping().then(
            () => 'ok' as const,
            () => 'failing' as const,
          ),
          deps.jobs.isHealthy().then((healthy) => (healthy ? ('ok' as const) : ('failing' as const))),
        ])
        const ok = database === 'ok' && jobs === 'ok' && !state.shuttingDown()
        reply.header('cache-control', 'no-store')
        return reply
          .status(ok ? 200 : 503)
          .send({ status: ok ? 'ok' : 'unavailable', checks: { database, jobs } })
      },
    )
  }
}
