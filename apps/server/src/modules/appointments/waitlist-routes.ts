import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { RouteAccess } from '../../platform/http/access.js'
import type { AppDependencies } from '../../platform/http/dependencies.js'
import { serviceContext } from '../../platform/http/service-context.js'
import { ZWaitlistEntries, ZWaitlistId, ZWaitlistInput } from './schema.js'
import { joinWaitlist, leaveWaitlist, listMyWaitlist } from './waitlist.js'

const CITIZEN: RouteAccess = { kind: 'citizen' }
const TAGS = ['appointments']

/** The waiting list of full days: join, see one's place, leave. */
export function waitlistRoutes(deps: AppDependencies): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/appointments/waitlist',
      {
        config: { access: CITIZEN },
        schema: {
          tags: TAGS,
          summary: 'Join the waiting list of a day with no free time at an office',
          body: ZWaitlistInput,
          response: { 201: ZWaitlistId },
        },
      },
      async (request, reply) => {
        const { service, office, date } = request.body
        const joined = await joinWaitlist(serviceContext(deps, request), {
          serviceId: service,
          officeId: office,
          date,
        })
        return reply.code(201).send(joined)
      },
    )

    app.get(
      '/appointments/waitlist',
      {
        config: { access: CITIZEN },
        schema: {
          tags: TAGS,
          summary: 'The citizen’s places in waiting lists, with their position',
          response: { 200: ZWaitlistEntries },
        },
      },
      async (request, reply) => {
        reply.header('cache-control', 'no-store')
        return listMyWaitlist(serviceContext(deps, request))
      },
    )

    app.delete(
      '/appointments/waitlist/:id',
      {
        config: { access: CITIZEN },
        schema: { tags: TAGS, summary: 'Leave a waiting list', params: ZWaitlistId },
      },
      async (request, reply) => {
        await leaveWaitlist(serviceContext(deps, request), request.params.id)
        return reply.code(204).send()
      },
    )
  }
}
