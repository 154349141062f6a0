import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { PUBLIC, type RouteAccess } from '../../platform/http/access.js'
import type { AppDependencies } from '../../platform/http/dependencies.js'
import { limitPerAddress } from '../../platform/http/rate-limit.js'
import { serviceContext } from '../../platform/http/service-context.js'
import { createMessageSenders } from '../../platform/outbox/senders.js'
import { type IncomingFile, MAX_ATTACHMENTS } from './attachments.js'
import { findContacts, mergeContactIntoCitizen } from './contacts.js'
import { requestEmailChallenge, verifyEmailChallenge } from './email-challenge.js'
import { ticketsContext } from './http-context.js'
import { type CityWriting, writeToCity } from './intake.js'
import {
  type AttachmentIn,
  type WriteToCityInput,
  ZContactId,
  ZContactMatches,
  ZContactSearchQuery,
  ZEmailChallengeInput,
  ZEmailChallengeSent,
  ZEmailProof,
  ZEmailVerifyInput,
  ZMergeContactInput,
  ZMergedContact,
  ZWriteToCityInput,
  ZWrittenTicket,
} from './intake-schema.js'

const TAGS = ['tickets']
const CONTACT_STAFF: RouteAccess = { kind: 'staff', roles: ['operator', 'supervisor'] }
const TEN_MINUTES_MS = 10 * 60_000

/** Files of a JSON form, decoded from base64. */
export function decodeAttachments(attachments: readonly AttachmentIn[]): IncomingFile[] {
  return attachments.map((file) => ({
    fileName: file.name,
    mediaType: file.type,
    bytes: new Uint8Array(Buffer.from(file.data, 'base64')),
  }))
}

/** Room in a request for the largest files allowed, in base64, besides the text. */
export function attachmentBodyLimit(deps: AppDependencies): number {
  const filesInBase64 = Math.ceil((MAX_ATTACHMENTS * deps.config.tickets.attachmentMaxBytes * 4) / 3)
  return Math.max(deps.config.bodyLimitBytes, filesInBase64 + 64 * 1024)
}

function writingOf(body: WriteToCityInput, toMayor: boolean): CityWriting {
  return {
    categoryCode: body.categoryCode,
    subject: body.subject,
    body: body.body,
    phone: body.phone,
    attachments: decodeAttachments(body.attachments),
    email: body.email,
    proof: body.proof,
    name: body.name,
    toMayor,
  }
}

/** "Scrivi al Comune" and the "Posta del Sindaco": limited per address, the forms are public. */
function writingRoutes(deps: AppDependencies): FastifyPluginAsyncZod {
  return async (app) => {
    await limitPerAddress(app, { max: 30, timeWindowMs: TEN_MINUTES_MS, what: 'write to the city' })
    const bodyLimit = attachmentBodyLimit(deps)

    for (const { url, toMayor, summary } of [
      {
        url: '/tickets',
        toMayor: false,
        summary: 'Write to the city: a signed-in citizen, or with a verified e-mail',
      },
      {
        url: '/tickets/mayor-letters',
        toMayor: true,
        summary: 'Write to the mayor (the mayor’s details only)',
      },
    ]) {
      app.post(
        url,
        {
          bodyLimit,
          config: { access: PUBLIC },
          schema: { tags: TAGS, summary, body: ZWriteToCityInput, response: { 201: ZWrittenTicket } },
        },
        async (request, reply) => {
          const opened = await writeToCity(ticketsContext(deps, request), writingOf(request.body, toMayor))
          return reply
            .code(201)
            .send({ code: opened.code, status: opened.status, createdAt: opened.createdAt.toISOString() })
        },
      )
    }
  }
}

/** Codes go to someone's mailbox: few per client address, and few per e-mail address in the service. */
function emailChallengeRoutes(deps: AppDependencies): FastifyPluginAsyncZod {
  return async (app) => {
    await limitPerAddress(app, { max: 10, timeWindowMs: TEN_MINUTES_MS, what: 'anonymous e-mail code' })

    app.post(
      '/tickets/email-challenges',
      {
        config: { access: PUBLIC },
        schema: {
          tags: TAGS,
          summary: 'Send a six-digit code to an e-mail address, to write without SPID or CIE',
          body: ZEmailChallengeInput,
          response: { 202: ZEmailChallengeSent },
        },
      },
      async (request, reply) => {
        const sent = await requestEmailChallenge(
          serviceContext(deps, request),
          createMessageSenders(deps.config, deps.db).email,
          request.body,
        )
        return reply.code(202).send(sent)
      },
    )

    app.post(
      '/tickets/email-challenges/verify',
      {
        config: { access: PUBLIC },
        schema: {
          tags: TAGS,
          summary: 'Check the code: the answer is a proof, usable once within two hours',
          body: ZEmailVerifyInput,
          response: { 200: ZEmailProof },
        },
      },
      async (request) => {
        const verified = await verifyEmailChallenge(serviceContext(deps, request), request.body)
        return { proof: verified.proof, expiresAt: verified.expiresAt.toISOString() }
      },
    )
  }
}

/** The console's citizen lookup and the merge of an anonymous contact into a citizen. */
function contactRoutes(deps: AppDependencies): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/staff/contacts',
      {
        config: { access: CONTACT_STAFF },
        schema: {
          tags: TAGS,
          summary: 'Find contacts by fiscal code, e-mail address or phone number',
          querystring: ZContactSearchQuery,
          response: { 200: ZContactMatches },
        },
      },
      async (request, reply) => {
        reply.header('cache-control', 'no-store')
        const matches = await findContacts(serviceContext(deps, request), request.query.q)
        return { items: matches }
      },
    )

    app.post(
      '/staff/contacts/:id/merge',
      {
        config: { access: CONTACT_STAFF },
        schema: {
          tags: TAGS,
          summary: 'Merge an anonymous contact into the citizen it turned out to be',
          params: ZContactId,
          body: ZMergeContactInput,
          response: { 200: ZMergedContact },
        },
      },
      async (request) =>
        mergeContactIntoCitizen(serviceContext(deps, request), {
          contactId: request.params.id,
          fiscalCode: request.body.fiscalCode,
        }),
    )
  }
}

export function ticketWriteRoutes(deps: AppDependencies): FastifyPluginAsyncZod {
  return async (app) => {
    await app.register(writingRoutes(deps))
    await app.register(emailChallengeRoutes(deps))
    await app.register(contactRoutes(deps))
  }
}
