import { generateKeyPairSync, randomBytes, randomUUID } from 'node:crypto'
import { type ClientMetadata, type KoaContextWithOIDC, Provider } from 'oidc-provider'
import type { OidcClientConfig } from '../../../config.js'
import { SPID_LEVEL_URIS } from '../login-policy.js'
import type { DevAccountStore } from './identities.js'
import { createMemoryAdapterFactory } from './memory-adapter.js'
import { renderProviderErrorPage } from './pages.js'
import { DEV_IDP_PREFIX, interactionPath } from './paths.js'

export interface DevProviderOptions {
  publicUrl: string
  citizenClient: OidcClientConfig
  staffClient: OidcClientConfig
  fiscalCodeClaim: string
  accounts: DevAccountStore
}

// EC keys take a millisecond to make, RSA ones a noticeable fraction of a second: every test app
// starts a provider, so the signing key is P-256.
const SIGNING_ALGORITHM = 'ES256'

function signingKey() {
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' })
  return { ...privateKey.export({ format: 'jwk' }), kid: randomUUID(), use: 'sig', alg: SIGNING_ALGORITHM }
}

function clientFor(client: OidcClientConfig, redirectUri: string, publicUrl: string): ClientMetadata {
  return {
    client_id: client.clientId,
    client_secret: client.clientSecret,
    redirect_uris: [redirectUri],
    post_logout_redirect_uris: [`${publicUrl}/`],
    grant_types: ['authorization_code'],
    response_types: ['code'],
    token_endpoint_auth_method: 'client_secret_basic',
    id_token_signed_response_alg: SIGNING_ALGORITHM,
  }
}

/**
 * Civico's own clients are first-party: what they ask for is granted without a consent screen, the
 * way a municipality's SPID gateway behaves for its own services.
 */
async function grantEverythingRequested(ctx: KoaContextWithOIDC) {
  const { oidc } = ctx
  const clientId = oidc.client?.clientId
  const accountId = oidc.session?.accountId
  if (!clientId || !accountId) return undefined
  const existingId = oidc.result?.consent?.grantId ?? oidc.session?.grantIdFor(clientId)
  const grant =
    (existingId ? await oidc.provider.Grant.find(existingId) : undefined) ??
    new oidc.provider.Grant({ clientId, accountId })
  grant.addOIDCScope([...oidc.requestParamOIDCScopes].join(' '))
  grant.addOIDCClaims([...oidc.requestParamClaims])
  await grant.save()
  return grant
}

/** The bundled OpenID provider: two clients, SPID-like claims and levels, everything in memory. */
export function createDevProvider(options: DevProviderOptions): Provider {
  const issuer = `${options.publicUrl}${DEV_IDP_PREFIX}`
  const provider = new Provider(issuer, {
    adapter: createMemoryAdapterFactory(),
    jwks: { keys: [signingKey()] },
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    clients: [
      clientFor(options.citizenClient, `${options.publicUrl}/auth/citizen/callback`, options.publicUrl),
      clientFor(options.staffClient, `${options.publicUrl}/auth/staff/callback`, options.publicUrl),
    ],
    clientDefaults: { id_token_signed_response_alg: SIGNING_ALGORITHM },
    enabledJWA: { idTokenSigningAlgValues: [SIGNING_ALGORITHM] },
    responseTypes: ['code'],
    scopes: ['openid', 'profile', 'email'],
    claims: {
      openid: ['sub'],
      profile: ['name', 'given_name', 'family_name', 'birthdate', options.fiscalCodeClaim],
      email: ['email', 'email_verified'],
      acr: null,
      amr: null,
      auth_time: null,
      sid: null,
      iss: null,
    },
    acrValues: Object.values(SPID_LEVEL_URIS),
    pkce: { required: () => true },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx, interaction) => interactionPath(interaction.uid) },
    loadExistingGrant: grantEverythingRequested,
    clientBasedCORS: () => false,
    findAccount: (_ctx, subject) => {
      const claims = options.accounts.claimsOf(subject)
      if (!claims) return undefined
      return { accountId: subject, claims: () => ({ ...claims, sub: subject }) }
    },
    ttl: {
      AccessToken: 600,
      AuthorizationCode: 120,
      IdToken: 600,
      Interaction: 900,
      Session: 3600,
      Grant: 3600,
    },
    renderError: (ctx, out) => {
      ctx.type = 'html'
      ctx.body = renderProviderErrorPage(out)
    },
  })
  // Requests reach the provider with the forwarded headers set from the configured public URL, so the
  // addresses it advertises are the public ones whatever host or port the request came in on.
  provider.proxy = true
  return provider
}
