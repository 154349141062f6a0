import type { FastifyRequest } from 'fastify'
import type { AppDependencies } from '../../platform/http/dependencies.js'
import { serviceContext } from '../../platform/http/service-context.js'
import { type TicketsContext, withTicketsDeps } from './context.js'

/** A request's context with what the CRM needs: messages, links, its settings and the files port. */
export function ticketsContext(deps: AppDependencies, request: FastifyRequest): TicketsContext {
  return withTicketsDeps(deps, serviceContext(deps, request))
}
