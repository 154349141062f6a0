import cookie from '@fastify/cookie'
import helmet from '@fastify/helmet'
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify'
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod'
import { cityRoutes } from './modules/city/routes.js'
import { requireRouteAccessDeclarations } from './platform/http/access.js'
import type { AppDependencies } from './platform/http/dependencies.js'
import { healthRoutes } from './platform/http/health.js'
import { registerOpenApi } from './platform/http/openapi.js'
import { registerNotFoundHandler, registerProblemHandlers } from './platform/http/problem.js'
import { generateRequestId, registerRequestContext } from './platform/http/request-context.js'
import { registerWebApp } from './platform/http/web-app.js'

export interface BuildAppOptions {
  /** Serve the built web app (off in API tests, on when running). */
  serveWebApp?: boolean
}

const CONTENT_SECURITY_POLICY = {
  directives: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'", "'unsafe-inline'"],
    imgSrc: ["'self'", 'data:'],
    fontSrc: ["'self'", 'data:'],
    connectSrc: ["'self'"],
    frameAncestors: ["'none'"],
    formAction: ["'self'"],
    baseUri: ["'self'"],
    objectSrc: ["'none'"],
    upgradeInsecureRequests: null,
  },
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
    disableRequestLogging: false,
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
    return503OnClosing: true,
    routerOptions: { maxParamLength: 200 },
  }).withTypeProvider<ZodTypeProvider>()

  app.setValidatorCompiler(validatorCompiler)
  app.setSerializerCompiler(serializerCompiler)
  registerRequestContext(app, config.defaultLocale)
  registerProblemHandlers(app)
  requireRouteAccessDeclarations(app)

  await app.register(helmet, {
    contentSecurityPolicy: CONTENT_SECURITY_POLICY,
    // HSTS only makes sense behind TLS; production sets PUBLIC_URL to https.
    strictTransportSecurity: config.publicUrl.startsWith('https://') ? { maxAge: 31_536_000 } : false,
  })
  await app.register(cookie)
  await registerOpenApi(app, config.publicUrl)

  let shuttingDown = false
  app.addHook('preClose', async () => {
    shuttingDown = true
  })
  await app.register(healthRoutes(deps, { shuttingDown: () => shuttingDown }))
  await app.register(
    async (api) => {
      await api.register(cityRoutes(deps))
    },
    { prefix: '/api/v1' },
  )

  registerNotFoundHandler(app, options.serveWebApp ? await registerWebApp(app, config.webDistDir) : undefined)
  return app
}
