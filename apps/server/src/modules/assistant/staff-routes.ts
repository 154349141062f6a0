import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { RouteAccess } from '../../platform/http/access.js'
import type { AppDependencies } from '../../platform/http/dependencies.js'
import { serviceContext } from '../../platform/http/service-context.js'
import { getAssistantFigures, handleUnansweredQuestion, listUnansweredQuestions } from './figures.js'
import {
  createKnowledgeEntry,
  createSynonymGroup,
  deleteKnowledgeEntry,
  deleteSynonymGroup,
  getKnowledgeEntry,
  listKnowledgeEntries,
  listSynonymGroups,
  updateKnowledgeEntry,
  updateSynonymGroup,
} from './knowledge.js'
import { FIGURE_READERS, KNOWLEDGE_EDITORS, KNOWLEDGE_READERS } from './policy.js'
import {
  ZEntry,
  ZEntryId,
  ZEntryInput,
  ZEntryList,
  ZEntryListQuery,
  ZEntryUpdate,
  ZFigures,
  ZFiguresQuery,
  ZHandled,
  ZHandleUnanswered,
  ZSynonym,
  ZSynonymInput,
  ZSynonymList,
  ZUnansweredList,
} from './schema.js'

const TAGS = ['assistant']
const READERS: RouteAccess = { kind: 'staff', roles: KNOWLEDGE_READERS }
const EDITORS: RouteAccess = { kind: 'staff', roles: KNOWLEDGE_EDITORS }
const FIGURES: RouteAccess = { kind: 'staff', roles: FIGURE_READERS }

/** The knowledge base and its synonyms: read by the contact centre, kept by supervisors and admins. */
function knowledgeRoutes(deps: AppDependencies): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/staff/assistant/entries',
      {
        config: { access: READERS },
        schema: {
          tags: TAGS,
          summary: 'The knowledge base, published or not',
          querystring: ZEntryListQuery,
          response: { 200: ZEntryList },
        },
      },
      async (request) => {
        const { topic, published } = request.query
        const items = await listKnowledgeEntries(serviceContext(deps, request), {
          topic,
          published: published === undefined ? undefined : published === 'true',
        })
        return { items }
      },
    )
    app.post(
      '/staff/assistant/entries',
      {
        config: { access: EDITORS },
        schema: { tags: TAGS, summary: 'Add an entry', body: ZEntryInput, response: { 201: ZEntry } },
      },
      async (request, reply) =>
        reply.code(201).send(await createKnowledgeEntry(serviceContext(deps, request), request.body)),
    )
    app.get(
      '/staff/assistant/entries/:id',
      {
        config: { access: READERS },
        schema: { tags: TAGS, summary: 'One entry', params: ZEntryId, response: { 200: ZEntry } },
      },
      async (request) => getKnowledgeEntry(serviceContext(deps, request), request.params.id),
    )
    app.patch(
      '/staff/assistant/entries/:id',
      {
        config: { access: EDITORS },
        schema: {
          tags: TAGS,
          summary: 'Change an entry (publish or withdraw it with `published`)',
          params: ZEntryId,
          body: ZEntryUpdate,
          response: { 200: ZEntry },
        },
      },
      async (request) => updateKnowledgeEntry(serviceContext(deps, request), request.params.id, request.body),
    )
    app.delete(
      '/staff/assistant/entries/:id',
      { config: { access: EDITORS }, schema: { tags: TAGS, summary: 'Delete an entry', params: ZEntryId } },
      async (request, reply) => {
        await deleteKnowledgeEntry(serviceContext(deps, request), request.params.id)
        return reply.code(204).send()
      },
    )
    app.get(
      '/staff/assistant/synonyms',
      {
        config: { access: READERS },
        schema: { tags: TAGS, summary: 'The synonym groups', response: { 200: ZSynonymList } },
      },
      async (request) => ({ items: await listSynonymGroups(serviceContext(deps, request)) }),
    )
    app.post(
      '/staff/assistant/synonyms',
      {
        config: { access: EDITORS },
        schema: {
          tags: TAGS,
          summary: 'Add a group of words meaning the same',
          body: ZSynonymInput,
          response: { 201: ZSynonym },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await createSynonymGroup(serviceContext(deps, request), request.body)),
    )
    app.put(
      '/staff/assistant/synonyms/:id',
      {
        config: { access: EDITORS },
        schema: {
          tags: TAGS,
          summary: 'Replace a synonym group',
          params: ZEntryId,
          body: ZSynonymInput,
          response: { 200: ZSynonym },
        },
      },
      async (request) => updateSynonymGroup(serviceContext(deps, request), request.params.id, request.body),
    )
    app.delete(
      '/staff/assistant/synonyms/:id',
      {
        config: { access: EDITORS },
        schema: { tags: TAGS, summary: 'Delete a synonym group', params: ZEntryId },
      },
      async (request, reply) => {
        await deleteSynonymGroup(serviceContext(deps, request), request.params.id)
        return reply.code(204).send()
      },
    )
  }
}

/** Figures per month and the questions nobody answered. */
function improvementRoutes(deps: AppDependencies): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/staff/assistant/figures',
      {
        config: { access: FIGURES },
        schema: {
          tags: TAGS,
          summary: 'Sessions, questions, unanswered, ratings and hand-offs per month (YYYY-MM, at most 36)',
          querystring: ZFiguresQuery,
          response: { 200: ZFigures },
        },
      },
      async (request) => ({
        months: await getAssistantFigures(serviceContext(deps, request), request.query),
      }),
    )
    app.get(
      '/staff/assistant/unanswered',
      {
        config: { access: FIGURES },
        schema: {
          tags: TAGS,
          summary: 'Unanswered questions grouped by their normalised text, most asked first',
          response: { 200: ZUnansweredList },
        },
      },
      async (request) => ({ items: await listUnansweredQuestions(serviceContext(deps, request)) }),
    )
    app.post(
      '/staff/assistant/unanswered/handled',
      {
        config: { access: EDITORS },
        schema: {
          tags: TAGS,
          summary: 'Mark a group of unanswered questions handled by an entry',
          body: ZHandleUnanswered,
          response: { 200: ZHandled },
        },
      },
      async (request) => handleUnansweredQuestion(serviceContext(deps, request), request.body),
    )
  }
}

export function assistantStaffRoutes(deps: AppDependencies): FastifyPluginAsyncZod {
  return async (app) => {
    await app.register(knowledgeRoutes(deps))
    await app.register(improvementRoutes(deps))
  }
}
