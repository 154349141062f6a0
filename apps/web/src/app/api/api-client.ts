import { currentLanguage, i18n } from '../i18n/i18n'
import { ApiError, parseProblemDocument } from './api-error'

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'

export interface ApiRequest<T> {
  path: string
  method?: HttpMethod
  body?: unknown
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
    })
  }
  return new ApiError({
    status: response.status,
    code: 'UNEXPECTED_RESPONSE',
    detail: i18n.t('errors.unexpected'),
    correlationId: response.headers.get('x-correlation-id') ?? undefined,
  })
}

/** Calls the Civico API and returns the parsed answer, or throws an ApiError whose detail can be shown. */
export async function apiRequest<T>(request: ApiRequest<T>): Promise<T> {
  const headers: Record<string, string> = {
    Accept: 'application/json, application/problem+json',
    'Accept-Language': currentLanguage(),
  }
  if (request.body !== undefined) headers['Content-Type'] = 'application/json'

  let response: Response
  try {
    response = await fetch(`${API_PREFIX}${request.path}`, {
      method: request.method ?? 'GET',
      headers,
      body: request.body === undefined ? undefined : JSON.stringify(request.body),
      credentials: 'same-origin',
      signal: request.signal,
    })
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
