import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query'
import { SESSION_QUERY_KEY } from '../session/session-query-key'
import { isApiError } from './api-error'

const MAX_RETRIES = 2

export function createQueryClient(): QueryClient {
  // A 401 on any call means the session ended (idle, signed out elsewhere): ask who is signed in
  // again, so guarded pages send the person to the login page instead of showing a broken screen.
  const onError = (error: unknown) => {
    if (isApiError(error) && error.code === 'UNAUTHENTICATED') {
      void client.invalidateQueries({ queryKey: SESSION_QUERY_KEY })
    }
  }
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError }),
    mutationCache: new MutationCache({ onError }),
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
  return client
}
