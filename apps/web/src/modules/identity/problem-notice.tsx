import { isApiError } from '../../app/api/api-error'
import { ErrorAlert } from '../../app/ui/error-alert'
import { isStepUpRequired, requiredLevelOf, StepUpNotice } from './step-up'

interface ProblemNoticeProps {
  error: unknown
  /** What could not be done, shown before the server's reason. */
  title?: string
  onRetry?: () => void
  /** Why a stronger sign-in is needed here; the server's own words when not given. */
  stepUpReason?: string
  headingLevel?: 'h2' | 'h3' | 'h4'
}

/**
 * How a citizen page shows a failed call: a refusal for a too-weak sign-in becomes the offer to sign
 * in again at the level asked for; anything else is the server's reason with a retry when useful.
 * (A session that ended is handled once for all pages: the guard sends the person to the login.)
 */
export function ProblemNotice({ error, title, onRetry, stepUpReason, headingLevel }: ProblemNoticeProps) {
  if (isStepUpRequired(error)) {
    const reason = stepUpReason ?? (isApiError(error) ? error.detail : '')
    return <StepUpNotice level={requiredLevelOf(error)} reason={reason} headingLevel={headingLevel} />
  }
  return <ErrorAlert error={error} title={title} onRetry={onRetry} />
}
