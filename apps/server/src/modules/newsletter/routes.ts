import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { PUBLIC, type RouteAccess } from '../../platform/http/access.js'
import type { AppDependencies } from '../../platform/http/dependencies.js'
import { acceptFormPosts } from '../../platform/http/form-body.js'
import { limitPerAddress } from '../../platform/http/rate-limit.js'
import { serviceContext } from '../../platform/http/service-context.js'
import { translate } from '../../platform/i18n.js'
import {
  changeCampaign,
  changeTopic,
  createCampaign,
  createTopic,
  getStaffCampaign,
  listStaffCampaigns,
  listStaffTopics,
  sendCampaign,
} from './campaign-service.js'
import { newsletterDeps } from './jobs.js'
import {
  ZCampaign,
  ZCampaignChange,
  ZCampaignInput,
  ZCampaignParam,
  ZOneClickQuery,
  ZPublicTopic,
  ZStaffTopic,
  ZSubscribeInput,
  ZSubscribeResult,
  ZSubscription,
  ZTokenInput,
  ZTopicChange,
  ZTopicInput,
  ZTopicParam,
  ZUnsubscribeInput,
} from './schema.js'
import {
  confirmSubscription,
  describeSubscription,
  listPublicTopics,
  requestSubscription,
  unsubscribe,
} from './service.js'

/** The communication office writes campaigns; administrators may too. */
const COMMUNICATION: RouteAccess = { kind: 'staff', roles: ['analyst', 'admin'] }
const TAGS = ['newsletter']

/** Subscribing sends an e-mail: limited per address so the form cannot flood someone's mailbox. */
function subscriptionRoutes(deps: AppDependencies): FastifyPluginAsyncZod {
  return async (app) => {
    await limitPerAddress(app, {
      max: deps.config.newsletter.subscribeLimitPerMinute,
      timeWindowMs: 60_000,
      what: 'newsletter subscription',
    })

    app.post(
      '/newsletter/subscriptions',
      {
        config: { access: PUBLIC },
        schema: {
          tags: TAGS,
          summary: 'Subscribe an e-mail address: a confirmation link is sent (double opt-in)',
          body: ZSubscribeInput,
          response: { 202: ZSubscribeResult },
        },
      },
      async (request, reply) => {
        const result = await requestSubscription(
          serviceContext(deps, request),
          newsletterDeps(deps),
          request.body,
        )
        return reply.code(202).send(result)
      },
    )

    app.post(
      '/newsletter/subscriptions/confirm',
      {
        config: { access: PUBLIC },
        schema: {
          tags: TAGS,
          summary: 'Confirm a subscription with the token of the confirmation e-mail',
          body: ZTokenInput,
          response: { 200: ZSubscription },
        },
      },
      async (request) => confirmSubscription(serviceContext(deps, request), request.body.token),
    )
  }
}

