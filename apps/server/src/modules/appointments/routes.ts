import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { PUBLIC, type RouteAccess } from '../../platform/http/access.js'
import type { AppDependencies } from '../../platform/http/dependencies.js'
import { renderProblem } from '../../platform/http/problem.js'
import { serviceContext } from '../../platform/http/service-context.js'
import { renderAppointmentCalendar, renderAppointmentQr } from './appointment-files.js'
import { appointmentsContext } from './http-context.js'
import { listAppointmentServices, listMyAppointments } from './listings.js'
import { manageLinkRoutes } from './manage-routes.js'
import {
  ZAppointments,
  ZBookAppointmentInput,
  ZBooked,
  ZBookingCode,
  ZRescheduleInput,
  ZServiceCatalogue,
  ZSlotQuery,
  ZSlots,
} from './schema.js'
import { searchAppointmentSlots } from './search.js'
import { bookAppointment, cancelAppointment, rescheduleAppointment, SlotTakenError } from './service.js'
import { acceptOffer } from './waitlist.js'
import { waitlistRoutes } from './waitlist-routes.js'

const CITIZEN: RouteAccess = { kind: 'citizen' }
const TAGS = ['appointments']

export function appointmentRoutes(deps: AppDependencies): FastifyPluginAsyncZod {
  return async (app) => {
    // A taken slot's problem carries the alternatives, which the shared handler cannot render.
    app.setErrorHandler((error, request, reply) => {
      if (!(error instanceof SlotTakenError)) throw error
      return reply
        .status(error.status)
        .type('application/problem+json; charset=utf-8')
        .header('content-language', request.locale)
        .send({ ...renderProblem(error, request), alternatives: error.alternatives })
    })

    app.get(
      '/appointments/services',
      {
        config: { access: PUBLIC },
        schema: {
          tags: TAGS,
          summary: 'Services one can book an appointment for, with the offices offering them',
          response: { 200: ZServiceCatalogue },
        },
      },
      async () => listAppointmentServices(deps),
    )

    app.get(
      '/appointments/slots',
      {
        config: { access: PUBLIC },
        schema: {
          tags: TAGS,
          summary: 'Free slots of a service: on a day at an office, or the first ones anywhere',
          querystring: ZSlotQuery,
          response: { 200: ZSlots },
        },
      },
      async (request, reply) => {
        reply.header('cache-control', 'no-store')
        return searchAppointmentSlots(serviceContext(deps, request), request.query)
      },
    )

    app.post(
      '/appointments',
      {
        config: { access: CITIZEN },
        schema: {
          tags: TAGS,
          summary: 'Book a slot; the office counter is chosen among the free ones',
          body: ZBookAppointmentInput,
          response: { 201: ZBooked },
        },
      },
      async (request, reply) => {
        const { service, office, start, reason, notes, contact } = request.body
        const booked = await bookAppointment(appointmentsContext(deps, request), {
          serviceId: service,
          officeId: office,
          startsAt: new Date(start),
          reason,
          notes,
          contact,
        })
        return reply.code(201).send(booked)
      },
    )

    app.get(
      '/appointments',
      {
        config: { access: CITIZEN },
        schema: { tags: TAGS, summary: 'The citizen’s appointments', response: { 200: ZAppointments } },
      },
      async (request, reply) => {
        reply.header('cache-control', 'no-store')
        return listMyAppointments(serviceContext(deps, request))
      },
    )

    app.post(
      '/appointments/:code/cancel',
      {
        config: { access: CITIZEN },
        schema: {
          tags: TAGS,
          summary: 'Cancel one of the citizen’s appointments',
          params: ZBookingCode,
          response: { 200: ZBooked },
        },
      },
      async (request) => cancelAppointment(appointmentsContext(deps, request), request.params.code),
    )

    app.post(
      '/appointments/:code/reschedule',
      {
        config: { access: CITIZEN },
        schema: {
          tags: TAGS,
          summary: 'Move an appointment to another start at the same office, atomically',
          params: ZBookingCode,
          body: ZRescheduleInput,
          response: { 200: ZBooked },
        },
      },
      async (request) =>
        rescheduleAppointment(
          appointmentsContext(deps, request),
          request.params.code,
          new Date(request.body.start),
        ),
    )

    app.post(
      '/appointments/:code/accept',
      {
        config: { access: CITIZEN },
        schema: {
          tags: TAGS,
          summary: 'Take the slot held for the citizen from the waiting list, before its deadline',
          params: ZBookingCode,
          response: { 200: ZBooked },
        },
      },
      async (request) => acceptOffer(appointmentsContext(deps, request), request.params.code),
    )

    app.get(
      '/appointments/:code/calendar.ics',
      {
        config: { access: CITIZEN },
        schema: {
          tags: TAGS,
          summary: 'The appointment as an iCalendar file, with a reminder two hours before',
          params: ZBookingCode,
        },
      },
      async (request, reply) => {
        const calendar = await renderAppointmentCalendar(
          serviceContext(deps, request),
          deps.config.publicUrl,
          request.params.code,
        )
        return reply
          .type('text/calendar; charset=utf-8')
          .header('cache-control', 'private, no-store')
          .header('content-disposition', `attachment; filename="appuntamento-${request.params.code}.ics"`)
          .send(calendar)
      },
    )

    app.get(
      '/appointments/:code/qr.svg',
      {
        config: { access: CITIZEN },
        schema: {
          tags: TAGS,
          summary: 'The QR code of the booking code, shown at the counter to check in',
          params: ZBookingCode,
        },
      },
      async (request, reply) =>
        reply
          .type('image/svg+xml')
          .header('cache-control', 'private, max-age=3600')
          .send(await renderAppointmentQr(serviceContext(deps, request), request.params.code)),
    )

    await app.register(waitlistRoutes(deps))
    await app.register(manageLinkRoutes(deps))
  }
}
