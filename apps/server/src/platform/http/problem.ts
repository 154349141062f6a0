import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod'
import { AppError, type ErrorCode, type FieldError, isAppError } from '../errors.js'
import { hasMessage, type Locale, translate } from '../i18n.js'

export interface ProblemDocument {
  [extension: string]: unknown
  type: string
  title: string
  status: number
  detail: string
  instance: string
  code: ErrorCode
  correlationId: string
  errors?: FieldError[]
}

const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'MALFORMED_BODY',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'MALFORMED_BODY',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'MALFORMED_BODY',
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_VALIDATION: 'VALIDATION_FAILED',
}

// PostgreSQL SQLSTATEs a request can cause or suffer without it being our bug.
const CONFLICT_STATES = new Set(['23505', '23P01', '40001', '40P01'])
const UNAVAILABLE_STATES = new Set(['57P01', '57P02', '57P03', '08000', '08001', '08003', '08006', '53300'])
const UNAVAILABLE_ERRNOS = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND'])
const POOL_TIMEOUT = /timeout exceeded when trying to connect/

const STATUS_FALLBACK: Record<number, ErrorCode> = {
  400: 'VALIDATION_FAILED',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE_LIMITED',
  503: 'SERVICE_UNAVAILABLE',
}

function kebab(code: ErrorCode): string {
  return code.toLowerCase().replace(/_/g, '-')
}

function validationMessage(locale: Locale, keyword: string): string {
  const key = `validation.${keyword}`
  return hasMessage(locale, key) ? translate(locale, key) : translate(locale, 'validation.custom')
}

/** Turns anything thrown while handling a request into a known AppError; unknown errors stay unknown. */
export function classifyError(error: unknown, locale: Locale): AppError | undefined {
  if (isAppError(error)) return error
  if (hasZodFastifySchemaValidationErrors(error)) {
    const place = (error as FastifyError).validationContext ?? 'body'
    const fieldErrors = error.validation.map((issue) => {
      const missing = issue.keyword === 'invalid_type' && /received undefined/.test(issue.message ?? '')
      return {
        path: `${place}${issue.instancePath.replace(/\//g, '.')}`.replace(/\.$/, ''),
        message: validationMessage(locale, missing ? 'required' : issue.keyword),
      }
    })
    return new AppError('VALIDATION_FAILED', { fieldErrors })
  }
  const thrown = error as Partial<FastifyError> & { errno?: string; code?: string; cause?: unknown }
  // The ORM wraps the driver's error: its SQLSTATE or errno is on the cause.
  const candidate = (
    !thrown.code && thrown.cause && typeof thrown.cause === 'object' ? thrown.cause : thrown
  ) as Partial<FastifyError> & { errno?: string; code?: string }
  if (candidate.code && FASTIFY_CODES[candidate.code]) {
    return new AppError(FASTIFY_CODES[candidate.code] as ErrorCode, { internalDetail: candidate.message })
  }
  if (typeof candidate.code === 'string' && CONFLICT_STATES.has(candidate.code)) {
    return new AppError('CONFLICT', { internalDetail: candidate.message })
  }
  if (
    (typeof candidate.code === 'string' &&
      (UNAVAILABLE_STATES.has(candidate.code) || UNAVAILABLE_ERRNOS.has(candidate.code))) ||
    // The pool's wait for a free connection ran out: the database is overloaded, not broken.
    POOL_TIMEOUT.test(candidate.message ?? '')
  ) {
    return new AppError('SERVICE_UNAVAILABLE', {
      internalDetail: candidate.message,
      headers: { 'retry-after': '5' },
    })
  }
  const status = candidate.statusCode
  if (typeof status === 'number' && status >= 400 && status < 500 && STATUS_FALLBACK[status]) {
    return new AppError(STATUS_FALLBACK[status] as ErrorCode, { internalDetail: candidate.message, status })
  }
  return undefined
}

export function renderProblem(error: AppError, request: FastifyRequest): ProblemDocument {
  const locale = request.locale
  const params = { ...error.params, correlationId: request.id }
  const problem: ProblemDocument = {
    type: `urn:civico:problem:${kebab(error.code)}`,
    title: translate(locale, `problem.${error.code}.title`),
    status: error.status,
    detail: translate(locale, error.messageKey ?? `problem.${error.code}.detail`, params),
    instance: request.url.split('?')[0] ?? request.url,
    code: error.code,
    correlationId: request.id,
  }
  if (error.fieldErrors?.length) problem.errors = error.fieldErrors
  return { ...error.extensions, ...problem }
}

export function sendProblem(reply: FastifyReply, request: FastifyRequest, error: AppError): FastifyReply {
  for (const [name, value] of Object.entries(error.headers)) reply.header(name, value)
  return reply
    .status(error.status)
    .type('application/problem+json; charset=utf-8')
    .header('content-language', request.locale)
    .send(renderProblem(error, request))
}

export function registerProblemHandlers(app: FastifyInstance): void {
  app.setErrorHandler((error, request, reply) => {
    const known = classifyError(error, request.locale)
    if (known) {
      if (known.status >= 500) request.log.warn({ err: error }, 'request failed: %s', known.code)
      else request.log.info({ code: known.code, detail: known.message }, 'request refused')
      return sendProblem(reply, request, known)
    }
    request.log.error({ err: error }, 'unexpected error')
    return sendProblem(reply, request, new AppError('INTERNAL'))
  })
}

/** Unknown addresses: the web app may claim them (client-side routes), otherwise a 404 problem. */
export function registerNotFoundHandler(
  app: FastifyInstance,
  claim?: (request: FastifyRequest, reply: FastifyReply) => FastifyReply | undefined,
): void {
  app.setNotFoundHandler(
    (request, reply) =>
      claim?.(request, reply) ?? sendProblem(reply, request, new AppError('ROUTE_NOT_FOUND')),
  )
}
