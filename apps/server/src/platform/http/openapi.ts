import swagger from '@fastify/swagger'
import swaggerUi from '@fastify/swagger-ui'
import type { FastifyInstance } from 'fastify'
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod'
import { API_KEY_SECURITY_SCHEME, PUBLIC, SESSION_SECURITY_SCHEME } from './access.js'

/** OpenAPI 3.1 generated from the routes' zod schemas, with a browsable UI at /api/docs. */
export async function registerOpenApi(app: FastifyInstance, publicUrl: string): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Civico API',
        version: '1',
        description: 'The API of Civico: citizen folder, services and CRM of a municipality.',
        license: { name: 'EUPL-1.2' },
      },
      servers: [{ url: publicUrl }],
      components: {
        securitySchemes: {
          [SESSION_SECURITY_SCHEME]: {
            type: 'apiKey',
            in: 'cookie',
            name: 'civico_session',
            description:
              'Session of a citizen (SPID/CIE) or staff member. Changes also need the X-CSRF-Token header ' +
              'returned by GET /api/v1/session.',
          },
          [API_KEY_SECURITY_SCHEME]: {
            type: 'apiKey',
            in: 'header',
            name: 'X-API-Key',
            description: 'Key of an API client (telephony, Open311 integrators), with scopes.',
          },
        },
      },
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  })
  await app.register(swaggerUi, {
    routePrefix: '/api/docs',
    // Swagger UI styles elements inline and needs no network beyond this server.
    staticCSP:
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
      "font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; object-src 'none'; base-uri 'self'",
    uiConfig: { docExpansion: 'list', deepLinking: true },
  })
  app.get('/api/openapi.json', { config: { access: PUBLIC }, schema: { hide: true } }, async () =>
    app.swagger(),
  )
}
