import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { RouteAccess } from '../../platform/http/access.js'
import type { AppDependencies } from '../../platform/http/dependencies.js'
import { serviceContext } from '../../platform/http/service-context.js'
import { getMyTicket, listMyTickets, readMyAttachment, replyToMyTicket } from './citizen-tickets.js'
import { ticketsContext } from './http-context.js'
import {
  ZMyReplyInput,
  ZMyReplyResult,
  ZMyTicket,
  ZMyTickets,
  ZMyTicketsQuery,
  ZTicketAttachmentParams,
  ZTicketCode,
} from './intake-schema.js'
import { attachmentBodyLimit, decodeAttachments } from './write-routes.js'

const CITIZEN: RouteAccess = { kind: 'citizen' }
const TAGS = ['tickets']

/** A Content-Disposition that every browser reads: an ASCII fallback and the exact UTF-8 name. */
export function attachmentDisposition(fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_')
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(fileName)}`
}

/** "Richieste inviate": the citizen's requests, their conversations and files, and replies to them. */
export function citizenTicketRoutes(deps: AppDependencies): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/me/tickets',
      {
        config: { access: CITIZEN },
        schema: {
          tags: TAGS,
          summary: 'The citizen’s requests to the city, newest first (keyset pages)',
          querystring: ZMyTicketsQuery,
          response: { 200: ZMyTickets },
        },
      },
      async (request, reply) => {
        reply.header('cache-control', 'private, no-store')
        return listMyTickets(serviceContext(deps, request), request.query)
      },
    )

    app.get(
      '/me/tickets/:code',
      {
        config: { access: CITIZEN },
        schema: {
          tags: TAGS,
          summary: 'One request: the conversation with the city, its status history and files',
          params: ZTicketCode,
          response: { 200: ZMyTicket },
        },
      },
      async (request, reply) => {
        reply.header('cache-control', 'private, no-store')
        return getMyTicket(ticketsContext(deps, request), request.params.code)
      },
    )

    app.post(
      '/me/tickets/:code/messages',
      {
        bodyLimit: attachmentBodyLimit(deps),
        config: { access: CITIZEN },
        schema: {
          tags: TAGS,
          summary: 'Write again in a request (it reopens a recently resolved one)',
          params: ZTicketCode,
          body: ZMyReplyInput,
          response: { 201: ZMyReplyResult },
        },
      },
      async (request, reply) => {
        const result = await replyToMyTicket(ticketsContext(deps, request), {
          code: request.params.code,
          body: request.body.body,
          files: decodeAttachments(request.body.attachments),
        })
        return reply.code(201).send(result)
      },
    )

    app.get(
      '/me/tickets/:code/attachments/:id',
      {
        config: { access: CITIZEN },
        schema: {
          tags: TAGS,
          summary: 'Download a file of one of the citizen’s requests',
          params: ZTicketAttachmentParams,
        },
      },
      async (request, reply) => {
        const file = await readMyAttachment(ticketsContext(deps, request), {
          code: request.params.code,
          attachmentId: request.params.id,
        })
        return reply
          .type(file.mediaType)
          .header('content-disposition', attachmentDisposition(file.fileName))
          .header('x-content-type-options', 'nosniff')
          .header('content-security-policy', "default-src 'none'; sandbox")
          .header('cache-control', 'private, no-store')
          .send(Buffer.from(file.bytes))
      },
    )
  }
}
