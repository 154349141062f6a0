import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { AppDependencies } from '../../platform/http/dependencies.js'
import { serviceContext } from '../../platform/http/service-context.js'
import { lookUpPerson } from './person-service.js'
import { ZFiscalCodeParam, ZLookupQuery, ZPersonLookup } from './schema.js'

export function registryRoutes(deps: AppDependencies): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/registry/persons/:fiscalCode',
      {
        config: { access: { kind: 'staff', roles: ['operator', 'supervisor'] } },
        schema: {
          tags: ['registry'],
          summary: 'Look a person and their household up by fiscal code (audited, with a reason)',
          params: ZFiscalCodeParam,
          querystring: ZLookupQuery,
          response: { 200: ZPersonLookup },
        },
      },
      async (request, reply) => {
        reply.header('cache-control', 'no-store')
        const { person, household } = await lookUpPerson(serviceContext(deps, request), {
          fiscalCode: request.params.fiscalCode,
          reason: request.query.reason,
        })
        const strip = ({ familyId: _familyId, ...rest }: typeof person) => rest
        return { person: strip(person), household: household.map(strip) }
      },
    )
  }
}
