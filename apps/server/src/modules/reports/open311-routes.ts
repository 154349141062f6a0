import type { FastifyReply, FastifyRequest } from 'fastify'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { isAppError } from '../../platform/errors.js'
import { PUBLIC } from '../../platform/http/access.js'
import type { AppDependencies } from '../../platform/http/dependencies.js'
import { acceptFormPosts } from '../../platform/http/form-body.js'
import { limitPerAddress } from '../../platform/http/rate-limit.js'
import { serviceContext } from '../../platform/http/service-context.js'
import { translate } from '../../platform/i18n.js'
import { resolveApiKey } from '../identity/api-client-service.js'
import { ticketsContext } from '../tickets/http-context.js'
import {
  open311CreateRequest,
  open311Request,
  open311Requests,
  open311ServiceDefinition,
  open311Services,
} from './open311.js'
import {
  CONTENT_TYPES,
  errorDocument,
  type Open311Document,
  Open311Error,
  type Open311Format,
  serialize,
} from './open311-format.js'

/** The scope an Open311 client needs to file requests. */
export const OPEN311_WRITE_SCOPE = 'open311:write'
const TAGS = ['open311']
const FORMATS: readonly Open311Format[] = ['json', 'xml']

function formatOf(request: FastifyRequest): Open311Format {
  return /\.xml(\?|$)/.test(request.url) ? 'xml' : 'json'
}

function send(reply: FastifyReply, format: Open311Format, document: Open311Document, status = 200) {
  return reply.code(status).type(CONTENT_TYPES[format]).send(serialize(format, document))
}

/** `code.json` → the code and the format; anything else is not a resource here. */
function splitFile(file: string): { id: string; format: Open311Format } {
  const match = /^(.+)\.(json|xml)$/.exec(file)
  if (!match) throw new Open311Error(404, 'not found: add .json or .xml')
  return { id: match[1] as string, format: match[2] as Open311Format }
}

function open311ErrorOf(error: unknown, request: FastifyRequest): Open311Error {
  if (error instanceof Open311Error) return error
  const locale = request.locale
  if (isAppError(error)) {
    // The platform's 422 (a well-formed but unacceptable value) is the spec's 400; an unknown key
    // in the platform's header is the spec's 403, as one in `api_key`.
    const status = error.status === 422 ? 400 : error.code === 'UNAUTHENTICATED' ? 403 : error.status
    const description = error.messageKey ? translate(locale, error.messageKey, error.params) : error.code
    return new Open311Error(status, description)
  }
  const status = (error as { statusCode?: number }).statusCode
  if (status && status >= 400 && status < 500) return new Open311Error(status, (error as Error).message)
  request.log.error({ err: error }, 'Open311 request failed')
  return new Open311Error(500, 'internal error')
}

/** The client's key: the spec's `api_key` parameter, or the platform's key header. */
async function requireWriter(deps: AppDependencies, request: FastifyRequest, body: Record<string, unknown>) {
  const { actor } = request
  if (actor.type === 'api-client') {
    if (actor.scopes.includes(OPEN311_WRITE_SCOPE)) return actor.id
    throw new Open311Error(403, 'api_key does not allow creating requests')
  }
  const key =
    typeof body.api_key === 'string' ? body.api_key : (request.query as { api_key?: string }).api_key
  if (!key) throw new Open311Error(403, 'api_key is required')
  const client = await resolveApiKey(deps, key)
  if (!client?.scopes.includes(OPEN311_WRITE_SCOPE)) throw new Open311Error(403, 'api_key is not valid')
  return client.id
}

/**
 * Open311 GeoReport v2: the categories as services, and requests to file and follow. Reading is
 * public, as the spec wants; filing needs a client key. Errors come in the spec's shape.
 */
export function open311Routes(deps: AppDependencies): FastifyPluginAsyncZod {
  return async (app) => {
    acceptFormPosts(app, 64 * 1024)
    await limitPerAddress(app, { max: 120, timeWindowMs: 60_000, what: 'Open311' })
    app.setErrorHandler((error, request, reply) => {
      const failure = open311ErrorOf(error, request)
      if (isAppError(error))
        for (const [name, value] of Object.entries(error.headers)) reply.header(name, value)
      return send(
        reply,
        formatOf(request),
        errorDocument(failure.status, failure.description),
        failure.status,
      )
    })
    app.setNotFoundHandler((request, reply) =>
      send(
        reply,
        formatOf(request),
        errorDocument(404, `not found: ${request.method} ${request.url.split('?')[0]}`),
        404,
      ),
    )
    const readContext = (request: FastifyRequest) => ({
      ...serviceContext(deps, request),
      publicUrl: deps.config.publicUrl,
    })

    for (const format of FORMATS) {
      app.get(
        `/services.${format}`,
        { config: { access: PUBLIC }, schema: { tags: TAGS, summary: `The report categories (${format})` } },
        async (request, reply) =>
          send(reply, format, {
            root: 'services',
            item: 'service',
            items: await open311Services(serviceContext(deps, request)),
          }),
      )

      app.get(
        `/requests.${format}`,
        {
          config: { access: PUBLIC },
          schema: { tags: TAGS, summary: `Requests by id, category, status and period (${format})` },
        },
        async (request, reply) =>
          send(reply, format, {
            root: 'service_requests',
            item: 'request',
            items: await open311Requests(readContext(request), request.query),
          }),
      )

      app.post(
        `/requests.${format}`,
        {
          config: { access: PUBLIC },
          schema: {
            tags: TAGS,
            summary: `File a request (${format})`,
            description: `Needs an api_key with the ${OPEN311_WRITE_SCOPE} scope.`,
          },
        },
        async (request, reply) => {
          const body = (request.body ?? {}) as Record<string, unknown>
          const apiClientId = await requireWriter(deps, request, body)
          const created = await open311CreateRequest(ticketsContext(deps, request), apiClientId, body)
          return send(reply, format, { root: 'service_requests', item: 'request', items: [created] }, 201)
        },
      )
    }

    app.get(
      '/services/:file',
      { config: { access: PUBLIC }, schema: { tags: TAGS, summary: 'A category’s extra attributes' } },
      async (request, reply) => {
        const { id, format } = splitFile((request.params as { file: string }).file)
        const definition = await open311ServiceDefinition(deps, id)
        return send(reply, format, {
          root: 'service_definition',
          item: 'attribute',
          items: [definition],
          single: true,
        })
      },
    )

    app.get(
      '/requests/:file',
      { config: { access: PUBLIC }, schema: { tags: TAGS, summary: 'One request' } },
      async (request, reply) => {
        const { id, format } = splitFile((request.params as { file: string }).file)
        const record = await open311Request(readContext(request), id)
        return send(reply, format, { root: 'service_requests', item: 'request', items: [record] })
      },
    )
  }
}
