import type { Actor } from '../../platform/context.js'
import { AppError } from '../../platform/errors.js'
import type { RouteAccess } from '../../platform/http/access.js'

/** May this actor call a route declared with this access rule? Returns the refusal, or null. */
export function checkRouteAccess(access: RouteAccess, actor: Actor): AppError | null {
  switch (access.kind) {
    case 'public':
      return null
    case 'signed-in':
      if (actor.type === 'citizen' || actor.type === 'staff') return null
      return new AppError(actor.type === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN')
    case 'citizen': {
      if (actor.type === 'anonymous') return new AppError('UNAUTHENTICATED')
      if (actor.type !== 'citizen')
        return new AppError('FORBIDDEN', { internalDetail: `${actor.type} on a citizen route` })
      const required = access.minimumLevel ?? 1
      if (actor.level < required) {
        return new AppError('STEP_UP_REQUIRED', {
          params: { requiredLevel: required },
          extensions: { requiredLevel: required },
        })
      }
      return null
    }
    case 'staff': {
      if (actor.type === 'anonymous') return new AppError('UNAUTHENTICATED')
      if (actor.type !== 'staff')
        return new AppError('FORBIDDEN', { internalDetail: `${actor.type} on a staff route` })
      const allowed =
        access.roles.length === 0 || access.roles.some((role) => actor.roles.includes(role as never))
      return allowed ? null : new AppError('FORBIDDEN', { internalDetail: `roles ${actor.roles.join(',')}` })
    }
    case 'api-client': {
      if (actor.type === 'anonymous') return new AppError('UNAUTHENTICATED')
      if (actor.type !== 'api-client')
        return new AppError('FORBIDDEN', { internalDetail: `${actor.type} on an API route` })
      const allowed = access.scopes.every((scope) => actor.scopes.includes(scope))
      return allowed
        ? null
        : new AppError('FORBIDDEN', { internalDetail: `scopes ${actor.scopes.join(',')}` })
    }
  }
}

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

/** Cookie-authenticated changes must echo the session's CSRF token; API keys are not sent by browsers. */
export function needsCsrfCheck(method: string, authenticatedByCookie: boolean): boolean {
  return authenticatedByCookie && UNSAFE_METHODS.has(method)
}
