import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { z } from 'zod'
import type { RouteAccess } from '../../platform/http/access.js'
import type { AppDependencies } from '../../platform/http/dependencies.js'
import { mayOpenTicket } from './access.js'
import { readAttachment } from './attachments.js'
import { attachmentDisposition } from './citizen-routes.js'
import { getStaffTicket, listQueue, renderCannedReplyFor } from './console.js'
import { ticketsContext } from './http-context.js'
import { findTicketByCode } from './repo.js'
import {
  ZAssignBody,
  ZCannedParams,
  ZCannedReplyText,
  ZCategoriseBody,
  ZForwardBody,
  ZMergeBody,
  ZNoteBody,
  ZQueuePage,
  ZQueueQuery,
  ZReplyBody,
  ZStaffTicket,
  ZStatusBody,
  ZTicketCodeParams,
  ZTicketState,
  ZVersionOnly,
} from './schema.js'
import { ZCannedQuery } from './taxonomy-schema.js'
import { addNote, assignTicket, changeStatus, claimTicket, replyToTicket } from './workflow.js'
import { categoriseTicket, forwardTicket, mergeTickets } from './workflow-routing.js'
import { missingTicket } from './workflow-support.js'

export const TICKET_WORKERS: RouteAccess = { kind: 'staff', roles: ['operator', 'supervisor'] }
const TAGS = ['tickets']

/** The operator console: queues, a ticket's page and the actions on it. */
export function staffTicketRoutes(deps: AppDependencies): FastifyPluginAsyncZod {
  return async (app) => {
    const config = { access: TICKET_WORKERS }

    app.get(
      '/staff/tickets',
      {
        config,
        schema: {
          tags: TAGS,
          summary: 'A page of the queue of the reader’s teams (or one team), by due time or last activity',
          querystring: ZQueueQuery,
          response: { 200: ZQueuePage },
        },
      },
      async (request, reply) => {
        reply.header('cache-control', 'no-store')
        return listQueue(ticketsContext(deps, request), request.query)
      },
    )

    app.get(
      '/staff/tickets/:code',
      {
        config,
        schema: {
          tags: TAGS,
          summary: 'A ticket with its contact, triplet, conversation, history and ready answers; audited',
          params: ZTicketCodeParams,
          response: { 200: ZStaffTicket },
        },
      },
      async (request, reply) => {
        reply.header('cache-control', 'no-store')
        return getStaffTicket(ticketsContext(deps, request), request.params.code)
      },
    )

    app.get(
      '/staff/tickets/:code/canned-replies/:id',
      {
        config,
        schema: {
          tags: TAGS,
          summary: 'A canned reply with its placeholders filled in for this ticket',
          params: ZCannedParams,
          querystring: ZCannedQuery,
          response: { 200: ZCannedReplyText },
        },
      },
      async (request) =>
        renderCannedReplyFor(ticketsContext(deps, request), {
          code: request.params.code,
          id: request.params.id,
          locale: request.query.lang,
        }),
    )

    app.get(
      '/staff/tickets/:code/attachments/:id',
      {
        config,
        schema: {
          tags: TAGS,
          summary: 'Download a file of a ticket',
          params: ZCannedParams,
        },
      },
      async (request, reply) => {
        const ctx = ticketsContext(deps, request)
        const ticket = await findTicketByCode(ctx.db, request.params.code)
        if (!ticket || !mayOpenTicket(ctx.actor, ticket)) throw missingTicket()
        const file = await readAttachment(ctx, { attachmentId: request.params.id, ticketId: ticket.id })
        return reply
          .type(file.mediaType)
          .header('content-disposition', attachmentDisposition(file.fileName))
          .header('x-content-type-options', 'nosniff')
          .header('content-security-policy', "default-src 'none'; sandbox")
          .header('cache-control', 'private, no-store')
          .send(Buffer.from(file.bytes))
      },
    )

    const action = <Body extends z.ZodType>(
      name: string,
      summary: string,
      body: Body,
      run: (
        ctx: ReturnType<typeof ticketsContext>,
        code: string,
        input: z.infer<Body>,
      ) => Promise<z.infer<typeof ZTicketState>>,
    ) =>
      app.post(
        `/staff/tickets/:code/${name}`,
        {
          config,
          schema: { tags: TAGS, summary, params: ZTicketCodeParams, body, response: { 200: ZTicketState } },
        },
        async (request) =>
          run(ticketsContext(deps, request), request.params.code, request.body as z.infer<Body>),
      )

    action('claim', 'Take an unassigned ticket of one’s team', ZVersionOnly.default({}), (ctx, code, input) =>
      claimTicket(ctx, { code, ...input }),
    )
    action(
      'assign',
      'Give the ticket to a member of its team, or back to the queue',
      ZAssignBody,
      (ctx, code, input) => assignTicket(ctx, { code, ...input }),
    )
    action('status', 'Move the ticket in the workflow', ZStatusBody, (ctx, code, input) =>
      changeStatus(ctx, { code, ...input }),
    )
    action('reply', 'Answer the contact; they hear of it on their channel', ZReplyBody, (ctx, code, input) =>
      replyToTicket(ctx, { code, ...input }),
    )
    action('note', 'An internal note, never shown to the citizen', ZNoteBody, (ctx, code, input) =>
      addNote(ctx, { code, ...input }),
    )
    action('forward', 'Hand the ticket to another team with a note', ZForwardBody, (ctx, code, input) =>
      forwardTicket(ctx, { code, ...input }),
    )
    action('merge', 'Merge this duplicate into another ticket', ZMergeBody, (ctx, code, input) =>
      mergeTickets(ctx, { code, ...input }),
    )
    action(
      'categorise',
      'Classify the ticket with a detail of the taxonomy',
      ZCategoriseBody,
      (ctx, code, input) => categoriseTicket(ctx, { code, ...input }),
    )
  }
}
