/** One invalid field, as listed by the server in a validation problem. */
export interface ProblemFieldError {
  path: string
  message: string
}

/** RFC 9457 problem document, as the Civico API sends it with `application/problem+json`. */
export interface ProblemDocument {
  type: string
  title: string
  status: number
  detail: string
  code: string
  correlationId?: string
  instance?: string
  errors?: ProblemFieldError[]
  /** With STEP_UP_REQUIRED: the sign-in level the operation needs. */
  requiredLevel?: number
}

/**
 * The one error the API client throws. `detail` is already in the visitor's language and safe to
 * show; `code` is stable and is what code should branch on. Besides the server's codes, the client
 * uses NETWORK_ERROR, UNEXPECTED_RESPONSE and INVALID_RESPONSE when no problem document was read.
 */
export class ApiError extends Error {
  readonly status: number
  readonly code: string
  readonly detail: string
  readonly correlationId: string | undefined
  readonly fieldErrors: ProblemFieldError[]
  readonly requiredLevel: number | undefined

  constructor(options: {
    status: number
    code: string
    detail: string
    correlationId?: string
    fieldErrors?: ProblemFieldError[]
    requiredLevel?: number
  }) {
    super(options.detail)
    this.name = 'ApiError'
    this.status = options.status
    this.code = options.code
    this.detail = options.detail
    this.correlationId = options.correlationId
    this.fieldErrors = options.fieldErrors ?? []
    this.requiredLevel = options.requiredLevel
  }

  /**
   * The server's message for one input, if it named it. Paths read "body.email" or
   * "body.scopes.0"; a form asks with the field's own name ("email", "scopes").
   */
  fieldError(field: string): string | undefined {
    const names = [field, `body.${field}`]
    const match = this.fieldErrors.find((entry) =>
      names.some((name) => entry.path === name || entry.path.startsWith(`${name}.`)),
    )
    return match?.message
  }

  /** Client errors will not change by asking again; server and network errors might. */
  get isRetryable(): boolean {
    return this.status === 0 || this.status >= 500 || this.status === 429
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function readFieldErrors(value: unknown): ProblemFieldError[] | undefined {
  if (!Array.isArray(value)) return undefined
  return value.filter(
    (entry): entry is ProblemFieldError =>
      isRecord(entry) && typeof entry.path === 'string' && typeof entry.message === 'string',
  )
}

/** Reads a problem document defensively: a proxy or an old server may send something else. */
export function parseProblemDocument(value: unknown): ProblemDocument | undefined {
  if (!isRecord(value)) return undefined
  const { type, title, status, detail, code, correlationId, instance, errors, requiredLevel } = value
  if (typeof status !== 'number' || typeof code !== 'string') return undefined
  return {
    type: typeof type === 'string' ? type : 'about:blank',
    title: typeof title === 'string' ? title : '',
    status,
    detail: typeof detail === 'string' ? detail : typeof title === 'string' ? title : '',
    code,
    correlationId: typeof correlationId === 'string' ? correlationId : undefined,
    instance: typeof instance === 'string' ? instance : undefined,
    errors: readFieldErrors(errors),
    requiredLevel: typeof requiredLevel === 'number' ? requiredLevel : undefined,
  }
}
