import cookie from '@fastify/cookie'
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify'
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod'
import { appointmentAdminRoutes } from './modules/appointments/admin-routes.js'
import { appointmentDeskRoutes } from './modules/appointments/desk-routes.js'
import { appointmentRoutes } from './modules/appointments/routes.js'
import { appointmentStaffRoutes } from './modules/appointments/staff-routes.js'
import { assistantRoutes } from './modules/assistant/public-routes.js'
import { assistantStaffRoutes } from './modules/assistant/staff-routes.js'
import { catalogueRoutes } from './modules/catalogue/routes.js'
import { certificateRoutes } from './modules/certificates/routes.js'
import { cityRoutes } from './modules/city/routes.js'
import { deadlineRoutes } from './modules/deadlines/routes.js'
import { folderRoutes } from './modules/folder/routes.js'
import { adminRoutes } from './modules/identity/admin-routes.js'
import { registerAuthentication } from './modules/identity/authentication.js'
import { contactRoutes } from './modules/identity/contact-routes.js'
import { delegationRoutes } from './modules/identity/delegation-routes.js'
import { registerDevIdentityProvider } from './modules/identity/dev-idp/routes.js'
import { oidcRoutes } from './modules/identity/oidc-routes.js'
import { sessionRoutes } from './modules/identity/session-routes.js'
import { newsletterRoutes } from './modules/newsletter/routes.js'
import { notificationRoutes } from './modules/notifications/routes.js'
import { paymentRoutes } from './modules/payments/routes.js'
import { sandboxCheckoutRoutes } from './modules/payments/sandbox-routes.js'
import { paymentStaffRoutes } from './modules/payments/staff-routes.js'
import { registryRoutes } from './modules/registry/routes.js'
import { open311Routes } from './modules/reports/open311-routes.js'
import { reportRoutes } from './modules/reports/routes.js'
import { callRoutes } from './modules/tickets/call-routes.js'
import { citizenTicketRoutes } from './modules/tickets/citizen-routes.js'
import { integrationRoutes } from './modules/tickets/integration-routes.js'
import { inboundMailRoutes } from './modules/tickets/mail-routes.js'
import { staffTicketRoutes } from './modules/tickets/staff-routes.js'
import { publicTaxonomyRoutes, supervisorTicketRoutes } from './modules/tickets/supervisor-routes.js'
import { timelineRoutes } from './modules/tickets/timeline-routes.js'
import { ticketWriteRoutes } from './modules/tickets/write-routes.js'
import { requireRouteAccessDeclarations } from './platform/http/access.js'
import { registerAccessLog } from './platform/http/access-log.js'
import type { AppDependencies } from './platform/http/dependencies.js'
import { healthRoutes } from './platform/http/health.js'
import { registerOpenApi } from './platform/http/openapi.js'
import { registerNotFoundHandler, registerProblemHandlers } from './platform/http/problem.js'
import { generateRequestId, registerRequestContext } from './platform/http/request-context.js'
import { securityHeadersByPath } from './platform/http/security-headers.js'
import { registerWebApp } from './platform/http/web-app.js'
import { registerDevOutbox } from './platform/outbox/dev-outbox-page.js'

export interface BuildAppOptions {
  /** Serve the built web app (off in API tests, on when running). */
  serveWebApp?: boolean
}

export async function buildApp(
  deps: AppDependencies,
  options: BuildAppOptions = {},
): Promise<FastifyInstance> {
  const { config } = deps
  const app = Fastify({
    loggerInstance: deps.logger as FastifyBaseLogger,
    genReqId: generateRequestId,
    requestIdLogLabel: 'requestId',
    disableRequestLogging: true,
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
    return503OnClosing: true,
    routerOptions: { maxParamLength: 200 },
  }).withTypeProvider<ZodTypeProvider>()

  app.setValidatorCompiler(validatorCompiler)
  app.setSerializerCompiler(serializerCompiler)
  // HSTS only makes sense behind TLS; production sets PUBLIC_URL to https.
  registerRequestContext(
    app,
    config.defaultLocale,
    securityHeadersByPath({ https: config.publicUrl.startsWith('https://') }),
  )
  registerProblemHandlers(app)
  registerAccessLog(app)
  requireRouteAccessDeclarations(app)

  // Cookies are parsed by the authentication hook, only for requests that carry any (see ADR 4).
  await app.register(cookie, { hook: false })
  registerAuthentication(app, deps)
  await registerOpenApi(app, config.publicUrl)

  let shuttingDown = false
  app.addHook('preClose', async () => {
    shuttingDown = true
  })
  await app.register(healthRoutes(deps, { shuttingDown: () => shuttingDown }))
  await app.register(
    async (api) => {
      await api.register(cityRoutes(deps))
      await api.register(sessionRoutes(deps))
      await api.register(registryRoutes(deps))
      await api.register(folderRoutes(deps))
      await api.register(deadlineRoutes(deps))
      await api.register(notificationRoutes(deps))
      await api.register(newsletterRoutes(deps))
      await api.register(paymentRoutes(deps))
      await api.register(paymentStaffRoutes(deps))
      await api.register(catalogueRoutes(deps))
      await api.register(certificateRoutes(deps))
      await api.register(appointmentRoutes(deps))
      await api.register(appointmentStaffRoutes(deps))
      await api.register(appointmentDeskRoutes(deps))
      await api.register(appointmentAdminRoutes(deps))
      await api.register(contactRoutes(deps))
      await api.register(timelineRoutes(deps))
      await api.register(delegationRoutes(deps))
      await api.register(ticketWriteRoutes(deps))
      await api.register(citizenTicketRoutes(deps))
      await api.register(callRoutes(deps))
      await api.register(inboundMailRoutes(deps))
      await api.register(integrationRoutes(deps))
      await api.register(staffTicketRoutes(deps))
      await api.register(supervisorTicketRoutes(deps))
      await api.register(publicTaxonomyRoutes(deps))
      await api.register(assistantRoutes(deps))
      await api.register(assistantStaffRoutes(deps))
      await api.register(reportRoutes(deps))
      await api.register(adminRoutes(deps), { prefix: '/admin' })
    },
    { prefix: '/api/v1' },
  )

  // Browser redirects of the sign-in flows live outside /api: they answer with pages and redirects.
  await app.register(
    oidcRoutes(deps, { rateLimit: { max: config.signInRateLimitPerMinute, timeWindowMs: 60_000 } }),
    { prefix: '/auth' },
  )
  // Open311 GeoReport v2 lives at the path its clients expect, outside the versioned API.
  await app.register(open311Routes(deps), { prefix: '/open311/v2' })
  if (config.devIdentityProvider) await registerDevIdentityProvider(app, deps)
  await registerDevOutbox(app, deps)
  if (config.payments.provider.kind === 'sandbox') await app.register(sandboxCheckoutRoutes(deps))

  registerNotFoundHandler(app, options.serveWebApp ? await registerWebApp(app, config.webDistDir) : undefined)
  return app
}
