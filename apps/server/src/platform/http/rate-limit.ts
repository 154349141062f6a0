import rateLimit from '@fastify/rate-limit'
import type { FastifyInstance } from 'fastify'
import { AppError } from '../errors.js'

/**
 * Limits the routes of this plugin, counted per client address and route, answering the platform's
 * 429 problem with Retry-After. `what` names the limit in the logs.
 */
export async function limitPerAddress(
  app: Pick<FastifyInstance, 'register'>,
  limit: { max: number; timeWindowMs: number; what: string },
): Promise<void> {
  await app.register(rateLimit, {
    max: limit.max,
    timeWindow: limit.timeWindowMs,
    keyGenerator: (request) => `${request.ip}|${request.routeOptions.url ?? ''}`,
    errorResponseBuilder: (_request, context) =>
      new AppError('RATE_LIMITED', {
        headers: { 'retry-after': String(Math.max(1, Math.ceil(context.ttl / 1000))) },
        internalDetail: `${limit.what} rate limit reached`,
      }),
  })
}
