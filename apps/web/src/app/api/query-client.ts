import { QueryClient } from '@tanstack/react-query'
import { isApiError } from './api-error'

const MAX_RETRIES = 2

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 60_000,
        refetchOnWindowFocus: false,
        // Asking again cannot fix a 4xx; it may fix a dropped connection or a restarting server.
        retry: (failureCount, error) =>
          failureCount < MAX_RETRIES && (!isApiError(error) || error.isRetryable),
      },
    },
  })
}
