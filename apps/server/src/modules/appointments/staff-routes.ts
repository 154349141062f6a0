import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { AppDependencies } from '../../platform/http/dependencies.js'

/** The contact centre books, moves and cancels on a citizen's behalf. */
export function appointmentStaffRoutes(_deps: AppDependencies): FastifyPluginAsyncZod {
  return async () => {}
}
