import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { AppDependencies } from '../../platform/http/dependencies.js'

/** The citizen's own profile: contacts verified by one-time code, language. */
export function contactRoutes(_deps: AppDependencies): FastifyPluginAsyncZod {
  return async () => {}
}
