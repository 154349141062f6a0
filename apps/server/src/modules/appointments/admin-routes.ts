import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { AppDependencies } from '../../platform/http/dependencies.js'

/** Offices, counters, services, opening hours and closures, managed by administrators. */
export function appointmentAdminRoutes(_deps: AppDependencies): FastifyPluginAsyncZod {
  return async () => {}
}
