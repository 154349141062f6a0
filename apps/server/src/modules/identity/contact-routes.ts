import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { RouteAccess } from '../../platform/http/access.js'
import type { AppDependencies } from '../../platform/http/dependencies.js'
import { serviceContext } from '../../platform/http/service-context.js'
import { createMessageSenders } from '../../platform/outbox/senders.js'
import { notifyDeps } from '../notifications/jobs.js'
import {
  ZContactVerificationInput,
  ZEmailChangeInput,
  ZMobileChangeInput,
  ZMyAccount,
  ZMyPreferencesInput,
} from './contact-schema.js'
import { getMyAccount, requestContactChange, updateMyPreferences, verifyContact } from './contact-service.js'

// Contacts and language are low-risk, and a citizen signed in at SPID level 1 must be able to set them.
const CITIZEN_ANY_LEVEL: RouteAccess = { kind: 'citizen', minimumLevel: 1 }
const TAGS = ['identity']

/** The citizen's own profile: contacts verified by one-time code, language. */
export function contactRoutes(deps: AppDependencies): FastifyPluginAsyncZod {
  return async (app) => {
    const senders = () => createMessageSenders(deps.config, deps.db)

    app.get(
      '/me',
      {
        config: { access: CITIZEN_ANY_LEVEL },
        schema: {
          tags: TAGS,
          summary: 'The signed-in citizen’s profile and contacts',
          response: { 200: ZMyAccount },
        },
      },
      async (request, reply) => {
        reply.header('cache-control', 'no-store')
        return getMyAccount(serviceContext(deps, request))
      },
    )

    app.patch(
      '/me',
      {
        config: { access: CITIZEN_ANY_LEVEL },
        schema: {
          tags: TAGS,
          summary: 'Change the language of messages and pages',
          body: ZMyPreferencesInput,
          response: { 200: ZMyAccount },
        },
      },
      async (request) => updateMyPreferences(serviceContext(deps, request), request.body),
    )

    app.put(
      '/me/contacts/email',
      {
        config: { access: CITIZEN_ANY_LEVEL },
        schema: {
          tags: TAGS,
          summary: 'Set a new e-mail address, pending until its one-time code is entered',
          description: 'Sends a 6-digit code valid 10 minutes. At most 5 codes an hour (then 429).',
          body: ZEmailChangeInput,
          response: { 200: ZMyAccount },
        },
      },
      async (request) =>
        requestContactChange(serviceContext(deps, request), senders(), {
          channel: 'email',
          value: request.body.email,
        }),
    )

    app.put(
      '/me/contacts/mobile',
      {
        config: { access: CITIZEN_ANY_LEVEL },
        schema: {
          tags: TAGS,
          summary: 'Set a new mobile number, pending until its one-time code is entered',
          description: 'Sends a 6-digit code by SMS, valid 10 minutes. At most 5 codes an hour (then 429).',
          body: ZMobileChangeInput,
          response: { 200: ZMyAccount },
        },
      },
      async (request) =>
        requestContactChange(serviceContext(deps, request), senders(), {
          channel: 'sms',
          value: request.body.mobile,
        }),
    )

    app.post(
      '/me/contacts/verify',
      {
        config: { access: CITIZEN_ANY_LEVEL },
        schema: {
          tags: TAGS,
          summary: 'Confirm a pending contact with its one-time code',
          description:
            'A wrong code answers 400 with the attempts left; an expired, superseded or burnt code (5 wrong ' +
            'attempts) answers 409: ask for a new one.',
          body: ZContactVerificationInput,
          response: { 200: ZMyAccount },
        },
      },
      async (request) => verifyContact(serviceContext(deps, request), notifyDeps(deps), request.body),
    )
  }
}
