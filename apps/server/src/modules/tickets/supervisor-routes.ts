import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { PUBLIC, type RouteAccess } from '../../platform/http/access.js'
import type { AppDependencies } from '../../platform/http/dependencies.js'
import { serviceContext } from '../../platform/http/service-context.js'
import { getDashboard } from './dashboard.js'
import { ZDashboard, ZDashboardQuery } from './dashboard-schema.js'
import { ticketsContext } from './http-context.js'
import {
  createCannedReply,
  createCategory,
  listCannedReplyViews,
  listPublicCategories,
  listTaxonomy,
  listTeamAssignment,
  saveTeamAssignment,
  updateCannedReplyText,
  updateCategoryNode,
} from './taxonomy.js'
import {
  ZCannedIdParams,
  ZCannedReply,
  ZCannedReplyCreate,
  ZCannedReplyUpdate,
  ZCategoryCodeParams,
  ZCategoryCreate,
  ZCategoryNode,
  ZCategoryUpdate,
  ZPublicTaxonomy,
  ZTeamParams,
  ZTeamSettings,
  ZTeamSettingsUpdate,
} from './taxonomy-schema.js'

export const TICKET_SUPERVISORS: RouteAccess = { kind: 'staff', roles: ['supervisor'] }
const TAGS = ['tickets']

/** What the citizens' form offers: the active, citizen-visible triplets, in Italian and English. */
export function publicTaxonomyRoutes(deps: AppDependencies): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/tickets/categories',
      {
        config: { access: PUBLIC },
        schema: {
          tags: TAGS,
          summary: 'Areas, topics and details a citizen can choose when writing to the city',
          response: { 200: ZPublicTaxonomy },
        },
      },
      async (_request, reply) => {
        reply.header('cache-control', 'public, max-age=300')
        return listPublicCategories(deps.db)
      },
    )
  }
}

/** Supervisors' tools: the taxonomy, canned replies, team assignment rules and the dashboard. */
export function supervisorTicketRoutes(deps: AppDependencies): FastifyPluginAsyncZod {
  return async (app) => {
    const config = { access: TICKET_SUPERVISORS }
    const ctx = (request: Parameters<typeof serviceContext>[1]) => serviceContext(deps, request)

    app.get(
      '/staff/crm/categories',
      {
        config,
        schema: { tags: TAGS, summary: 'The whole taxonomy', response: { 200: z.array(ZCategoryNode) } },
      },
      async (request) => listTaxonomy(ctx(request)),
    )
    app.post(
      '/staff/crm/categories',
      {
        config,
        schema: {
          tags: TAGS,
          summary: 'Add an area, a topic or a detail (with its team and SLA targets)',
          body: ZCategoryCreate,
          response: { 201: ZCategoryNode },
        },
      },
      async (request, reply) => reply.code(201).send(await createCategory(ctx(request), request.body)),
    )
    app.patch(
      '/staff/crm/categories/:code',
      {
        config,
        schema: {
          tags: TAGS,
          summary: 'Rename, reroute, retime, hide, or turn off (with everything under it) a node',
          params: ZCategoryCodeParams,
          body: ZCategoryUpdate,
          response: { 200: ZCategoryNode },
        },
      },
      async (request) => updateCategoryNode(ctx(request), request.params.code, request.body),
    )

    app.get(
      '/staff/crm/canned-replies',
      {
        config,
        schema: { tags: TAGS, summary: 'Every canned reply', response: { 200: z.array(ZCannedReply) } },
      },
      async (request) => listCannedReplyViews(ctx(request)),
    )
    app.post(
      '/staff/crm/canned-replies',
      {
        config,
        schema: {
          tags: TAGS,
          summary:
            'A canned reply for a detail, or for every ticket; {nome} {codice} {oggetto} {operatore} {città}',
          body: ZCannedReplyCreate,
          response: { 201: ZCannedReply },
        },
      },
      async (request, reply) => reply.code(201).send(await createCannedReply(ctx(request), request.body)),
    )
    app.patch(
      '/staff/crm/canned-replies/:id',
      {
        config,
        schema: {
          tags: TAGS,
          summary: 'Change or turn off a canned reply',
          params: ZCannedIdParams,
          body: ZCannedReplyUpdate,
          response: { 200: ZCannedReply },
        },
      },
      async (request) => updateCannedReplyText(ctx(request), request.params.id, request.body),
    )

    app.get(
      '/staff/crm/teams',
      {
        config,
        schema: {
          tags: TAGS,
          summary: 'Each team’s assignment rule and escalation address',
          response: { 200: z.array(ZTeamSettings) },
        },
      },
      async (request) => listTeamAssignment(ctx(request)),
    )
    app.put(
      '/staff/crm/teams/:team',
      {
        config,
        schema: {
          tags: TAGS,
          summary: 'Set how a team’s new tickets are assigned and where its breaches are escalated',
          params: ZTeamParams,
          body: ZTeamSettingsUpdate,
          response: { 200: ZTeamSettings },
        },
      },
      async (request) => saveTeamAssignment(ctx(request), request.params.team, request.body),
    )

    app.get(
      '/staff/crm/dashboard',
      {
        config,
        schema: {
          tags: TAGS,
          summary: 'Backlog per team and status, tickets at risk and breached, volumes of a period',
          querystring: ZDashboardQuery,
          response: { 200: ZDashboard },
        },
      },
      async (request, reply) => {
        reply.header('cache-control', 'no-store')
        return getDashboard(ticketsContext(deps, request), request.query)
      },
    )
  }
}
