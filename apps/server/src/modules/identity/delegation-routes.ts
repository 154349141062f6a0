import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { RouteAccess } from '../../platform/http/access.js'
import type { AppDependencies } from '../../platform/http/dependencies.js'
import { serviceContext } from '../../platform/http/service-context.js'
import {
  ZActingForInput,
  ZActingForView,
  ZDelegationIdParams,
  ZDelegationInput,
  ZDelegationList,
  ZDelegationView,
  ZRepresentedList,
} from './delegation-schema.js'
import {
  changeActingFor,
  createDelegation,
  listMyDelegations,
  listRepresentedPeople,
  revokeDelegation,
} from './delegation-service.js'
import type { ResolvedSession } from './session-service.js'

const CITIZEN: RouteAccess = { kind: 'citizen', minimumLevel: 1 }
// Handing one's folder to someone else is the kind of act SPID reserves for level 2.
const CITIZEN_LEVEL_2: RouteAccess = { kind: 'citizen', minimumLevel: 2 }
const TAGS = ['identity']

/** Acting for minors and delegators; explicit delegations. */
export function delegationRoutes(deps: AppDependencies): FastifyPluginAsyncZod {
  const sessionDeps = { db: deps.db, clock: deps.clock, session: deps.config.session }
  return async (app) => {
    app.get(
      '/me/represented',
      {
        config: { access: CITIZEN },
        schema: {
          tags: TAGS,
          summary: 'People the citizen may act for: minor children in the household and delegators',
          response: { 200: ZRepresentedList },
        },
      },
      async (request, reply) => {
        reply.header('cache-control', 'no-store')
        return listRepresentedPeople(serviceContext(deps, request), request.session, sessionDeps)
      },
    )

    app.put(
      '/session/acting-for',
      {
        config: { access: CITIZEN },
        schema: {
          tags: TAGS,
          summary: 'Choose whose folder this session works on (null: one’s own)',
          description: '403 when the citizen does not represent that person.',
          body: ZActingForInput,
          response: { 200: ZActingForView },
        },
      },
      async (request) => ({
        actingFor: await changeActingFor(
          serviceContext(deps, request),
          request.session as ResolvedSession,
          sessionDeps,
          request.body.fiscalCode,
        ),
      }),
    )

    app.get(
      '/me/delegations',
      {
        config: { access: CITIZEN },
        schema: {
          tags: TAGS,
          summary: 'Delegations the citizen gave and received, newest first',
          response: { 200: ZDelegationList },
        },
      },
      async (request, reply) => {
        reply.header('cache-control', 'no-store')
        return listMyDelegations(serviceContext(deps, request))
      },
    )

    app.post(
      '/me/delegations',
      {
        config: { access: CITIZEN_LEVEL_2 },
        schema: {
          tags: TAGS,
          summary: 'Let another adult act for me, within scopes, until a day at most a year ahead',
          description:
            'The delegator must be an adult in the city registry (403 otherwise). A new delegation to the ' +
            'same person replaces the one in force.',
          body: ZDelegationInput,
          response: { 201: ZDelegationView },
        },
      },
      async (request, reply) => {
        const delegation = await createDelegation(serviceContext(deps, request), request.body)
        return reply.status(201).send(delegation)
      },
    )

    app.delete(
      '/me/delegations/:id',
      {
        config: { access: CITIZEN },
        schema: {
          tags: TAGS,
          summary: 'Revoke a delegation I gave; the delegate stops acting for me at once',
          description:
            '404 for a delegation not involving the citizen, 403 for the delegate, 409 if already revoked.',
          params: ZDelegationIdParams,
          response: { 200: ZDelegationView },
        },
      },
      async (request) => revokeDelegation(serviceContext(deps, request), request.params.id),
    )
  }
}
