import type { FastifyInstance, InjectOptions } from 'fastify'
import * as openid from 'openid-client'
import type { OidcClientConfig } from '../../config.js'
import { AppError } from '../../platform/errors.js'

/** What Civico asks of an OpenID provider: where to send the browser, and who came back. */
export interface OidcRelyingParty {
  authorizationUrl(request: AuthorizationRequest): Promise<URL>
  /** Validates the redirect back (state, PKCE, nonce, ID token) and returns the person's claims. */
  exchangeCode(callbackUrl: URL, checks: CallbackChecks): Promise<Record<string, unknown>>
}

export interface AuthorizationRequest {
  state: string
  nonce: string
  codeVerifier: string
  extraParameters?: Record<string, string>
}

export interface CallbackChecks {
  state: string
  nonce: string
  codeVerifier: string
}

export interface RelyingPartyOptions {
  provider: OidcClientConfig
  redirectUri: string
  /** Plain http issuers are refused in production; the dev provider speaks http on a laptop. */
  allowInsecureRequests: boolean
  /** Replaces the network, e.g. to reach a provider served by this very process. */
  fetch?: openid.CustomFetch
}

const NETWORK_ERROR_NAMES = new Set(['AbortError', 'TimeoutError'])

function isNetworkFailure(error: unknown): boolean {
  if (!(error instanceof Error)) return false
  if (NETWORK_ERROR_NAMES.has(error.name)) return true
  return error instanceof TypeError && /fetch failed/i.test(error.message)
}

function providerUnavailable(cause: unknown): AppError {
  return new AppError('SERVICE_UNAVAILABLE', {
    messageKey: 'identity.login.providerUnavailable',
    internalDetail: `identity provider unreachable: ${String(cause)}`,
    headers: { 'retry-after': '30' },
  })
}

/** Turns what openid-client throws at the callback into a problem the citizen can act on. */
function callbackFailure(error: unknown): AppError {
  if (error instanceof AppError) return error
  if (error instanceof openid.AuthorizationResponseError) {
    const cancelled = error.error === 'access_denied'
    return new AppError('UNAUTHENTICATED', {
      messageKey: cancelled ? 'identity.login.cancelled' : 'identity.login.providerRefused',
      internalDetail: `provider answered ${error.error}: ${error.error_description ?? ''}`,
    })
  }
  if (isNetworkFailure(error)) return providerUnavailable(error)
  const code = (error as { code?: unknown }).code
  return new AppError('UNAUTHENTICATED', {
    messageKey: 'identity.login.exchangeFailed',
    internalDetail: `code exchange failed (${String(code ?? 'no code')}): ${String(error)}`,
  })
}

export function createRelyingParty(options: RelyingPartyOptions): OidcRelyingParty {
  const { provider } = options
  let configuration: Promise<openid.Configuration> | null = null

  // Discovery happens on first use, so the API starts even while the provider is down; a failed
  // discovery is forgotten and retried by the next sign-in.
  function configure(): Promise<openid.Configuration> {
    configuration ??= openid
      .discovery(
        new URL(provider.issuer),
        provider.clientId,
        { redirect_uris: [options.redirectUri] },
        openid.ClientSecretBasic(provider.clientSecret),
        {
          ...(options.allowInsecureRequests ? { execute: [openid.allowInsecureRequests] } : {}),
          ...(options.fetch ? { [openid.customFetch]: options.fetch } : {}),
        },
      )
      .catch((error: unknown) => {
        configuration = null
        throw providerUnavailable(error)
      })
    return configuration
  }

  return {
    async authorizationUrl(request) {
      const config = await configure()
      const codeChallenge = await openid.calculatePKCECodeChallenge(request.codeVerifier)
      return openid.buildAuthorizationUrl(config, {
        redirect_uri: options.redirectUri,
        scope: provider.scopes,
        response_type: 'code',
        state: request.state,
        nonce: request.nonce,
        code_challenge: codeChallenge,
        code_challenge_method: 'S256',
        ...request.extraParameters,
      })
    },

    async exchangeCode(callbackUrl, checks) {
      const config = await configure()
      try {
        const tokens = await openid.authorizationCodeGrant(config, callbackUrl, {
          pkceCodeVerifier: checks.codeVerifier,
          expectedState: checks.state,
          expectedNonce: checks.nonce,
          idTokenExpected: true,
        })
        const idClaims = tokens.claims()
        if (!idClaims) throw new Error('no ID token in the token response')
        // Gateways put the profile in the ID token, SPID/CIE providers at the userinfo endpoint:
        // read both, and let the ID token speak for the authentication itself (sub, acr).
        const userInfo = await openid.fetchUserInfo(config, tokens.access_token, idClaims.sub)
        return { ...userInfo, ...idClaims }
      } catch (error) {
        throw callbackFailure(error)
      }
    },
  }
}

export function generateLoginSecrets(): { state: string; nonce: string; codeVerifier: string } {
  return {
    state: openid.randomState(),
    nonce: openid.randomNonce(),
    codeVerifier: openid.randomPKCECodeVerifier(),
  }
}

function bodyPayload(body: openid.CustomFetchOptions['body']): InjectOptions['payload'] {
  if (body === undefined || body === null) return undefined
  if (typeof body === 'string') return body
  if (body instanceof URLSearchParams) return body.toString()
  if (body instanceof ArrayBuffer) return Buffer.from(body)
  if (ArrayBuffer.isView(body)) return Buffer.from(body.buffer, body.byteOffset, body.byteLength)
  throw new TypeError('streamed request bodies are not supported in-process')
}

const BODYLESS_STATUSES = new Set([101, 204, 205, 304])

/**
 * A fetch that answers from this Fastify app instead of the network: the bundled provider is part of
 * the same process, so calling it needs no port, no DNS and no loopback (tests have none of them).
 */
export function inProcessFetch(app: Pick<FastifyInstance, 'inject'>): openid.CustomFetch {
  return async (url, options) => {
    const target = new URL(url)
    const response = await app.inject({
      method: options.method as InjectOptions['method'],
      url: `${target.pathname}${target.search}`,
      headers: { ...options.headers, host: target.host },
      payload: bodyPayload(options.body),
    })
    const headers = new Headers()
    for (const [name, value] of Object.entries(response.headers)) {
      if (value === undefined) continue
      for (const item of Array.isArray(value) ? value : [value]) headers.append(name, String(item))
    }
    const body = BODYLESS_STATUSES.has(response.statusCode) ? null : response.rawPayload
    return new Response(body, { status: response.statusCode, headers })
  }
}
