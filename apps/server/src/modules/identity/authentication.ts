import { timingSafeEqual } from 'node:crypto'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { AppError } from '../../platform/errors.js'
import { PUBLIC, type RouteAccess } from '../../platform/http/access.js'
import type { AppDependencies } from '../../platform/http/dependencies.js'
import { resolveApiKey } from './api-client-service.js'
import { checkRouteAccess, needsCsrfCheck } from './policy.js'
import { type ResolvedSession, resolveSession, SESSION_COOKIE } from './session-service.js'

declare module 'fastify' {
  interface FastifyRequest {
    session: ResolvedSession | null
  }
}

export const CSRF_HEADER = 'x-csrf-token'
const NO_COOKIES: Record<string, string | undefined> = Object.freeze({})
export const API_KEY_HEADER = 'x-api-key'

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given)
  const b = Buffer.from(expected)
  return a.length === b.length && timingSafeEqual(a, b)
}

function presentedApiKey(request: FastifyRequest): string | undefined {
  const header = request.headers[API_KEY_HEADER]
  if (typeof header === 'string') return header
  const authorization = request.headers.authorization
  return authorization?.startsWith('ApiKey ') ? authorization.slice(7) : undefined
}

/**
 * Works out who is calling (session cookie or API key), then enforces the route's declared access
 * and, for cookie-authenticated changes, the CSRF token.
 */
export function registerAuthentication(app: FastifyInstance, deps: AppDependencies): void {
  app.decorateRequest('session', null)
  const sessionDeps = { db: deps.db, clock: deps.clock, session: deps.config.session }

  // Refusals happen before the body is even parsed: an anonymous caller learns nothing from validation.
  // Most requests (probes, public pages, assets) carry neither a key nor a session cookie: they take
  // a synchronous path without a promise.
  app.addHook('onRequest', (request, _reply, done) => {
    request.session = null
    const cookieHeader = request.headers.cookie
    request.cookies = cookieHeader ? app.parseCookie(cookieHeader) : NO_COOKIES
    if (!presentedApiKey(request) && request.cookies[SESSION_COOKIE] === undefined) {
      done(checkRouteAccess(accessOf(request), request.actor) ?? undefined)
      return
    }
    identifyCaller(request).then(
      () => done(refusalFor(request) ?? undefined),
      (error: Error) => done(error),
    )
  })

  function accessOf(request: FastifyRequest): RouteAccess {
    return request.routeOptions.config?.access ?? PUBLIC
  }

  function refusalFor(request: FastifyRequest): AppError | null {
    const refusal = checkRouteAccess(accessOf(request), request.actor)
    if (refusal) return refusal
    const session = request.session as ResolvedSession | null
    if (session && needsCsrfCheck(request.method, true) && request.routeOptions.config?.csrf !== false) {
      const given = request.headers[CSRF_HEADER]
      if (typeof given !== 'string' || !sameSecret(given, session.csrfToken))
        return new AppError('CSRF_FAILED')
    }
    return null
  }

  async function identifyCaller(request: FastifyRequest): Promise<void> {
    const apiKey = presentedApiKey(request)
    if (apiKey) {
      const client = await resolveApiKey(deps, apiKey)
      if (!client) throw new AppError('UNAUTHENTICATED', { internalDetail: 'unknown or revoked API key' })
      request.actor = { type: 'api-client', id: client.id, scopes: client.scopes }
      return
    }
    const token = request.cookies[SESSION_COOKIE]
    if (!token) return
    const session = await resolveSession(sessionDeps, token)
    if (!session) return
    request.session = session
    request.actor = session.actor
  }
}
