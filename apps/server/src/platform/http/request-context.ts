import { randomUUID } from 'node:crypto'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { Actor, RequestMeta } from '../context.js'
import { type Locale, negotiateLocale } from '../i18n.js'

declare module 'fastify' {
  interface FastifyRequest {
    locale: Locale
    actor: Actor
  }
}

const INCOMING_ID = /^[A-Za-z0-9._-]{8,64}$/

/** Keeps a caller's request id (from a proxy or the contact-centre system) when it looks sane. */
export function generateRequestId(request: {
  headers: Record<string, string | string[] | undefined>
}): string {
  const incoming = request.headers['x-request-id']
  return typeof incoming === 'string' && INCOMING_ID.test(incoming) ? incoming : randomUUID()
}

const ANONYMOUS: Actor = Object.freeze({ type: 'anonymous' })

/**
 * One hook for what every request needs before routing decisions: its actor placeholder, language,
 * request id echo and security headers. Each extra hook is a measurable share of a small request.
 */
export function registerRequestContext(
  app: FastifyInstance,
  defaultLocale: Locale,
  headersFor: (url: string) => Record<string, string>,
): void {
  app.decorateRequest('locale', defaultLocale)
  // Fastify forbids object defaults on decorators (they would be shared); each request gets its own.
  app.decorateRequest('actor', undefined as never)
  app.addHook('onRequest', (request, reply, done) => {
    request.actor = ANONYMOUS
    request.locale = negotiateLocale(request.headers['accept-language'], defaultLocale)
    reply.headers(headersFor(request.url))
    reply.header('x-request-id', request.id)
    done()
  })
}

export function requestMeta(request: FastifyRequest): RequestMeta {
  return { ip: request.ip ?? null, requestId: request.id, locale: request.locale }
}
