import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { AppError } from '../../platform/errors.js'
import type { RouteAccess } from '../../platform/http/access.js'
import type { AppDependencies } from '../../platform/http/dependencies.js'
import { ticketsContext } from './http-context.js'
import { receiveEmail } from './mail-inbound.js'
import { INBOUND_EMAIL_MAX_BYTES } from './mail-parse.js'

const EMAIL_INBOUND: RouteAccess = { kind: 'api-client', scopes: ['email-inbound'] }

export const ZReceivedEmail = z
  .object({
    ticketCode: z.string().nullable().describe('Null when the message was ignored'),
    outcome: z.enum(['new-ticket', 'reply', 'duplicate', 'new-after-closed', 'ignored']),
  })
  .meta({ id: 'ReceivedEmail' })

/** For mail providers that deliver by webhook: the raw message, as the SMTP listener would get it. */
export function inboundMailRoutes(deps: AppDependencies): FastifyPluginAsyncZod {
  return async (app) => {
    // Only this plugin reads raw messages; elsewhere the type stays unsupported.
    app.addContentTypeParser(
      'message/rfc822',
      { parseAs: 'buffer', bodyLimit: INBOUND_EMAIL_MAX_BYTES },
      (_request, body, done) => done(null, body),
    )

    app.post(
      '/tickets/inbound-email',
      {
        bodyLimit: INBOUND_EMAIL_MAX_BYTES,
        config: { access: EMAIL_INBOUND },
        schema: {
          tags: ['tickets'],
          summary: 'An e-mail to the city, as raw RFC 822 (Content-Type message/rfc822)',
          description:
            'A reply is added to its ticket (by In-Reply-To, References or the code in the subject), any other message opens a ticket for triage; the same Message-ID twice is stored once; auto-replies and bounces are ignored.',
          response: { 202: ZReceivedEmail },
        },
      },
      async (request, reply) => {
        const raw = request.body
        if (!Buffer.isBuffer(raw) || raw.length === 0) {
          throw new AppError('UNSUPPORTED_MEDIA_TYPE', { internalDetail: 'expected a message/rfc822 body' })
        }
        const received = await receiveEmail(ticketsContext(deps, request), raw)
        return reply.code(202).send(received)
      },
    )
  }
}
