import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { OidcClientConfig } from '../../config.js'
import { AppError } from '../../platform/errors.js'
import { PUBLIC } from '../../platform/http/access.js'
import type { AppDependencies } from '../../platform/http/dependencies.js'
import { limitPerAddress } from '../../platform/http/rate-limit.js'
import { requestMeta } from '../../platform/http/request-context.js'
import { notifyDeps } from '../notifications/jobs.js'
import { bindLoginToBrowser, takeLoginBinding } from './login-binding.js'
import { safeReturnTo } from './login-policy.js'
import { createRelyingParty, inProcessFetch } from './oidc-client.js'
import { type BrowserContext, createLoginService } from './oidc-service.js'
import { setSessionCookie } from './session-cookie.js'
import { type AssuranceLevel, SESSION_COOKIE } from './session-service.js'

export interface OidcRouteOptions {
  /** Sign-in requests allowed per address and route in each window (20 a minute unless told). */
  rateLimit?: { max: number; timeWindowMs: number }
}

const DEFAULT_RATE_LIMIT = { max: 20, timeWindowMs: 60_000 }

const ZCitizenLoginQuery = z.object({
  method: z.enum(['spid', 'cie']).default('spid').describe('cie always means level 3'),
  level: z
    .enum(['1', '2', '3'])
    .default('2')
    .transform((value) => Number(value) as AssuranceLevel)
    .describe('SPID level of assurance to ask for'),
  returnTo: z.string().max(2000).optional().describe('A path on this site; anything else means "/"'),
})

const ZStaffLoginQuery = z.object({
  returnTo: z.string().max(2000).optional().describe('A path on this site; anything else means "/"'),
})

// The provider adds code, iss, or error and error_description: the whole query string is read as is.
const ZCallbackQuery = z.object({ state: z.string().max(512).optional() })

function queryString(request: FastifyRequest): string {
  const start = request.url.indexOf('?')
  return start >= 0 ? request.url.slice(start) : ''
}

function browserContext(request: FastifyRequest): BrowserContext {
  return {
    meta: requestMeta(request),
    userAgent: request.headers['user-agent'] ?? null,
    currentSessionToken: request.cookies[SESSION_COOKIE] ?? null,
  }
}

/**
 * A person coming back from the identity provider is in a browser: a refused sign-in takes them to
 * the sign-in page with the reason's code, which the page explains, rather than to raw JSON.
 * Programmatic callers (no text/html in Accept) still get the problem document.
 */
async function explainFailureToBrowser(
  request: FastifyRequest,
  reply: FastifyReply,
  signInPage: string,
  complete: () => Promise<FastifyReply>,
): Promise<FastifyReply> {
  try {
    return await complete()
  } catch (error) {
    const wantsPage = (request.headers.accept ?? '').includes('text/html')
    if (!wantsPage || !(error instanceof AppError) || error.status >= 500) throw error
    request.log.info({ code: error.code, detail: error.message }, 'sign-in refused')
    const reason =
      error.messageKey === 'identity.login.cancelled'
        ? 'cancelled'
        : error.code.toLowerCase().replace(/_/g, '-')
    const target = `${signInPage}?error=${encodeURIComponent(reason)}`
    return reply.header('cache-control', 'no-store').redirect(target, 302)
  }
}

/** Citizen and staff sign-in through OpenID Connect (SPID/CIE or a gateway). */
export function oidcRoutes(deps: AppDependencies, options: OidcRouteOptions = {}): FastifyPluginAsyncZod {
  const { config } = deps
  const limit = options.rateLimit ?? DEFAULT_RATE_LIMIT
  const secure = config.session.secureCookie

  function callbackQuery(request: FastifyRequest, reply: FastifyReply, state: string | undefined) {
    return {
      state,
      search: queryString(request),
      startedInThisBrowser: takeLoginBinding(request, reply, state, secure),
    }
  }

  return async (app) => {
    const devIssuer = `${config.publicUrl}/dev-idp`
    const relyingParty = (provider: OidcClientConfig, kind: 'citizen' | 'staff') =>
      createRelyingParty({
        provider,
        redirectUri: `${config.publicUrl}/auth/${kind}/callback`,
        allowInsecureRequests: config.env !== 'production' && provider.issuer.startsWith('http:'),
        // The bundled provider lives in this process: ask it directly rather than through the network.
        fetch:
          config.devIdentityProvider && provider.issuer === devIssuer
            ? inProcessFetch(app as unknown as FastifyInstance)
            : undefined,
      })
    const logins = createLoginService({
      db: deps.db,
      clock: deps.clock,
      config,
      notify: notifyDeps(deps),
      citizenProvider: relyingParty(config.oidc.citizen, 'citizen'),
      staffProvider: relyingParty(config.oidc.staff, 'staff'),
    })

    // Registered inside this plugin, the limiter covers the sign-in routes and nothing else.
    await limitPerAddress(app, { ...limit, what: 'sign-in' })

    app.get(
      '/citizen/login',
      {
        config: { access: PUBLIC },
        schema: {
          tags: ['identity'],
          summary:
            'Start a SPID/CIE sign-in (or a step-up when already signed in): redirects to the provider',
          querystring: ZCitizenLoginQuery,
        },
      },
      async (request, reply) => {
        const started = await logins.beginCitizenLogin({
          method: request.query.method,
          level: request.query.level,
          returnTo: safeReturnTo(request.query.returnTo),
          currentSessionHash: request.session?.kind === 'citizen' ? request.session.tokenHash : null,
          locale: request.locale,
        })
        bindLoginToBrowser(request, reply, started.state, secure)
        return reply.header('cache-control', 'no-store').redirect(started.url.href, 302)
      },
    )

    app.get(
      '/citizen/callback',
      {
        config: { access: PUBLIC },
        schema: {
          tags: ['identity'],
          summary: 'Where the identity provider sends the citizen back: opens the session and redirects',
          querystring: ZCallbackQuery,
        },
      },
      async (request, reply) =>
        explainFailureToBrowser(request, reply, '/login', async () => {
          const login = await logins.completeCitizenLogin(
            callbackQuery(request, reply, request.query.state),
            browserContext(request),
          )
          setSessionCookie(reply, login.token, { secure, expiresAt: login.expiresAt })
          return reply.header('cache-control', 'no-store').redirect(login.returnTo, 302)
        }),
    )

    app.get(
      '/staff/login',
      {
        config: { access: PUBLIC },
        schema: {
          tags: ['identity'],
          summary: 'Start a staff sign-in through the city directory: redirects to the provider',
          querystring: ZStaffLoginQuery,
        },
      },
      async (request, reply) => {
        const started = await logins.beginStaffLogin({
          returnTo: safeReturnTo(request.query.returnTo),
          locale: request.locale,
        })
        bindLoginToBrowser(request, reply, started.state, secure)
        return reply.header('cache-control', 'no-store').redirect(started.url.href, 302)
      },
    )

    app.get(
      '/staff/callback',
      {
        config: { access: PUBLIC },
        schema: {
          tags: ['identity'],
          summary: 'Where the city directory sends staff back: opens the session and redirects',
          querystring: ZCallbackQuery,
        },
      },
      async (request, reply) =>
        explainFailureToBrowser(request, reply, '/backoffice', async () => {
          const login = await logins.completeStaffLogin(
            callbackQuery(request, reply, request.query.state),
            browserContext(request),
          )
          setSessionCookie(reply, login.token, { secure, expiresAt: login.expiresAt })
          return reply.header('cache-control', 'no-store').redirect(login.returnTo, 302)
        }),
    )
  }
}
