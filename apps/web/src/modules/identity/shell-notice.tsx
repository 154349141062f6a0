import { useTranslation } from 'react-i18next'
import { useLocation } from 'react-router'

/** A one-off message carried in the navigation state, shown once on the page it leads to. */
export type ShellNotice =
  | { kind: 'signedOut' }
  | { kind: 'signedOutEverywhere'; count: number }
  | { kind: 'sessionExpired' }

function readNotice(state: unknown): ShellNotice | undefined {
  if (typeof state !== 'object' || state === null || !('notice' in state)) return undefined
  const notice = (state as { notice: unknown }).notice
  if (typeof notice !== 'object' || notice === null || !('kind' in notice)) return undefined
  return notice as ShellNotice
}

/** Says what just happened to the session (signed out, expired), politely, at the top of the page. */
export function ShellNoticeBanner() {
  const { t } = useTranslation()
  const location = useLocation()
  const notice = readNotice(location.state)
  if (!notice) return null
  const text =
    notice.kind === 'signedOut'
      ? t('session.signedOut')
      : notice.kind === 'signedOutEverywhere'
        ? t('session.signedOutEverywhere', { count: notice.count })
        : t('session.expired')
  return (
    <div className="container pt-3">
      <div className="alert alert-success mb-0" role="status" data-testid="shell-notice">
        {text}
      </div>
    </div>
  )
}
