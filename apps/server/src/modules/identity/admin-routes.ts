import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { AppDependencies } from '../../platform/http/dependencies.js'

/** Back office administration of staff, teams and API clients. */
export function adminRoutes(_deps: AppDependencies): FastifyPluginAsyncZod {
  return async () => {}
}
