import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { AppError } from '../../platform/errors.js'
import type { RouteAccess } from '../../platform/http/access.js'
import type { AppDependencies } from '../../platform/http/dependencies.js'
import { serviceContext } from '../../platform/http/service-context.js'
import {
  changeInboxMessage,
  getInboxMessage,
  getPreferences,
  getUnreadCount,
  listInbox,
  subscribeToPush,
  unsubscribeFromPush,
  updatePreferences,
} from './inbox-service.js'
import { ensurePushKeys } from './push-keys.js'
import {
  ZDeliveryParam,
  ZFailedDelivery,
  ZInboxMessage,
  ZInboxPage,
  ZInboxQuery,
  ZMessageChange,
  ZMessageParam,
  ZPreferences,
  ZPreferencesInput,
  ZPushKey,
  ZPushSubscriptionInput,
  ZRule,
  ZRuleChange,
  ZRuleParam,
} from './schema.js'
import {
  listFailedDeliveries,
  listRules,
  retryFailedDelivery,
  runRuleNow,
  switchRule,
} from './staff-service.js'
import { InboxStreams, inboxHubFor } from './stream.js'

const CITIZEN: RouteAccess = { kind: 'citizen' }
const RULE_MANAGERS: RouteAccess = { kind: 'staff', roles: ['admin', 'supervisor'] }

