import type { FastifyInstance, RouteOptions } from 'fastify'

/**
 * Who may call a route. Every route states one; the app refuses to start if a route forgets, so a
 * new endpoint cannot silently be public.
 */
export type RouteAccess =
  | { kind: 'public' }
  | { kind: 'signed-in' }
  | { kind: 'citizen'; minimumLevel?: 1 | 2 | 3 }
  | { kind: 'staff'; roles: readonly string[] }
  | { kind: 'api-client'; scopes: readonly string[] }

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess
    /**
     * `false` for the few public routes that take form posts from other sites (a payment page, a
     * mail client's one-click unsubscribe): they never act as the signed-in user, so a session
     * cookie sent along needs no CSRF token.
     */
    csrf?: false
  }
}

export const PUBLIC: RouteAccess = Object.freeze({ kind: 'public' })

export class MissingRouteAccessError extends Error {}

export const SESSION_SECURITY_SCHEME = 'sessionCookie'
export const API_KEY_SECURITY_SCHEME = 'apiKey'

/** The OpenAPI `security` of an operation, derived from its access rule so the two cannot disagree. */
export function openApiSecurity(access: RouteAccess): Record<string, string[]>[] {
  switch (access.kind) {
    case 'public':
      return []
    case 'api-client':
      return [{ [API_KEY_SECURITY_SCHEME]: [...access.scopes] }]
    default:
      return [{ [SESSION_SECURITY_SCHEME]: [] }]
  }
}

export interface DeclaredRoute {
  method: string
  url: string
  access: RouteAccess
}

const declaredRoutes = new WeakMap<object, DeclaredRoute[]>()

/** Every route of the app with its access rule, for the authorization matrix test and audits. */
export function listDeclaredRoutes(app: FastifyInstance): DeclaredRoute[] {
  return declaredRoutes.get(app) ?? []
}

export function requireRouteAccessDeclarations(app: FastifyInstance): void {
  const catalogue: DeclaredRoute[] = []
  declaredRoutes.set(app, catalogue)
  app.addHook('onRoute', (route: RouteOptions) => {
    const access = (route.config as { access?: RouteAccess } | undefined)?.access
    if (!access) {
      // Routes added by plugins (API docs UI, static files) are public by nature and cannot carry our config.
      if (isInfrastructureRoute(route.url)) return
      throw new MissingRouteAccessError(`Route ${route.method} ${route.url} does not declare config.access`)
    }
    route.schema = { ...route.schema, security: openApiSecurity(access) } as typeof route.schema
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') catalogue.push({ method, url: route.url, access })
    }
  })
}

/** The API docs UI and the web app's static files: public by nature, registered by plugins. */
function isInfrastructureRoute(url: string): boolean {
  return url.startsWith('/api/docs') || /\/[^/]+\.[a-z0-9]+$/i.test(url)
}
