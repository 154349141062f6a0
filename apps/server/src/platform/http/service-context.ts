import type { FastifyRequest } from 'fastify'
import type { ServiceContext } from '../context.js'
import type { AppDependencies } from './dependencies.js'
import { requestMeta } from './request-context.js'

/** The use-case context for one request: who is acting, from where, in which language. */
export function serviceContext(deps: AppDependencies, request: FastifyRequest): ServiceContext {
  return {
    db: deps.db,
    jobs: deps.jobs,
    clock: deps.clock,
    logger: request.log as ServiceContext['logger'],
    actor: request.actor,
    meta: requestMeta(request),
  }
}
