import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { AppDependencies } from '../../platform/http/dependencies.js'
import { serviceContext } from '../../platform/http/service-context.js'
import { ZLookupQuery } from '../registry/schema.js'
import { ZFolderPersonParam, ZFolderSummary, ZPersonFolder } from './schema.js'
import { type FolderContext, getFolderForOperator, getFolderSummary, getPersonFolder } from './service.js'

export function folderRoutes(deps: AppDependencies): FastifyPluginAsyncZod {
  return async (app) => {
    const context = (request: Parameters<typeof serviceContext>[1]): FolderContext => ({
      ...serviceContext(deps, request),
      registry: deps.registry,
    })

    app.get(
      '/folder/summary',
      {
        config: { access: { kind: 'citizen' } },
        schema: {
          tags: ['folder'],
          summary: 'The personal home: whose folder, section counts and coming deadlines',
          response: { 200: ZFolderSummary },
        },
      },
      async (request, reply) => {
        reply.header('cache-control', 'no-store')
        return getFolderSummary(context(request))
      },
    )

    app.get(
      '/folder/people/:fiscalCode',
      {
        config: { access: { kind: 'citizen' } },
        schema: {
          tags: ['folder'],
          summary: "A person's folder: one's own, a minor child's or a delegator's",
          params: ZFolderPersonParam,
          response: { 200: ZPersonFolder },
        },
      },
      async (request, reply) => {
        reply.header('cache-control', 'no-store')
        return getPersonFolder(context(request), request.params.fiscalCode)
      },
    )

    app.get(
      '/staff/folders/:fiscalCode',
      {
        config: { access: { kind: 'staff', roles: ['operator', 'supervisor'] } },
        schema: {
          tags: ['folder'],
          summary: "Open a citizen's folder during a call or a counter visit (audited, with a reason)",
          params: ZFolderPersonParam,
          querystring: ZLookupQuery,
          response: { 200: ZPersonFolder },
        },
      },
      async (request, reply) => {
        reply.header('cache-control', 'no-store')
        return getFolderForOperator(context(request), {
          fiscalCode: request.params.fiscalCode,
          reason: request.query.reason,
        })
      },
    )
  }
}
