import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { useLocation } from 'react-router'
import { isApiError } from '../../app/api/api-error'
import { type AssuranceLevel, useSignedInSession } from '../../app/session/session-api'
import { Icon } from '../../app/ui/icon'
import { citizenSignInUrl, currentPath } from './sign-in-urls'

/** True for the server's answer "this needs a higher sign-in level". */
export function isStepUpRequired(error: unknown): boolean {
  return isApiError(error) && error.code === 'STEP_UP_REQUIRED'
}

/** The level a STEP_UP_REQUIRED answer asks for (its `requiredLevel` member); level 2 when absent. */
export function requiredLevelOf(error: unknown): AssuranceLevel {
  if (!isApiError(error)) return 2
  const level = error.requiredLevel
  return level === 3 ? 3 : level === 1 ? 1 : 2
}

/** Builds the addresses of a step-up that comes back to the current page. */
export function useStepUp() {
  const location = useLocation()
  const session = useSignedInSession()
  const here = currentPath(location)
  return {
    currentLevel: session?.level,
    needsStepUp: (level: AssuranceLevel) => (session?.level ?? 0) < level,
    spidUrl: (level: AssuranceLevel, returnTo = here) =>
      citizenSignInUrl({ method: 'spid', level, returnTo }),
    cieUrl: (returnTo = here) => citizenSignInUrl({ method: 'cie', level: 3, returnTo }),
  }
}

interface StepUpNoticeProps {
  level: AssuranceLevel
  /** Why this page or action needs it, in one sentence. */
  reason: string
  headingLevel?: 'h2' | 'h3' | 'h4'
}

/** Explains that a stronger sign-in is needed and offers it, coming back here afterwards. */
export function StepUpNotice({ level, reason, headingLevel = 'h2' }: StepUpNoticeProps) {
  const { t } = useTranslation()
  const stepUp = useStepUp()
  const Heading = headingLevel
  return (
    <div className="civico-step-up" data-testid="step-up-notice">
      <Heading className="civico-step-up-title h5">
        <Icon name="it-locked" color="primary" className="me-2 flex-shrink-0" />
        <span>{t('stepUp.title', { level })}</span>
      </Heading>
      <p>{reason}</p>
      <p>{t('stepUp.explanation', { current: stepUp.currentLevel ?? 1, level })}</p>
      <div className="d-flex flex-wrap gap-2">
        <a className="btn btn-primary" href={stepUp.spidUrl(level)} data-testid="step-up-button">
          {level >= 3 ? t('stepUp.buttonLevel3') : t('stepUp.button', { level })}
        </a>
        {level < 3 ? (
          <a className="btn btn-outline-primary" href={stepUp.cieUrl()}>
            {t('stepUp.cieButton')}
          </a>
        ) : null}
      </div>
    </div>
  )
}

interface RequireLevelProps {
  level: AssuranceLevel
  reason: string
  headingLevel?: StepUpNoticeProps['headingLevel']
  children: ReactNode
}

/** Shows its content only to a citizen signed in at `level` or above; the others are offered a step-up. */
export function RequireLevel({ level, reason, headingLevel, children }: RequireLevelProps) {
  const stepUp = useStepUp()
  if (stepUp.needsStepUp(level))
    return <StepUpNotice level={level} reason={reason} headingLevel={headingLevel} />
  return <>{children}</>
}
