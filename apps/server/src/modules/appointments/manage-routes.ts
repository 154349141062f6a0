import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { PUBLIC } from '../../platform/http/access.js'
import type { AppDependencies } from '../../platform/http/dependencies.js'
import { limitPerAddress } from '../../platform/http/rate-limit.js'
import { serviceContext } from '../../platform/http/service-context.js'
import { describeManagedAppointment } from './appointment-files.js'
import { appointmentsContext } from './http-context.js'
import { ZBooked, ZBookingCode, ZManagedAppointment, ZManageReschedule, ZManageToken } from './schema.js'
import { cancelAppointment, rescheduleAppointment } from './service.js'

const TAGS = ['appointments']

/**
 * The confirmation e-mail's link, for whoever holds its secret without signing in. Reading it
 * changes nothing, so a mail scanner following the link cancels nothing: only the page's
 * confirmation posts. The routes never act as a signed-in user, hence no CSRF token.
 */
export function manageLinkRoutes(deps: AppDependencies): FastifyPluginAsyncZod {
  return async (app) => {
    await limitPerAddress(app, { max: 30, timeWindowMs: 60_000, what: 'appointment manage link' })

    app.get(
      '/appointments/manage/:code',
      {
        config: { access: PUBLIC },
        schema: {
          tags: TAGS,
          summary: 'The appointment of an e-mail’s manage link (the link’s secret in `token`)',
          params: ZBookingCode,
          querystring: ZManageToken,
          response: { 200: ZManagedAppointment },
        },
      },
      async (request, reply) => {
        reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer')
        return describeManagedAppointment(
          serviceContext(deps, request),
          request.params.code,
          request.query.token,
        )
      },
    )

    app.post(
      '/appointments/manage/:code/cancel',
      {
        config: { access: PUBLIC, csrf: false },
        schema: {
          tags: TAGS,
          summary: 'Cancel the appointment of a manage link, once its page asked to confirm',
          params: ZBookingCode,
          body: ZManageToken,
          response: { 200: ZBooked },
        },
      },
      async (request) =>
        cancelAppointment(appointmentsContext(deps, request), request.params.code, {
          kind: 'link',
          token: request.body.token,
        }),
    )

    app.post(
      '/appointments/manage/:code/reschedule',
      {
        config: { access: PUBLIC, csrf: false },
        schema: {
          tags: TAGS,
          summary: 'Move the appointment of a manage link to another free time at the same office',
          params: ZBookingCode,
          body: ZManageReschedule,
          response: { 200: ZBooked },
        },
      },
      async (request) =>
        rescheduleAppointment(
          appointmentsContext(deps, request),
          request.params.code,
          new Date(request.body.start),
          {
            kind: 'link',
            token: request.body.token,
          },
        ),
    )
  }
}
