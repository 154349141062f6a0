import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { RouteAccess } from '../../platform/http/access.js'
import type { AppDependencies } from '../../platform/http/dependencies.js'
import { serviceContext } from '../../platform/http/service-context.js'
import {
  type ApiClientView,
  createApiClient,
  listAllApiClients,
  revokeApiClient,
} from './api-client-service.js'
import {
  ZApiClientCreated,
  ZApiClientCreateInput,
  ZApiClientList,
  ZApiClientView,
  ZIdParams,
  ZStaffCreateInput,
  ZStaffList,
  ZStaffTeamsInput,
  ZStaffUpdateInput,
  ZStaffView,
  ZTeamCreateInput,
  ZTeamList,
  ZTeamView,
} from './staff-admin-schema.js'
import {
  createStaff,
  createTeam,
  listStaff,
  listTeams,
  setStaffTeams,
  updateStaff,
} from './staff-admin-service.js'

const ADMIN: RouteAccess = { kind: 'staff', roles: ['admin'] }
const ADMIN_OR_SUPERVISOR: RouteAccess = { kind: 'staff', roles: ['admin', 'supervisor'] }
const TAGS = ['administration']

function apiClientJson(client: ApiClientView) {
  return {
    ...client,
    createdAt: client.createdAt.toISOString(),
    revokedAt: client.revokedAt?.toISOString() ?? null,
    lastUsedAt: client.lastUsedAt?.toISOString() ?? null,
  }
}

/** Back office administration of staff, teams and API clients. */
export function adminRoutes(deps: AppDependencies): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/staff',
      {
        config: { access: ADMIN_OR_SUPERVISOR },
        schema: { tags: TAGS, summary: 'Staff members with roles and teams', response: { 200: ZStaffList } },
      },
      async (request) => ({ staff: await listStaff(serviceContext(deps, request)) }),
    )

    app.post(
      '/staff',
      {
        config: { access: ADMIN },
        schema: {
          tags: TAGS,
          summary: 'Add a staff member, matched at sign-in by the identity provider’s subject',
          body: ZStaffCreateInput,
          response: { 201: ZStaffView },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await createStaff(serviceContext(deps, request), request.body)),
    )

    app.patch(
      '/staff/:id',
      {
        config: { access: ADMIN },
        schema: {
          tags: TAGS,
          summary: 'Change roles, display name or active flag; effective immediately',
          description:
            'Deactivating revokes the member’s sessions. Administrators cannot demote or deactivate themselves.',
          params: ZIdParams,
          body: ZStaffUpdateInput,
          response: { 200: ZStaffView },
        },
      },
      async (request) => updateStaff(serviceContext(deps, request), request.params.id, request.body),
    )

    app.put(
      '/staff/:id/teams',
      {
        config: { access: ADMIN },
        schema: {
          tags: TAGS,
          summary: 'Set the teams of a staff member (replaces the current ones)',
          params: ZIdParams,
          body: ZStaffTeamsInput,
          response: { 200: ZStaffView },
        },
      },
      async (request) =>
        setStaffTeams(serviceContext(deps, request), request.params.id, request.body.teamCodes),
    )

    app.get(
      '/teams',
      {
        config: { access: ADMIN_OR_SUPERVISOR },
        schema: { tags: TAGS, summary: 'Teams with their member counts', response: { 200: ZTeamList } },
      },
      async (request) => ({ teams: await listTeams(serviceContext(deps, request)) }),
    )

    app.post(
      '/teams',
      {
        config: { access: ADMIN },
        schema: {
          tags: TAGS,
          summary: 'Create a team',
          body: ZTeamCreateInput,
          response: { 201: ZTeamView },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await createTeam(serviceContext(deps, request), request.body)),
    )

    app.get(
      '/api-clients',
      {
        config: { access: ADMIN },
        schema: { tags: TAGS, summary: 'Integrations holding API keys', response: { 200: ZApiClientList } },
      },
      async () => ({ apiClients: (await listAllApiClients(deps)).map(apiClientJson) }),
    )

    app.post(
      '/api-clients',
      {
        config: { access: ADMIN },
        schema: {
          tags: TAGS,
          summary: 'Create an API client; the answer carries its key, never shown again',
          body: ZApiClientCreateInput,
          response: { 201: ZApiClientCreated },
        },
      },
      async (request, reply) => {
        const { client, key } = await createApiClient(serviceContext(deps, request), request.body)
        reply.header('cache-control', 'no-store')
        return reply.status(201).send({ client: apiClientJson(client), key })
      },
    )

    app.delete(
      '/api-clients/:id',
      {
        config: { access: ADMIN },
        schema: {
          tags: TAGS,
          summary: 'Revoke an API client: its key stops working at once',
          params: ZIdParams,
          response: { 200: ZApiClientView },
        },
      },
      async (request) =>
        apiClientJson(await revokeApiClient(serviceContext(deps, request), request.params.id)),
    )
  }
}
