import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { RouteAccess } from '../../platform/http/access.js'
import type { AppDependencies } from '../../platform/http/dependencies.js'
import { serviceContext } from '../../platform/http/service-context.js'
import { ZRecentRolls, ZStaffLookupQuery, ZStaffPositions } from './staff-schema.js'
import { listImportedRolls, lookUpPositions } from './staff-service.js'

const PAYMENTS_OFFICE: RouteAccess = { kind: 'staff', roles: ['admin', 'supervisor'] }
const TAGS = ['payments']

/** The payments office's reading side: the rolls it imported and a debtor's positions. */
export function paymentStaffRoutes(deps: AppDependencies): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/staff/payments/imports',
      {
        config: { access: PAYMENTS_OFFICE },
        schema: {
          tags: TAGS,
          summary: 'The 20 most recent rolls imported, with totals and who imported them',
          response: { 200: ZRecentRolls },
        },
      },
      async (request) => listImportedRolls(serviceContext(deps, request)),
    )

    app.get(
      '/staff/payments/positions',
      {
        config: { access: PAYMENTS_OFFICE },
        schema: {
          tags: TAGS,
          summary:
            'A debtor’s positions (by fiscalCode) or the one holding a notice (by noticeNumber), with receipts and refunds; audited',
          querystring: ZStaffLookupQuery,
          response: { 200: ZStaffPositions },
        },
      },
      async (request, reply) => {
        reply.header('cache-control', 'no-store')
        return lookUpPositions(serviceContext(deps, request), request.query) as never
      },
    )
  }
}