export function notificationRoutes(deps: AppDependencies): FastifyPluginAsyncZod {
  const ioEnabled = deps.config.io.kind !== 'off'
  return async (app) => {
    // Open streams never end by themselves: they are closed before the server stops taking requests.
    const streams = new InboxStreams()
    app.addHook('preClose', async () => streams.closeAll())

    app.get(
      '/notifications',
      {
        config: { access: CITIZEN },
        schema: {
          tags: ['notifications'],
          summary: 'The inbox: newest first, searchable',
          querystring: ZInboxQuery,
          response: { 200: ZInboxPage },
        },
      },
      async (request, reply) => {
        reply.header('cache-control', 'no-store')
        return listInbox(serviceContext(deps, request), request.query)
      },
    )

    app.get(
      '/notifications/stream',
      {
        config: { access: CITIZEN },
        schema: {
          tags: ['notifications'],
          summary: 'Server-sent events: `unread` with the count whenever the inbox changes',
          produces: ['text/event-stream'],
        },
      },
      async (request, reply) => {
        const ctx = serviceContext(deps, request)
        const fiscalCode = ctx.actor.type === 'citizen' ? ctx.actor.fiscalCode : ''
        reply.hijack()
        await streams.open(reply.raw, {
          hub: inboxHubFor(deps.database),
          fiscalCode,
          unreadCount: () => getUnreadCount(ctx),
        })
      },
    )

    app.get(
      '/notifications/:id',
      {
        config: { access: CITIZEN },
        schema: {
          tags: ['notifications'],
          summary: 'One message of the inbox',
          params: ZMessageParam,
          response: { 200: ZInboxMessage },
        },
      },
      async (request, reply) => {
        reply.header('cache-control', 'no-store')
        return getInboxMessage(serviceContext(deps, request), request.params.id)
      },
    )

    app.patch(
      '/notifications/:id',
      {
        config: { access: CITIZEN },
        schema: {
          tags: ['notifications'],
          summary: 'Mark a message read or unread, archive or restore it',
          params: ZMessageParam,
          body: ZMessageChange,
          response: { 200: ZInboxMessage },
        },
      },
      async (request) => changeInboxMessage(serviceContext(deps, request), request.params.id, request.body),
    )

    app.get(
      '/me/notification-preferences',
      {
        config: { access: CITIZEN },
        schema: {
          tags: ['notifications'],
          summary: 'Channels per topic and quiet hours',
          response: { 200: ZPreferences },
        },
      },
      async (request, reply) => {
        reply.header('cache-control', 'no-store')
        return getPreferences(serviceContext(deps, request), { ioEnabled })
      },
    )

    app.put(
      '/me/notification-preferences',
      {
        config: { access: CITIZEN },
        schema: {
          tags: ['notifications'],
          summary: 'Choose channels per topic and quiet hours (topics with legal messages keep one channel)',
          body: ZPreferencesInput,
          response: { 200: ZPreferences },
        },
      },
      async (request) => updatePreferences(serviceContext(deps, request), request.body, { ioEnabled }),
    )

    app.get(
      '/push/key',
      {
        config: { access: CITIZEN },
        schema: {
          tags: ['notifications'],
          summary: 'The VAPID public key browsers subscribe with',
          response: { 200: ZPushKey },
        },
      },
      async () => {
        const keys = await ensurePushKeys(deps.db).catch(() => {
          throw new AppError('SERVICE_UNAVAILABLE', { messageKey: 'notifications.push-not-configured' })
        })
        return { publicKey: keys.publicKey }
      },
    )

    app.post(
      '/push/subscriptions',
      {
        config: { access: CITIZEN },
        schema: {
          tags: ['notifications'],
          summary: "Register this browser's push subscription",
          body: ZPushSubscriptionInput,
          response: { 201: z.object({ id: z.uuid() }) },
        },
      },
      async (request, reply) => {
        const saved = await subscribeToPush(serviceContext(deps, request), {
          ...request.body,
          userAgent: request.headers['user-agent'] ?? null,
        })
        return reply.code(201).send(saved)
      },
    )

    app.post(
      '/push/subscriptions/remove',
      {
        config: { access: CITIZEN },
        schema: {
          tags: ['notifications'],
          summary: "Forget this browser's push subscription",
          body: z.object({ endpoint: z.url() }).strict(),
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        await unsubscribeFromPush(serviceContext(deps, request), request.body.endpoint)
        return reply.code(204).send(null)
      },
    )

    app.get(
      '/staff/notification-rules',
      {
        config: { access: RULE_MANAGERS },
        schema: {
          tags: ['notifications'],
          summary: 'Proactive rules, on or off, and their last run',
          response: { 200: z.array(ZRule) },
        },
      },
      async (request) => listRules(serviceContext(deps, request)),
    )

    app.patch(
      '/staff/notification-rules/:id',
      {
        config: { access: RULE_MANAGERS },
        schema: {
          tags: ['notifications'],
          summary: 'Switch a proactive rule on or off (audited)',
          params: ZRuleParam,
          body: ZRuleChange,
          response: { 200: ZRule },
        },
      },
      async (request) => switchRule(serviceContext(deps, request), request.params.id, request.body.enabled),
    )

    app.post(
      '/staff/notification-rules/:id/run',
      {
        config: { access: RULE_MANAGERS },
        schema: {
          tags: ['notifications'],
          summary: 'Run a rule for today now (idempotent: reminders already sent are not repeated)',
          params: ZRuleParam,
          response: { 200: z.object({ sent: z.number().int() }) },
        },
      },
      async (request) => runRuleNow(serviceContext(deps, request), request.params.id, deps),
    )

    app.get(
      '/staff/notification-deliveries/failed',
      {
        config: { access: RULE_MANAGERS },
        schema: {
          tags: ['notifications'],
          summary: 'Deliveries that ran out of retries (the dead letters), newest first',
          response: { 200: z.array(ZFailedDelivery) },
        },
      },
      async (request, reply) => {
        reply.header('cache-control', 'no-store')
        return listFailedDeliveries(serviceContext(deps, request))
      },
    )

    app.post(
      '/staff/notification-deliveries/:messageId/:channel/retry',
      {
        config: { access: RULE_MANAGERS },
        schema: {
          tags: ['notifications'],
          summary: 'Queue a failed delivery again (audited)',
          params: ZDeliveryParam,
          response: { 202: z.null() },
        },
      },
      async (request, reply) => {
        await retryFailedDelivery(serviceContext(deps, request), request.params)
        return reply.code(202).send(null)
      },
    )
  }
}
