import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { RouteAccess } from '../../platform/http/access.js'
import type { AppDependencies } from '../../platform/http/dependencies.js'
import { serviceContext } from '../../platform/http/service-context.js'
import { listContactCentreCalls, logCall, recordTelephonyWait } from './calls.js'
import {
  ZCall,
  ZCalls,
  ZCallsQuery,
  ZLogCallInput,
  ZTelephonyWaitInput,
  ZTelephonyWaitRecorded,
} from './calls-schema.js'
import { ticketsContext } from './http-context.js'

const CALL_STAFF: RouteAccess = { kind: 'staff', roles: ['operator', 'supervisor'] }
const TELEPHONY: RouteAccess = { kind: 'api-client', scopes: ['telephony'] }
const TAGS = ['contact centre']

/** The 020202 contact centre: calls logged by operators, queue waits reported by the telephony system. */
export function callRoutes(deps: AppDependencies): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/staff/calls',
      {
        config: { access: CALL_STAFF },
        schema: {
          tags: TAGS,
          summary: 'Log an answered call: caller, triplet, outcome; outcome "ticket" opens the ticket',
          body: ZLogCallInput,
          response: { 201: ZCall },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await logCall(ticketsContext(deps, request), request.body)),
    )

    app.get(
      '/staff/calls',
      {
        config: { access: CALL_STAFF },
        schema: {
          tags: TAGS,
          summary: 'The operator’s recent calls, or a contact’s calls (audited)',
          querystring: ZCallsQuery,
          response: { 200: ZCalls },
        },
      },
      async (request, reply) => {
        reply.header('cache-control', 'no-store')
        return listContactCentreCalls(serviceContext(deps, request), request.query)
      },
    )

    app.post(
      '/telephony/waits',
      {
        config: { access: TELEPHONY },
        schema: {
          tags: TAGS,
          summary: 'The queue wait of a call, from the telephony system; repeating it changes nothing',
          body: ZTelephonyWaitInput,
          response: { 200: ZTelephonyWaitRecorded },
        },
      },
      async (request) => recordTelephonyWait(serviceContext(deps, request), request.body),
    )
  }
}
