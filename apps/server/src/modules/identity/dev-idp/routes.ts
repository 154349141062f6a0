import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { Provider } from 'oidc-provider'
import { PUBLIC } from '../../../platform/http/access.js'
import type { AppDependencies } from '../../../platform/http/dependencies.js'
import { DevAccountStore } from './identities.js'
import { interactionHandlers } from './interaction.js'
import { DEV_IDP_STYLESHEET } from './pages.js'
import { DEV_IDP_PREFIX } from './paths.js'

// Hidden from the API description: it is a development tool, not part of Civico's API.
const HIDDEN = { hide: true } as const

const PROVIDER_SESSION_COOKIE = /^_session(\.|=)/

/**
 * Every sign-in at this provider starts from scratch. Civico always asks for `prompt=login`, so a
 * remembered provider session brings nothing, and when a developer switches identity the provider
 * would first show a logout page driven by an inline script, which the content security policy blocks.
 */
function withoutProviderSession(cookieHeader: string | undefined): string | undefined {
  if (!cookieHeader) return cookieHeader
  const kept = cookieHeader
    .split(';')
    .map((part) => part.trim())
    .filter((part) => part && !PROVIDER_SESSION_COOKIE.test(part))
  return kept.length > 0 ? kept.join('; ') : undefined
}

/**
 * Hands a request to the provider (a Koa app) untouched. The provider sees its own paths without the
 * /dev-idp prefix, learns the prefix from `originalUrl`, and reads the public origin from forwarded
 * headers we set ourselves, never from what the client sent.
 */
function koaBridge(provider: Provider, publicUrl: URL) {
  const handle = provider.callback()
  return async (request: FastifyRequest, reply: FastifyReply) => {
    reply.hijack()
    // Headers our hooks put on the reply (security policy, request id) would be lost by hijacking.
    for (const [name, value] of Object.entries(reply.getHeaders())) {
      if (value !== undefined) reply.raw.setHeader(name, value)
    }
    const raw = request.raw as typeof request.raw & { originalUrl?: string }
    const fullUrl = raw.url ?? '/'
    raw.headers['x-forwarded-proto'] = publicUrl.protocol.replace(':', '')
    raw.headers['x-forwarded-host'] = publicUrl.host
    const cookies = withoutProviderSession(raw.headers.cookie)
    if (cookies) raw.headers.cookie = cookies
    else delete raw.headers.cookie
    raw.originalUrl = fullUrl
    raw.url = fullUrl.slice(DEV_IDP_PREFIX.length) || '/'
    try {
      await handle(raw, reply.raw)
    } finally {
      raw.url = fullUrl
    }
  }
}

/** The bundled OpenID provider with SPID-like test identities, mounted at /dev-idp outside production. */
export async function registerDevIdentityProvider(
  app: FastifyInstance,
  deps: AppDependencies,
): Promise<void> {
  // Loaded only here, so a production process never even imports the development provider.
  const { createDevProvider } = await import('./provider.js')
  const accounts = new DevAccountStore()
  const { config } = deps
  const provider = createDevProvider({
    publicUrl: config.publicUrl,
    citizenClient: config.oidc.citizen,
    staffClient: config.oidc.staff,
    fiscalCodeClaim: config.oidc.fiscalCodeClaim,
    accounts,
  })
  const interactions = interactionHandlers({
    provider,
    accounts,
    db: deps.db,
    clock: deps.clock,
    citizenClientId: config.oidc.citizen.clientId,
    fiscalCodeClaim: config.oidc.fiscalCodeClaim,
  })

  await app.register(
    async (scope) => {
      // The provider reads request bodies itself (token endpoint forms): Fastify must leave them alone.
      scope.removeAllContentTypeParsers()
      scope.addContentTypeParser('*', (_request, _payload, done) => done(null, undefined))

      scope.get(
        '/assets/dev-idp.css',
        { config: { access: PUBLIC }, schema: HIDDEN },
        async (_request, reply) =>
          reply
            .type('text/css; charset=utf-8')
            .header('cache-control', 'public, max-age=3600')
            .send(DEV_IDP_STYLESHEET),
      )
      scope.get('/interaction/:uid', { config: { access: PUBLIC }, schema: HIDDEN }, interactions.show)
      scope.get('/interaction/:uid/login', { config: { access: PUBLIC }, schema: HIDDEN }, interactions.login)
      scope.get('/interaction/:uid/abort', { config: { access: PUBLIC }, schema: HIDDEN }, interactions.abort)
      scope.route({
        method: ['GET', 'POST', 'OPTIONS'],
        url: '/*',
        config: { access: PUBLIC },
        schema: HIDDEN,
        handler: koaBridge(provider, new URL(config.publicUrl)),
      })
    },
    { prefix: DEV_IDP_PREFIX },
  )
}
