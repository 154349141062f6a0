import type { FastifyInstance, RouteOptions } from 'fastify'

/**
 * Who may call a route. Every route states one; the app refuses to start if a route forgets, so a
 * new endpoint cannot silently be public.
 */
export type RouteAccess =
  | { kind: 'public' }
  | { kind: 'citizen'; minimumLevel?: 1 | 2 | 3 }
  | { kind: 'staff'; roles: readonly string[] }
  | { kind: 'api-client'; scopes: readonly string[] }

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess
  }
}

export const PUBLIC: RouteAccess = Object.freeze({ kind: 'public' })

export class MissingRouteAccessError extends Error {}

export function requireRouteAccessDeclarations(app: FastifyInstance): void {
  app.addHook('onRoute', (route: RouteOptions) => {
    const access = (route.config as { access?: RouteAccess } | undefined)?.access
    // Routes added by plugins (API docs UI, static files) are public by nature and cannot carry our config.
    if (!access && !isInfrastructureRoute(route.url)) {
      throw new MissingRouteAccessError(`Route ${route.method} ${route.url} does not declare config.access`)
    }
  })
}

/** The API docs UI and the web app's static files: public by nature, registered by plugins. */
function isInfrastructureRoute(url: string): boolean {
  return url.startsWith('/api/docs') || /\/[^/]+\.[a-z0-9]+$/i.test(url)
}
