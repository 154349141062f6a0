import type { FastifyReply } from 'fastify'
import { SESSION_COOKIE } from './session-service.js'

/** httpOnly so scripts never see it; Lax so it survives the identity provider's redirect back. */
export function setSessionCookie(
  reply: FastifyReply,
  token: string,
  options: { secure: boolean; expiresAt: Date },
) {
  reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    secure: options.secure,
    sameSite: 'lax',
    path: '/',
    expires: options.expiresAt,
  })
}

export function clearSessionCookie(reply: FastifyReply, options: { secure: boolean }) {
  reply.clearCookie(SESSION_COOKIE, { httpOnly: true, secure: options.secure, sameSite: 'lax', path: '/' })
}
