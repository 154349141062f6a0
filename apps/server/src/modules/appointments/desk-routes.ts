import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { PUBLIC, type RouteAccess } from '../../platform/http/access.js'
import type { AppDependencies } from '../../platform/http/dependencies.js'
import { serviceContext } from '../../platform/http/service-context.js'
import { DESK_ROLES } from './desk-policy.js'
import {
  ZAgenda,
  ZAgendaQuery,
  ZCallNextResult,
  ZCheckInInput,
  ZCheckInResult,
  ZDeskBooking,
  ZDeskCodeParams,
  ZDeskCounterParams,
  ZDeskOfficeParams,
  ZDeskOffices,
  ZOfficeDisplay,
} from './desk-schema.js'
import {
  callNextCitizen,
  checkInBooking,
  listOfficesForDesk,
  markBookingNoShow,
  markBookingServed,
  recallCitizen,
  showOfficeDisplay,
  viewOfficeAgenda,
} from './desk-service.js'

const COUNTER_DESK: RouteAccess = { kind: 'staff', roles: DESK_ROLES }
const TAGS = ['appointments']

/** The counter staff's day: agenda, check-in, calls, served and no-show, and the public display. */
export function appointmentDeskRoutes(deps: AppDependencies): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/staff/desk/offices',
      {
        config: { access: COUNTER_DESK },
        schema: {
          tags: TAGS,
          summary: 'Offices with their counters and the services each counter serves',
          response: { 200: ZDeskOffices },
        },
      },
      async (request) => listOfficesForDesk(serviceContext(deps, request)),
    )

    app.get(
      '/staff/desk/offices/:officeId/agenda',
      {
        config: { access: COUNTER_DESK },
        schema: {
          tags: TAGS,
          summary: 'An office’s bookings of a day (today in Rome by default), by start; audited',
          params: ZDeskOfficeParams,
          querystring: ZAgendaQuery,
          response: { 200: ZAgenda },
        },
      },
      async (request, reply) => {
        reply.header('cache-control', 'no-store')
        return viewOfficeAgenda(serviceContext(deps, request), request.params.officeId, request.query.date)
      },
    )

    app.post(
      '/staff/desk/check-in',
      {
        config: { access: COUNTER_DESK },
        schema: {
          tags: TAGS,
          summary:
            'Check a citizen in by booking code and give the next ticket of the office’s day; a repeat answers the same ticket',
          body: ZCheckInInput,
          response: { 200: ZCheckInResult },
        },
      },
      async (request) => checkInBooking(serviceContext(deps, request), request.body),
    )

    app.post(
      '/staff/desk/counters/:counterId/call-next',
      {
        config: { access: COUNTER_DESK },
        schema: {
          tags: TAGS,
          summary:
            'Call the first citizen checked in for one of the counter’s services; `called` is null when nobody waits',
          params: ZDeskCounterParams,
          response: { 200: ZCallNextResult },
        },
      },
      async (request) => callNextCitizen(serviceContext(deps, request), request.params.counterId),
    )

    app.post(
      '/staff/desk/bookings/:code/recall',
      {
        config: { access: COUNTER_DESK },
        schema: {
          tags: TAGS,
          summary: 'Call the same citizen again, so the display shows the call anew',
          params: ZDeskCodeParams,
          response: { 200: ZDeskBooking },
        },
      },
      async (request) => recallCitizen(serviceContext(deps, request), request.params.code),
    )

    app.post(
      '/staff/desk/bookings/:code/served',
      {
        config: { access: COUNTER_DESK },
        schema: {
          tags: TAGS,
          summary: 'Close a called (or checked-in) booking as served; the satisfaction survey hears of it',
          params: ZDeskCodeParams,
          response: { 200: ZDeskBooking },
        },
      },
      async (request) => markBookingServed(serviceContext(deps, request), request.params.code),
    )

    app.post(
      '/staff/desk/bookings/:code/no-show',
      {
        config: { access: COUNTER_DESK },
        schema: {
          tags: TAGS,
          summary: 'Mark a booking whose time has come as a no-show',
          params: ZDeskCodeParams,
          response: { 200: ZDeskBooking },
        },
      },
      async (request) => markBookingNoShow(serviceContext(deps, request), request.params.code),
    )

    app.get(
      '/appointments/display/:officeId',
      {
        config: { access: PUBLIC },
        schema: {
          tags: TAGS,
          summary: 'The office’s public display: today’s latest calls and how many wait, without names',
          params: ZDeskOfficeParams,
          response: { 200: ZOfficeDisplay },
        },
      },
      async (request, reply) => {
        reply.header('cache-control', 'no-store')
        return showOfficeDisplay(deps, request.params.officeId)
      },
    )
  }
}
