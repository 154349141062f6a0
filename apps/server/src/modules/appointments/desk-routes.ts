import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { AppDependencies } from '../../platform/http/dependencies.js'

/** The counter staff's day: agenda, check-in, calls, served and no-show, and the public display. */
export function appointmentDeskRoutes(_deps: AppDependencies): FastifyPluginAsyncZod {
  return async () => {}
}
