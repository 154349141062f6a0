import type { FastifyError } from 'fastify'
import { type FastifyPluginAsyncZod, hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { AppError } from '../../platform/errors.js'
import type { RouteAccess } from '../../platform/http/access.js'
import type { AppDependencies } from '../../platform/http/dependencies.js'
import { classifyError, sendProblem } from '../../platform/http/problem.js'
import { serviceContext } from '../../platform/http/service-context.js'
import { hasMessage, translate } from '../../platform/i18n.js'
import { addClosure, listAdminClosures, removeClosure } from './admin-closures.js'
import {
  ZAdminClosures,
  ZAdminCounter,
  ZAdminOffice,
  ZAdminOffices,
  ZAdminService,
  ZAdminServices,
  ZClosureAdded,
  ZClosureInput,
  ZClosureParams,
  ZClosureQuery,
  ZCounterInput,
  ZCounterParams,
  ZOfficeHours,
  ZOfficeInput,
  ZOfficeParams,
  ZOfficeServiceParams,
  ZServiceInput,
  ZServiceParams,
  ZWeeklyHoursInput,
  ZWeeklyHoursSaved,
} from './admin-schema.js'
import {
  createCounter,
  createOffice,
  createService,
  listAdminOffices,
  listAdminServices,
  listOfficeHours,
  removeCounter,
  removeOffice,
  removeService,
  saveWeeklyHours,
  updateCounter,
  updateOffice,
  updateService,
} from './admin-service.js'

const ADMIN: RouteAccess = { kind: 'staff', roles: ['admin'] }
const READERS: RouteAccess = { kind: 'staff', roles: ['admin', 'supervisor'] }
const TAGS = ['appointments administration']
const BASE = '/staff/appointments/admin'
const ZNoContent = z.null().describe('No content')

/**
 * A form that breaks the calendar's rules answers 422 with one message per field, in the
 * administrator's language: the schemas carry message keys (admin-schema.ts) where the shared
 * handler would only say "invalid value".
 */
function formRefusal(error: FastifyError, locale: Parameters<typeof translate>[0]): AppError | undefined {
  if (!hasZodFastifySchemaValidationErrors(error) || error.validationContext !== 'body') return undefined
  const generic = classifyError(error, locale)?.fieldErrors ?? []
  const fieldErrors = error.validation.map((issue, index) => ({
    path: generic[index]?.path ?? 'body',
    message: hasMessage(locale, issue.message ?? '')
      ? translate(locale, issue.message ?? '')
      : (generic[index]?.message ?? translate(locale, 'validation.custom')),
  }))
  return new AppError('VALIDATION_FAILED', {
    status: 422,
    messageKey: 'appointmentsAdmin.invalid',
    fieldErrors,
  })
}

/** Offices, counters, services, opening hours and closures, managed by administrators. */
export function appointmentAdminRoutes(deps: AppDependencies): FastifyPluginAsyncZod {
  return async (app) => {
    app.setErrorHandler((error: FastifyError, request, reply) => {
      const refusal = formRefusal(error, request.locale)
      if (!refusal) throw error
      return sendProblem(reply, request, refusal)
    })
    const ctx = (request: Parameters<typeof serviceContext>[1]) => serviceContext(deps, request)

    app.get(
      `${BASE}/offices`,
      {
        config: { access: READERS },
        schema: {
          tags: TAGS,
          summary: 'Offices with their counters and the services each counter serves',
          response: { 200: ZAdminOffices },
        },
      },
      async (request) => listAdminOffices(ctx(request)),
    )

    app.post(
      `${BASE}/offices`,
      {
        config: { access: ADMIN },
        schema: { tags: TAGS, summary: 'Add an office', body: ZOfficeInput, response: { 201: ZAdminOffice } },
      },
      async (request, reply) => reply.code(201).send(await createOffice(ctx(request), request.body)),
    )

    app.put(
      `${BASE}/offices/:officeId`,
      {
        config: { access: ADMIN },
        schema: {
          tags: TAGS,
          summary: 'Change an office’s name, address or accessibility notes',
          params: ZOfficeParams,
          body: ZOfficeInput,
          response: { 200: ZAdminOffice },
        },
      },
      async (request) => updateOffice(ctx(request), request.params.officeId, request.body),
    )

    app.delete(
      `${BASE}/offices/:officeId`,
      {
        config: { access: ADMIN },
        schema: {
          tags: TAGS,
          summary: 'Delete an office with its counters, hours and closures',
          description:
            'Refused (409) while bookings ahead use it, and for an office any booking names: bookings stay on record.',
          params: ZOfficeParams,
          response: { 204: ZNoContent },
        },
      },
      async (request, reply) => {
        await removeOffice(ctx(request), request.params.officeId)
        return reply.code(204).send(null)
      },
    )

    app.post(
      `${BASE}/offices/:officeId/counters`,
      {
        config: { access: ADMIN },
        schema: {
          tags: TAGS,
          summary: 'Add a counter to an office, with the services it serves',
          params: ZOfficeParams,
          body: ZCounterInput,
          response: { 201: ZAdminCounter },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await createCounter(ctx(request), request.params.officeId, request.body)),
    )

    app.put(
      `${BASE}/counters/:counterId`,
      {
        config: { access: ADMIN },
        schema: {
          tags: TAGS,
          summary: 'Rename a counter or change the services it serves; bookings made stay where they are',
          params: ZCounterParams,
          body: ZCounterInput,
          response: { 200: ZAdminCounter },
        },
      },
      async (request) => updateCounter(ctx(request), request.params.counterId, request.body),
    )

    app.delete(
      `${BASE}/counters/:counterId`,
      {
        config: { access: ADMIN },
        schema: {
          tags: TAGS,
          summary: 'Delete a counter no booking names',
          params: ZCounterParams,
          response: { 204: ZNoContent },
        },
      },
      async (request, reply) => {
        await removeCounter(ctx(request), request.params.counterId)
        return reply.code(204).send(null)
      },
    )

    app.get(
      `${BASE}/services`,
      {
        config: { access: READERS },
        schema: {
          tags: TAGS,
          summary: 'Services one books, with their rules',
          response: { 200: ZAdminServices },
        },
      },
      async (request) => listAdminServices(ctx(request)),
    )

    app.post(
      `${BASE}/services`,
      {
        config: { access: ADMIN },
        schema: {
          tags: TAGS,
          summary: 'Add a service',
          body: ZServiceInput,
          response: { 201: ZAdminService },
        },
      },
      async (request, reply) => reply.code(201).send(await createService(ctx(request), request.body)),
    )

    app.put(
      `${BASE}/services/:serviceId`,
      {
        config: { access: ADMIN },
        schema: {
          tags: TAGS,
          summary: 'Change a service; bookings already made keep their length',
          params: ZServiceParams,
          body: ZServiceInput,
          response: { 200: ZAdminService },
        },
      },
      async (request) => updateService(ctx(request), request.params.serviceId, request.body),
    )

    app.delete(
      `${BASE}/services/:serviceId`,
      {
        config: { access: ADMIN },
        schema: {
          tags: TAGS,
          summary: 'Delete a service no booking names',
          params: ZServiceParams,
          response: { 204: ZNoContent },
        },
      },
      async (request, reply) => {
        await removeService(ctx(request), request.params.serviceId)
        return reply.code(204).send(null)
      },
    )

    app.get(
      `${BASE}/offices/:officeId/hours`,
      {
        config: { access: READERS },
        schema: {
          tags: TAGS,
          summary: 'The weekly hours of an office, per service (Rome wall clock, 1 = Monday)',
          params: ZOfficeParams,
          response: { 200: ZOfficeHours },
        },
      },
      async (request) => listOfficeHours(ctx(request), request.params.officeId),
    )

    app.put(
      `${BASE}/offices/:officeId/hours/:serviceId`,
      {
        config: { access: ADMIN },
        schema: {
          tags: TAGS,
          summary: 'Replace the week of an office for a service',
          description:
            'Bookings already made are not moved; the answer counts those ahead that the new hours no longer cover.',
          params: ZOfficeServiceParams,
          body: ZWeeklyHoursInput,
          response: { 200: ZWeeklyHoursSaved },
        },
      },
      async (request) =>
        saveWeeklyHours(ctx(request), request.params.officeId, request.params.serviceId, request.body),
    )

    app.get(
      `${BASE}/closures`,
      {
        config: { access: READERS },
        schema: {
          tags: TAGS,
          summary: 'Closures running or ahead from a day (today by default)',
          querystring: ZClosureQuery,
          response: { 200: ZAdminClosures },
        },
      },
      async (request) => listAdminClosures(ctx(request), request.query.from),
    )

    app.post(
      `${BASE}/closures`,
      {
        config: { access: ADMIN },
        schema: {
          tags: TAGS,
          summary: 'Close an office, or every office (officeId null), on a span of days',
          description: 'Bookings already on those days are kept; the answer counts them.',
          body: ZClosureInput,
          response: { 201: ZClosureAdded },
        },
      },
      async (request, reply) => reply.code(201).send(await addClosure(ctx(request), request.body)),
    )

    app.delete(
      `${BASE}/closures/:closureId`,
      {
        config: { access: ADMIN },
        schema: {
          tags: TAGS,
          summary: 'Remove a closure',
          params: ZClosureParams,
          response: { 204: ZNoContent },
        },
      },
      async (request, reply) => {
        await removeClosure(ctx(request), request.params.closureId)
        return reply.code(204).send(null)
      },
    )
  }
}
