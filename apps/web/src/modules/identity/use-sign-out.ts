import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useNavigate } from 'react-router'
import { rememberCsrfToken } from '../../app/api/csrf-token'
import { forgetOfflineData } from '../../app/pwa/offline'
import { endAllSessions, endSession, type Session } from '../../app/session/session-api'
import { SESSION_QUERY_KEY } from '../../app/session/session-query-key'
import type { ShellNotice } from './shell-notice'

/**
 * After signing out nothing of the person may stay in memory or on the device: every cached answer goes, except the
 * city profile, which is public. Then the home page says what happened.
 */
function useForgetSession() {
  const queryClient = useQueryClient()
  const navigate = useNavigate()
  return (notice: ShellNotice) => {
    rememberCsrfToken(undefined)
    void forgetOfflineData()
    queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== 'city' })
    queryClient.setQueryData<Session>(SESSION_QUERY_KEY, { authenticated: false })
    navigate('/', { state: { notice } })
  }
}

export function useSignOut() {
  const forget = useForgetSession()
  return useMutation({
    mutationFn: endSession,
    onSuccess: () => forget({ kind: 'signedOut' }),
  })
}

export function useSignOutEverywhere() {
  const forget = useForgetSession()
  return useMutation({
    mutationFn: endAllSessions,
    onSuccess: (result) => forget({ kind: 'signedOutEverywhere', count: result.endedSessions }),
  })
}
