import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { AppDependencies } from '../../platform/http/dependencies.js'

/** Acting for minors and delegators; explicit delegations. */
export function delegationRoutes(_deps: AppDependencies): FastifyPluginAsyncZod {
  return async () => {}
}
