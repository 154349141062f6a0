import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { RouteAccess } from '../../platform/http/access.js'
import type { AppDependencies } from '../../platform/http/dependencies.js'
import { serviceContext } from '../../platform/http/service-context.js'
import { STAFF } from './booking-access.js'
import { appointmentsContext } from './http-context.js'
import { listAppointmentsOfCitizen } from './listings.js'
import {
  ZBooked,
  ZBookingCode,
  ZRescheduleInput,
  ZStaffAppointments,
  ZStaffBookingInput,
  ZStaffCitizenQuery,
} from './schema.js'
import { bookAppointment, cancelAppointment, rescheduleAppointment } from './service.js'

const CONTACT_CENTRE: RouteAccess = { kind: 'staff', roles: ['operator', 'supervisor', 'admin'] }
const TAGS = ['appointments']

/** The contact centre (020202) books, moves and cancels on a citizen's behalf. */
export function appointmentStaffRoutes(deps: AppDependencies): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/staff/appointments',
      {
        config: { access: CONTACT_CENTRE },
        schema: {
          tags: TAGS,
          summary: 'Book for a citizen found by fiscal code; the booking records the 020202 channel',
          body: ZStaffBookingInput,
          response: { 201: ZBooked },
        },
      },
      async (request, reply) => {
        const { fiscalCode, service, office, start, reason, notes, contact } = request.body
        const booked = await bookAppointment(appointmentsContext(deps, request), {
          citizenFiscalCode: fiscalCode,
          channel: '020202',
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
      '/staff/appointments',
      {
        config: { access: CONTACT_CENTRE },
        schema: {
          tags: TAGS,
          summary: 'A citizen’s appointments, by fiscal code; audited',
          querystring: ZStaffCitizenQuery,
          response: { 200: ZStaffAppointments },
        },
      },
      async (request, reply) => {
        reply.header('cache-control', 'no-store')
        return listAppointmentsOfCitizen(serviceContext(deps, request), request.query.fiscalCode)
      },
    )

    app.post(
      '/staff/appointments/:code/cancel',
      {
        config: { access: CONTACT_CENTRE },
        schema: {
          tags: TAGS,
          summary: 'Cancel a citizen’s appointment for them',
          params: ZBookingCode,
          response: { 200: ZBooked },
        },
      },
      async (request) => cancelAppointment(appointmentsContext(deps, request), request.params.code, STAFF),
    )

    app.post(
      '/staff/appointments/:code/reschedule',
      {
        config: { access: CONTACT_CENTRE },
        schema: {
          tags: TAGS,
          summary: 'Move a citizen’s appointment to another free time at the same office',
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
          STAFF,
        ),
    )
  }
}
