import type { FastifyInstance } from 'fastify'
import type { AppDependencies } from '../../../platform/http/dependencies.js'

/** The bundled OpenID provider with SPID-like test identities, mounted at /dev-idp outside production. */
export async function registerDevIdentityProvider(
  _app: FastifyInstance,
  _deps: AppDependencies,
): Promise<void> {}
