/** Stable error codes: clients and tests key on these, never on message text. */
export const ERROR_CODES = {
  VALIDATION_FAILED: 400,
  MALFORMED_BODY: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  STEP_UP_REQUIRED: 403,
  CSRF_FAILED: 403,
  NOT_FOUND: 404,
  ROUTE_NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  SERVICE_UNAVAILABLE: 503,
} as const

export type ErrorCode = keyof typeof ERROR_CODES

export interface FieldError {
  path: string
  message: string
}

/**
 * The one error type of the platform. `messageKey` points at the i18n catalogue so the citizen reads
 * the reason in their language; `internalDetail` goes to the logs only.
 */
export class AppError extends Error {
  readonly status: number

  constructor(
    readonly code: ErrorCode,
    options: {
      messageKey?: string
      params?: Record<string, string | number>
      fieldErrors?: FieldError[]
      internalDetail?: string
      status?: number
      headers?: Record<string, string>
      /** Extra members of the problem document that clients act on (RFC 9457 extensions). */
      extensions?: Record<string, string | number | boolean>
    } = {},
  ) {
    super(options.internalDetail ?? code)
    this.status = options.status ?? ERROR_CODES[code]
    this.messageKey = options.messageKey
    this.params = options.params ?? {}
    this.fieldErrors = options.fieldErrors
    this.headers = options.headers ?? {}
    this.extensions = options.extensions ?? {}
  }

  readonly extensions: Record<string, string | number | boolean>

  readonly messageKey: string | undefined
  readonly params: Record<string, string | number>
  readonly fieldErrors: FieldError[] | undefined
  readonly headers: Record<string, string>
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError
}
