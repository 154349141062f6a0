import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { PUBLIC } from '../../platform/http/access.js'
import type { AppDependencies } from '../../platform/http/dependencies.js'
import { limitPerAddress } from '../../platform/http/rate-limit.js'
import { serviceContext } from '../../platform/http/service-context.js'
import { ticketsContext } from '../tickets/http-context.js'
import { askQuestion, rateAnswer, showEntry, startConversation } from './conversation.js'
import { handOffConversation } from './hand-off.js'
import {
  ZAnswer,
  ZAskInput,
  ZEntryId,
  ZFeedbackInput,
  ZHandOffInput,
  ZHandOffResult,
  ZQuestionParams,
  ZReply,
  ZSessionParams,
  ZSessionStart,
  ZSessionStarted,
} from './schema.js'

const TAGS = ['assistant']
const MINUTE_MS = 60_000

/** Starting conversations: a page load starts one, so the limit is generous but bounded. */
function sessionRoutes(deps: AppDependencies): FastifyPluginAsyncZod {
  return async (app) => {
    await limitPerAddress(app, { max: 20, timeWindowMs: 10 * MINUTE_MS, what: 'assistant session' })
    app.post(
      '/assistant/sessions',
      {
        config: { access: PUBLIC },
        schema: {
          tags: TAGS,
          summary: 'Start a conversation with the virtual assistant (no sign-in needed)',
          body: ZSessionStart.optional(),
          response: { 201: ZSessionStarted },
        },
      },
      async (request, reply) => {
        const started = await startConversation(serviceContext(deps, request), request.body ?? {})
        return reply.code(201).send(started)
      },
    )
  }
}

/** Questions, ratings and answers shown on their own: one person types a few a minute. */
function questionRoutes(deps: AppDependencies): FastifyPluginAsyncZod {
  return async (app) => {
    await limitPerAddress(app, { max: 30, timeWindowMs: MINUTE_MS, what: 'assistant question' })
    app.post(
      '/assistant/sessions/:id/questions',
      {
        config: { access: PUBLIC },
        schema: {
          tags: TAGS,
          summary: 'Ask a question: the best answer and up to two others, or “not understood”',
          params: ZSessionParams,
          body: ZAskInput,
          response: { 200: ZReply },
        },
      },
      async (request) =>
        askQuestion(serviceContext(deps, request), { sessionId: request.params.id, text: request.body.text }),
    )
    app.post(
      '/assistant/sessions/:id/questions/:questionId/feedback',
      {
        config: { access: PUBLIC },
        schema: {
          tags: TAGS,
          summary: 'Say whether an answer helped',
          params: ZQuestionParams,
          body: ZFeedbackInput,
        },
      },
      async (request, reply) => {
        await rateAnswer(serviceContext(deps, request), {
          sessionId: request.params.id,
          questionId: request.params.questionId,
          helpful: request.body.helpful,
        })
        return reply.code(204).send()
      },
    )
    app.get(
      '/assistant/entries/:id',
      {
        config: { access: PUBLIC },
        schema: {
          tags: TAGS,
          summary: 'A published answer, when someone picks one of the others offered',
          params: ZEntryId,
          response: { 200: ZAnswer },
        },
      },
      async (request) => showEntry(serviceContext(deps, request), request.params.id),
    )
  }
}

/** The hand-off opens a ticket: few per address. */
function handOffRoutes(deps: AppDependencies): FastifyPluginAsyncZod {
  return async (app) => {
    await limitPerAddress(app, { max: 10, timeWindowMs: 10 * MINUTE_MS, what: 'assistant hand-off' })
    app.post(
      '/assistant/sessions/:id/hand-off',
      {
        config: { access: PUBLIC },
        schema: {
          tags: TAGS,
          summary:
            'Talk to a person: a ticket with the transcript (signed in, or with a verified e-mail), or the contact centre',
          params: ZSessionParams,
          body: ZHandOffInput.optional(),
          response: { 200: ZHandOffResult, 201: ZHandOffResult },
        },
      },
      async (request, reply) => {
        const result = await handOffConversation(ticketsContext(deps, request), {
          ...(request.body ?? {}),
          sessionId: request.params.id,
        })
        return reply.code(result.outcome === 'ticket' && result.created ? 201 : 200).send(result)
      },
    )
  }
}

export function assistantRoutes(deps: AppDependencies): FastifyPluginAsyncZod {
  return async (app) => {
    await app.register(sessionRoutes(deps))
    await app.register(questionRoutes(deps))
    await app.register(handOffRoutes(deps))
  }
}
