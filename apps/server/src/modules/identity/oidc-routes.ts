import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { AppDependencies } from '../../platform/http/dependencies.js'

/** Citizen and staff sign-in through OpenID Connect (SPID/CIE or a gateway). */
export function oidcRoutes(_deps: AppDependencies): FastifyPluginAsyncZod {
  return async () => {}
}
