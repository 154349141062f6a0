import type { FastifyRequest } from 'fastify'
import type { AppDependencies } from '../../platform/http/dependencies.js'
import { serviceContext } from '../../platform/http/service-context.js'
import { notifyDeps } from '../notifications/jobs.js'
import type { AppointmentsContext } from './service.js'

/** A request's context with what booking messages need: how they are sent and where they link. */
export function appointmentsContext(deps: AppDependencies, request: FastifyRequest): AppointmentsContext {
  return { ...serviceContext(deps, request), notify: notifyDeps(deps), publicUrl: deps.config.publicUrl }
}
