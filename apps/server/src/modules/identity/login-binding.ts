import type { FastifyReply, FastifyRequest } from 'fastify'

/**
 * Ties each sign-in round trip to the browser that started it. Without this, someone could start a
 * sign-in, stop at the callback address and send it to a victim, whose browser would then be signed in
 * as the attacker (login CSRF): the victim's documents and messages would land in the attacker's folder.
 * The cookie lists the states this browser started, so sign-ins in two tabs both work.
 */
export const LOGIN_BINDING_COOKIE = 'civico_login'
const MAX_PENDING_STATES = 3
const BINDING_MAX_AGE_SECONDS = 10 * 60
const STATE_SHAPE = /^[\w-]{16,128}$/

export function pendingStates(cookieValue: string | undefined): string[] {
  if (!cookieValue) return []
  return cookieValue.split('.').filter((state) => STATE_SHAPE.test(state))
}

/** The cookie value after a new sign-in starts: its state first, the oldest ones dropped. */
export function withPendingState(cookieValue: string | undefined, state: string): string {
  return [state, ...pendingStates(cookieValue).filter((pending) => pending !== state)]
    .slice(0, MAX_PENDING_STATES)
    .join('.')
}

export function withoutPendingState(cookieValue: string | undefined, state: string): string {
  return pendingStates(cookieValue)
    .filter((pending) => pending !== state)
    .join('.')
}

function writeBinding(reply: FastifyReply, value: string, secure: boolean) {
  // Lax: the identity provider brings the browser back with a top-level GET, which Lax lets through.
  const options = { path: '/auth', httpOnly: true, secure, sameSite: 'lax' as const }
  if (value) reply.setCookie(LOGIN_BINDING_COOKIE, value, { ...options, maxAge: BINDING_MAX_AGE_SECONDS })
  else reply.clearCookie(LOGIN_BINDING_COOKIE, options)
}

export function bindLoginToBrowser(
  request: FastifyRequest,
  reply: FastifyReply,
  state: string,
  secure: boolean,
) {
  writeBinding(reply, withPendingState(request.cookies[LOGIN_BINDING_COOKIE], state), secure)
}

/** Whether this browser started the round trip; the state is crossed off either way. */
export function takeLoginBinding(
  request: FastifyRequest,
  reply: FastifyReply,
  state: string | undefined,
  secure: boolean,
): boolean {
  const current = request.cookies[LOGIN_BINDING_COOKIE]
  if (!state) return false
  const bound = pendingStates(current).includes(state)
  if (bound) writeBinding(reply, withoutPendingState(current, state), secure)
  return bound
}
