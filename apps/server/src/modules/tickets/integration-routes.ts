import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { RouteAccess } from '../../platform/http/access.js'
import type { AppDependencies } from '../../platform/http/dependencies.js'
import { MAX_ATTACHMENTS } from './attachments.js'
import { ticketsContext } from './http-context.js'
import { handOffChatbotSession, receiveSocialMessage } from './integrations.js'
import {
  ZChatbotHandedOff,
  ZChatbotHandoffInput,
  ZSocialMessageInput,
  ZSocialMessageReceived,
} from './integrations-schema.js'

const SOCIAL: RouteAccess = { kind: 'api-client', scopes: ['social'] }
const CHATBOT: RouteAccess = { kind: 'api-client', scopes: ['chatbot'] }
const TAGS = ['integrations']

/** Social inboxes and the virtual assistant hand their conversations to the CRM. */
export function integrationRoutes(deps: AppDependencies): FastifyPluginAsyncZod {
  // Attachments travel in base64 (a third larger than the files), next to the text.
  const socialBodyLimit =
    Math.ceil((deps.config.tickets.attachmentMaxBytes * MAX_ATTACHMENTS * 4) / 3) + 256_000
  return async (app) => {
    app.post(
      '/integrations/social/messages',
      {
        bodyLimit: socialBodyLimit,
        config: { access: SOCIAL },
        schema: {
          tags: TAGS,
          summary: 'A message of a social thread: the first opens a ticket, the next join it',
          description: 'Idempotent on the network’s message id: a repeated delivery answers "duplicate".',
          body: ZSocialMessageInput,
          response: { 202: ZSocialMessageReceived },
        },
      },
      async (request, reply) =>
        reply.code(202).send(await receiveSocialMessage(ticketsContext(deps, request), request.body)),
    )

    app.post(
      '/integrations/chatbot/handoffs',
      {
        config: { access: CHATBOT },
        schema: {
          tags: TAGS,
          summary: 'Hand a virtual-assistant session to the staff as a ticket, transcript included',
          description: 'Idempotent on the session id: the same session answers the same ticket (200).',
          body: ZChatbotHandoffInput,
          response: { 200: ZChatbotHandedOff, 201: ZChatbotHandedOff },
        },
      },
      async (request, reply) => {
        const handedOff = await handOffChatbotSession(ticketsContext(deps, request), request.body)
        return reply.code(handedOff.created ? 201 : 200).send(handedOff)
      },
    )
  }
}
