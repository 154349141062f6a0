import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { RouteAccess } from '../../platform/http/access.js'
import type { AppDependencies } from '../../platform/http/dependencies.js'
import { serviceContext } from '../../platform/http/service-context.js'
import { citizenTimeline } from './timeline.js'
import { ZCitizenTimeline, ZTimelineQuery } from './timeline-schema.js'

const CRM_STAFF: RouteAccess = { kind: 'staff', roles: ['operator', 'supervisor'] }

export function timelineRoutes(deps: AppDependencies): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/staff/citizens/:fiscalCode/timeline',
      {
        config: { access: CRM_STAFF },
        schema: {
          tags: ['tickets'],
          summary:
            "A citizen's 360° timeline: tickets, calls, appointments, payments, certificates, messages",
          params: z.object({ fiscalCode: z.string().min(1).max(32) }),
          querystring: ZTimelineQuery,
          response: { 200: ZCitizenTimeline },
        },
      },
      async (request) =>
        citizenTimeline(serviceContext(deps, request), {
          fiscalCode: request.params.fiscalCode,
          ...request.query,
        }),
    )
  }
}
