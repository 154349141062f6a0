import { currentLanguage, i18n } from '../i18n/i18n'
import { ApiError, parseProblemDocument } from './api-error'
import { CSRF_HEADER, changesState, csrfToken, rememberCsrfToken } from './csrf-token'

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'

export interface ApiRequest<T> {
  path: string
  method?: HttpMethod
  body?: unknown
  /** A body sent as it is (a CSV roll, a PDF) instead of JSON. */
  rawBody?: { contentType: string; data: BodyInit }
  signal?: AbortSignal
  /** Checks the shape of the answer and narrows its type; throw to reject it. */
  parse: (value: unknown) => T
}

const API_PREFIX = '/api/v1'

function isJsonContentType(contentType: string | null): boolean {
  return contentType !== null && /\bjson\b/i.test(contentType)
}

async function readJson(response: Response): Promise<unknown> {
  if (!isJsonContentType(response.headers.get('content-type'))) return undefined
  try {
    return await response.json()
  } catch {
    return undefined
  }
}

async function toApiError(response: Response): Promise<ApiError> {
  const problem = parseProblemDocument(await readJson(response))
  if (problem) {
    return new ApiError({
      status: problem.status,
      code: problem.code,
      detail: problem.detail || i18n.t('errors.unexpected'),
      correlationId: problem.correlationId,
      fieldErrors: problem.errors,
      requiredLevel: problem.requiredLevel,
    })
  }
  return new ApiError({
    status: response.status,
    code: 'UNEXPECTED_RESPONSE',
    detail: i18n.t('errors.unexpected'),
    correlationId: response.headers.get('x-correlation-id') ?? undefined,
  })
}

function send<T>(request: ApiRequest<T>): Promise<Response> {
  const method = request.method ?? 'GET'
  const headers: Record<string, string> = {
    Accept: 'application/json, application/problem+json',
    'Accept-Language': currentLanguage(),
  }
  if (request.rawBody) headers['Content-Type'] = request.rawBody.contentType
  else if (request.body !== undefined) headers['Content-Type'] = 'application/json'
  const token = csrfToken()
  if (token && changesState(method)) headers[CSRF_HEADER] = token
  return fetch(`${API_PREFIX}${request.path}`, {
    method,
    headers,
    body: request.rawBody
      ? request.rawBody.data
      : request.body === undefined
        ? undefined
        : JSON.stringify(request.body),
    credentials: 'same-origin',
    signal: request.signal,
  })
}

/**
 * A sign-in in another tab (or a step-up) replaces the session and its CSRF token: read the current
 * token once so the change the person just asked for is not refused for a reason they cannot see.
 */
async function refreshCsrfToken(): Promise<boolean> {
  try {
    const response = await fetch(`${API_PREFIX}/session`, {
      headers: { Accept: 'application/json' },
      credentials: 'same-origin',
    })
    const session = (await readJson(response)) as { csrfToken?: unknown } | undefined
    const token = typeof session?.csrfToken === 'string' ? session.csrfToken : undefined
    rememberCsrfToken(token)
    return token !== undefined
  } catch {
    return false
  }
}

async function isCsrfRefusal(response: Response): Promise<boolean> {
  if (response.status !== 403) return false
  const problem = parseProblemDocument(await readJson(response.clone()))
  return problem?.code === 'CSRF_FAILED'
}

/** Calls the Civico API and returns the parsed answer, or throws an ApiError whose detail can be shown. */
export async function apiRequest<T>(request: ApiRequest<T>): Promise<T> {
  let response: Response
  try {
    response = await send(request)
    if (
      changesState(request.method ?? 'GET') &&
      (await isCsrfRefusal(response)) &&
      (await refreshCsrfToken())
    ) {
      response = await send(request)
    }
  } catch (error) {
    if (request.signal?.aborted) throw error
    throw new ApiError({ status: 0, code: 'NETWORK_ERROR', detail: i18n.t('errors.network') })
  }

  if (!response.ok) throw await toApiError(response)
  if (response.status === 204) return request.parse(undefined)

  const payload = await readJson(response)
  try {
    return request.parse(payload)
  } catch {
    throw new ApiError({
      status: response.status,
      code: 'INVALID_RESPONSE',
      detail: i18n.t('errors.invalidResponse'),
    })
  }
}
