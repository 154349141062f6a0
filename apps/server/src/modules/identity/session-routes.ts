import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { PUBLIC } from '../../platform/http/access.js'
import type { AppDependencies } from '../../platform/http/dependencies.js'
import { requestMeta } from '../../platform/http/request-context.js'
import { findCitizenAccount, findStaffAccount } from './account-repo.js'
import { clearSessionCookie } from './session-cookie.js'
import { type SessionView, ZHeartbeat, ZLogoutEverywhereResult, ZSessionView } from './session-schema.js'
import { endAllSessions, endSession, type ResolvedSession } from './session-service.js'

async function describeSession(deps: AppDependencies, session: ResolvedSession | null): Promise<SessionView> {
  if (!session) return { authenticated: false }
  const base = {
    authenticated: true as const,
    kind: session.kind,
    level: session.level,
    method: session.method,
    csrfToken: session.csrfToken,
    expiresAt: session.expiresAt.toISOString(),
    actingFor: session.actingFor,
  }
  if (session.actor.type === 'staff') {
    const staff = await findStaffAccount(deps.db, session.accountId)
    return {
      ...base,
      displayName: staff?.displayName ?? '',
      fiscalCode: null,
      roles: [...session.actor.roles],
      teams: [...session.actor.teams],
    }
  }
  const citizen = await findCitizenAccount(deps.db, session.accountId)
  return {
    ...base,
    displayName: citizen ? `${citizen.givenName} ${citizen.familyName}` : '',
    fiscalCode: citizen?.fiscalCode ?? null,
    roles: [],
    teams: [],
  }
}

export function sessionRoutes(deps: AppDependencies): FastifyPluginAsyncZod {
  const sessionDeps = { db: deps.db, clock: deps.clock, session: deps.config.session }
  const cookieOptions = { secure: deps.config.session.secureCookie }
  return async (app) => {
    app.get(
      '/session',
      {
        config: { access: PUBLIC },
        schema: {
          tags: ['identity'],
          summary: 'Who is signed in on this browser, with the CSRF token for changes',
          response: { 200: ZSessionView },
        },
      },
      async (request, reply) => {
        reply.header('cache-control', 'no-store')
        return describeSession(deps, request.session)
      },
    )

    app.get(
      '/session/heartbeat',
      {
        config: { access: { kind: 'signed-in' } },
        schema: {
          tags: ['identity'],
          summary: 'Keep the session alive and learn when it ends',
          description: 'Cheap enough to call every few minutes from an open page.',
          response: { 200: ZHeartbeat },
        },
      },
      async (request, reply) => {
        reply.header('cache-control', 'no-store')
        const session = request.session as ResolvedSession
        return {
          idleExpiresAt: new Date(session.lastSeenAt.getTime() + deps.config.session.idleMs).toISOString(),
          expiresAt: session.expiresAt.toISOString(),
        }
      },
    )

    app.delete(
      '/session',
      {
        config: { access: { kind: 'signed-in' } },
        schema: { tags: ['identity'], summary: 'Sign out of this browser', response: { 204: z.null() } },
      },
      async (request, reply) => {
        if (request.session) await endSession(sessionDeps, request.session, requestMeta(request))
        clearSessionCookie(reply, cookieOptions)
        return reply.status(204).send(null)
      },
    )

    app.post(
      '/session/logout-everywhere',
      {
        config: { access: { kind: 'signed-in' } },
        schema: {
          tags: ['identity'],
          summary: 'Sign out of every device',
          response: { 200: ZLogoutEverywhereResult },
        },
      },
      async (request, reply) => {
        const ended = request.session
          ? await endAllSessions(sessionDeps, request.session, requestMeta(request))
          : 0
        clearSessionCookie(reply, cookieOptions)
        return { endedSessions: ended }
      },
    )
  }
}