export function newsletterRoutes(deps: AppDependencies): FastifyPluginAsyncZod {
  return async (app) => {
    // RFC 8058: mail clients POST "List-Unsubscribe=One-Click" as a form; nothing else here takes forms.
    acceptFormPosts(app)
    await app.register(subscriptionRoutes(deps))

    app.get(
      '/newsletter/topics',
      {
        config: { access: PUBLIC },
        schema: {
          tags: TAGS,
          summary: 'Topics one can subscribe to',
          response: { 200: z.array(ZPublicTopic) },
        },
      },
      async (request) => listPublicTopics(serviceContext(deps, request)),
    )

    app.post(
      '/newsletter/subscription',
      {
        config: { access: PUBLIC },
        schema: {
          tags: TAGS,
          summary: 'Whose subscription an unsubscribe link belongs to (address masked)',
          body: ZTokenInput,
          response: { 200: ZSubscription },
        },
      },
      async (request, reply) => {
        reply.header('cache-control', 'no-store')
        return describeSubscription(serviceContext(deps, request), request.body.token)
      },
    )

    app.post(
      '/newsletter/unsubscribe',
      {
        config: { access: PUBLIC },
        schema: {
          tags: TAGS,
          summary: 'Leave the list from the link of a newsletter (idempotent)',
          body: ZUnsubscribeInput,
          response: { 200: ZSubscription },
        },
      },
      async (request) =>
        unsubscribe(serviceContext(deps, request), request.body.token, request.body.campaignId ?? null),
    )

    app.post(
      '/newsletter/one-click-unsubscribe',
      {
        config: { access: PUBLIC, csrf: false },
        schema: {
          tags: TAGS,
          summary: 'RFC 8058 one-click unsubscribe, POSTed by mail clients from the List-Unsubscribe header',
          querystring: ZOneClickQuery,
          body: z.object({ 'List-Unsubscribe': z.literal('One-Click') }),
          response: { 200: z.object({ status: z.literal('unsubscribed'), message: z.string() }) },
        },
      },
      async (request) => {
        const ctx = serviceContext(deps, request)
        await unsubscribe(ctx, request.query.token, request.query.c ?? null)
        return {
          status: 'unsubscribed' as const,
          message: translate(ctx.meta.locale, 'newsletter.unsubscribed'),
        }
      },
    )

    app.get(
      '/newsletter/one-click-unsubscribe',
      {
        config: { access: PUBLIC },
        schema: {
          tags: TAGS,
          summary: 'A person (or a link scanner) opening the header link: sent to the page that asks first',
          querystring: ZOneClickQuery,
        },
      },
      async (request, reply) => {
        const query = new URLSearchParams({
          token: request.query.token,
          ...(request.query.c ? { c: request.query.c } : {}),
        })
        return reply.redirect(`/informami/disiscrizione?${query}`, 303)
      },
    )

    app.get(
      '/staff/newsletter/topics',
      {
        config: { access: COMMUNICATION },
        schema: {
          tags: TAGS,
          summary: 'Topics with their confirmed subscribers',
          response: { 200: z.array(ZStaffTopic) },
        },
      },
      async (request) => listStaffTopics(serviceContext(deps, request)),
    )

    app.post(
      '/staff/newsletter/topics',
      {
        config: { access: COMMUNICATION },
        schema: { tags: TAGS, summary: 'Add a topic', body: ZTopicInput, response: { 201: ZStaffTopic } },
      },
      async (request, reply) =>
        reply.code(201).send(await createTopic(serviceContext(deps, request), request.body)),
    )

    app.patch(
      '/staff/newsletter/topics/:id',
      {
        config: { access: COMMUNICATION },
        schema: {
          tags: TAGS,
          summary: 'Rename, reorder or retire a topic',
          params: ZTopicParam,
          body: ZTopicChange,
          response: { 200: ZStaffTopic },
        },
      },
      async (request) => changeTopic(serviceContext(deps, request), request.params.id, request.body),
    )

    app.get(
      '/staff/newsletter/campaigns',
      {
        config: { access: COMMUNICATION },
        schema: {
          tags: TAGS,
          summary: 'Campaigns, newest first, with their counts',
          response: { 200: z.array(ZCampaign) },
        },
      },
      async (request, reply) => {
        reply.header('cache-control', 'no-store')
        return listStaffCampaigns(serviceContext(deps, request))
      },
    )

    app.post(
      '/staff/newsletter/campaigns',
      {
        config: { access: COMMUNICATION },
        schema: {
          tags: TAGS,
          summary: 'Write a campaign (a draft)',
          body: ZCampaignInput,
          response: { 201: ZCampaign },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await createCampaign(serviceContext(deps, request), request.body)),
    )

    app.get(
      '/staff/newsletter/campaigns/:id',
      {
        config: { access: COMMUNICATION },
        schema: {
          tags: TAGS,
          summary: 'A campaign and its counts: queued, sent, failed, skipped, unsubscribed',
          params: ZCampaignParam,
          response: { 200: ZCampaign },
        },
      },
      async (request, reply) => {
        reply.header('cache-control', 'no-store')
        return getStaffCampaign(serviceContext(deps, request), request.params.id)
      },
    )

    app.patch(
      '/staff/newsletter/campaigns/:id',
      {
        config: { access: COMMUNICATION },
        schema: {
          tags: TAGS,
          summary: 'Change a draft',
          params: ZCampaignParam,
          body: ZCampaignChange,
          response: { 200: ZCampaign },
        },
      },
      async (request) => changeCampaign(serviceContext(deps, request), request.params.id, request.body),
    )

    app.post(
      '/staff/newsletter/campaigns/:id/send',
      {
        config: { access: COMMUNICATION },
        schema: {
          tags: TAGS,
          summary: 'Send a draft to every confirmed subscriber of its topics, throttled to the relay’s rate',
          params: ZCampaignParam,
          response: { 202: ZCampaign },
        },
      },
      async (request, reply) =>
        reply.code(202).send(
          await sendCampaign(serviceContext(deps, request), request.params.id, {
            maxPerSecond: deps.config.newsletter.maxPerSecond,
          }),
        ),
    )
  }
}
