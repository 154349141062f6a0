import type { FastifyRequest } from 'fastify'
import type { AppDependencies } from '../../platform/http/dependencies.js'
import { serviceContext } from '../../platform/http/service-context.js'
import { notifyDeps } from '../notifications/jobs.js'
import type { TicketsContext } from './context.js'

/** A request's context with what the CRM needs: messages, links, its settings and the files port. */
export function ticketsContext(deps: AppDependencies, request: FastifyRequest): TicketsContext {
  return {
    ...serviceContext(deps, request),
    notify: notifyDeps(deps),
    publicUrl: deps.config.publicUrl,
    tickets: deps.config.tickets,
    files: deps.files,
  }
}
