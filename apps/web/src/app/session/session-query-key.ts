/** Cache key of `GET /api/v1/session`; the query client refreshes it when a call says the session ended. */
export const SESSION_QUERY_KEY = ['session'] as const
