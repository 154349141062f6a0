import { useQueryClient } from '@tanstack/react-query'
import { useCallback, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useLocation, useNavigate } from 'react-router'
import { isApiError } from '../../app/api/api-error'
import { rememberCsrfToken } from '../../app/api/csrf-token'
import { formatTime } from '../../app/i18n/format'
import { forgetOfflineData } from '../../app/pwa/offline'
import { requestHeartbeat, type Session, useSignedInSession } from '../../app/session/session-api'
import { SESSION_QUERY_KEY } from '../../app/session/session-query-key'
import { ModalDialog } from '../../app/ui/modal-dialog'
import { useSignOut } from './use-sign-out'

/** How often an open page in use tells the server the person is still there. */
const HEARTBEAT_INTERVAL_MS = 4 * 60_000
/** How long before the session ends the person is asked whether to stay. */
const WARNING_BEFORE_END_MS = 2 * 60_000
const CLOCK_TICK_MS = 10_000
const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'scroll', 'touchstart'] as const

interface SessionEnd {
  at: number
  /** The 12-hour limit cannot be extended; the idle limit can. */
  final: boolean
}

/**
 * Keeps a session alive while the person uses the page, and only then: a page left open on an
 * unattended desk must still time out. Two minutes before the end a dialog offers to stay signed in.
 */
function SignedInKeeper() {
  const { t, i18n } = useTranslation()
  const queryClient = useQueryClient()
  const navigate = useNavigate()
  const location = useLocation()
  const signOut = useSignOut()
  const [end, setEnd] = useState<SessionEnd>()
  const [now, setNow] = useState(() => Date.now())
  const [finalNoticeSeen, setFinalNoticeSeen] = useState(false)
  const lastActivity = useRef(Date.now())
  const lastHeartbeat = useRef(0)
  const pathRef = useRef(location.pathname + location.search)
  pathRef.current = location.pathname + location.search

  const endedByServer = useCallback(() => {
    rememberCsrfToken(undefined)
    void forgetOfflineData()
    queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== 'city' })
    queryClient.setQueryData<Session>(SESSION_QUERY_KEY, { authenticated: false })
    navigate(pathRef.current, { replace: true, state: { notice: { kind: 'sessionExpired' } } })
  }, [navigate, queryClient])

  const heartbeat = useCallback(async () => {
    lastHeartbeat.current = Date.now()
    try {
      const answer = await requestHeartbeat()
      const idleEnd = Date.parse(answer.idleExpiresAt)
      const absoluteEnd = Date.parse(answer.expiresAt)
      setEnd({ at: Math.min(idleEnd, absoluteEnd), final: absoluteEnd <= idleEnd })
    } catch (error) {
      if (isApiError(error) && error.code === 'UNAUTHENTICATED') endedByServer()
      // Other failures (network, restart) are retried at the next beat.
    }
  }, [endedByServer])

  useEffect(() => {
    void heartbeat()
    const noteActivity = () => {
      lastActivity.current = Date.now()
    }
    for (const name of ACTIVITY_EVENTS) window.addEventListener(name, noteActivity, { passive: true })
    const timer = window.setInterval(() => setNow(Date.now()), CLOCK_TICK_MS)
    return () => {
      for (const name of ACTIVITY_EVENTS) window.removeEventListener(name, noteActivity)
      window.clearInterval(timer)
    }
  }, [heartbeat])

  const warning = end !== undefined && now >= end.at - WARNING_BEFORE_END_MS && now < end.at
  const expired = end !== undefined && now >= end.at

  useEffect(() => {
    if (expired) {
      endedByServer()
      return
    }
    // While the warning is up, only the person's explicit answer extends the session.
    if (warning) return
    const usedSinceLastBeat = lastActivity.current > lastHeartbeat.current
    if (usedSinceLastBeat && now - lastHeartbeat.current >= HEARTBEAT_INTERVAL_MS) void heartbeat()
  }, [now, warning, expired, heartbeat, endedByServer])

  if (!end || !warning || (end.final && finalNoticeSeen)) return null
  const minutesLeft = Math.max(1, Math.ceil((end.at - now) / 60_000))
  const endTime = formatTime(end.at, i18n.language)

  return (
    <ModalDialog
      open
      title={t('session.warningTitle')}
      testId="session-warning"
      onDismiss={() => (end.final ? setFinalNoticeSeen(true) : void heartbeat())}
      actions={
        end.final ? (
          <button type="button" className="btn btn-primary" onClick={() => setFinalNoticeSeen(true)}>
            {t('session.understood')}
          </button>
        ) : (
          <>
            <button type="button" className="btn btn-primary" onClick={() => void heartbeat()}>
              {t('session.stay')}
            </button>
            <button
              type="button"
              className="btn btn-outline-primary"
              disabled={signOut.isPending}
              onClick={() => signOut.mutate()}
            >
              {t('session.leave')}
            </button>
          </>
        )
      }
    >
      <p className="mb-0">
        {end.final
          ? t('session.finalWarning', { time: endTime })
          : t('session.idleWarning', { count: minutesLeft, time: endTime })}
      </p>
    </ModalDialog>
  )
}

/** Mounted by both shells; does nothing for anonymous visitors. */
export function SessionKeeper() {
  const session = useSignedInSession()
  // A new session (sign-in, step-up) starts its own timers.
  return session ? <SignedInKeeper key={session.csrfToken} /> : null
}
