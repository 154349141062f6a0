import type { FastifyInstance } from 'fastify'

/**
 * One line per request, written when the answer has gone: the route's pattern rather than the
 * address, so fiscal codes and query strings (an operator's reason) stay out of the logs, with the
 * status and the time taken. Fastify's own two lines per request are turned off in `app.ts`.
 */
export function registerAccessLog(app: FastifyInstance): void {
  app.addHook('onResponse', (request, reply, done) => {
    const fields = {
      method: request.method,
      route: request.routeOptions.url ?? 'unmatched',
      statusCode: reply.statusCode,
      ms: Math.round(reply.elapsedTime * 10) / 10,
    }
    // Failures are logged with their cause by the problem handler; this line is the access record.
    request.log.info(fields, 'request')
    done()
  })
}
