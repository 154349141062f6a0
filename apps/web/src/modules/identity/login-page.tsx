import { useTranslation } from 'react-i18next'
import { Link, Navigate, useSearchParams } from 'react-router'
import { BACK_OFFICE_PATH } from '../../app/paths'
import { type AssuranceLevel, useSession } from '../../app/session/session-api'
import { Icon } from '../../app/ui/icon'
import { PageHeader } from '../../app/ui/page-header'
import { usePageTitle } from '../../app/ui/use-page-title'
import { CieSignInButton, SpidSignInButton } from './sign-in-buttons'
import { safeReturnPath, staffSignInUrl } from './sign-in-urls'

/** The sign-in page is where a refused return from the identity provider lands, with the reason's code. */
function signInErrorKey(code: string | null) {
  switch (code) {
    case null:
      return null
    case 'step-up-required':
      return 'login.error_level' as const
    case 'forbidden':
      return 'login.error_forbidden' as const
    case 'rate-limited':
      return 'login.error_busy' as const
    case 'cancelled':
      return 'login.error_cancelled' as const
    default:
      return 'login.error_retry' as const
  }
}

function requestedLevel(value: string | null): AssuranceLevel {
  return value === '2' ? 2 : value === '3' ? 3 : 1
}

/**
 * "Accedi all'area personale": SPID and CIE, as the municipal model lays them out. Pages that need a
 * sign-in send people here with `returnTo`, and with `level` when they need more than SPID level 1.
 */
export function LoginPage() {
  const { t } = useTranslation()
  const [searchParams] = useSearchParams()
  const { data: session } = useSession()
  const returnTo = safeReturnPath(searchParams.get('returnTo'))
  const level = requestedLevel(searchParams.get('level'))
  const errorKey = signInErrorKey(searchParams.get('error'))
  usePageTitle(t('login.pageTitle'))

  // Someone already signed in well enough has nothing to do here.
  if (session?.authenticated && session.kind === 'citizen' && session.level >= level) {
    return <Navigate to={returnTo} replace />
  }

  return (
    <div className="container pb-5">
      <PageHeader title={t('login.title')} lead={t('login.lead')} />
      {errorKey ? (
        <div className="alert alert-danger" role="alert" data-testid="login-error">
          <h2 className="h5">{t('login.errorTitle')}</h2>
          <p className="mb-0">{t(errorKey)}</p>
        </div>
      ) : null}
      {session?.authenticated && session.kind === 'staff' ? (
        <div className="alert alert-info" role="status">
          {t('login.signedInAsStaff', { name: session.displayName })}{' '}
          <Link to={BACK_OFFICE_PATH}>{t('login.goToBackOffice')}</Link>
        </div>
      ) : null}
      {level > 1 ? (
        <div className="alert alert-warning" role="status" data-testid="login-level-notice">
          {t('login.levelNeeded', { level })}
        </div>
      ) : null}
      <div className="row g-4">
        <section className="col-12 col-lg-6" aria-labelledby="login-spid-title">
          <div className="civico-signin-panel">
            <h2 id="login-spid-title" className="h4">
              {t('login.spidTitle')}
            </h2>
            <p>{t('login.spidText')}</p>
            <SpidSignInButton label={t('login.spidButton')} returnTo={returnTo} level={level} />
            <p className="mt-3 mb-0 small">
              <a
                href="https://www.spid.gov.it/cos-e-spid/come-attivare-spid/"
                target="_blank"
                rel="noopener noreferrer"
              >
                {t('login.spidHelp')}
                <span className="visually-hidden"> {t('common.opensInNewWindow')}</span>
              </a>
            </p>
          </div>
        </section>
        <section className="col-12 col-lg-6" aria-labelledby="login-cie-title">
          <div className="civico-signin-panel">
            <h2 id="login-cie-title" className="h4">
              {t('login.cieTitle')}
            </h2>
            <p>{t('login.cieText')}</p>
            <CieSignInButton label={t('login.cieButton')} returnTo={returnTo} />
            <p className="mt-3 mb-0 small">
              <a href="https://www.cartaidentita.interno.gov.it/" target="_blank" rel="noopener noreferrer">
                {t('login.cieHelp')}
                <span className="visually-hidden"> {t('common.opensInNewWindow')}</span>
              </a>
            </p>
          </div>
        </section>
      </div>
      <div className="row mt-4">
        <div className="col-12 col-lg-8">
          <h2 className="h5">{t('login.othersTitle')}</h2>
          <p>{t('login.othersText')}</p>
          <h2 className="h5 mt-4">{t('login.staffTitle')}</h2>
          <p className="mb-0">
            <a
              href={staffSignInUrl()}
              className="btn btn-outline-primary btn-icon"
              data-testid="staff-sign-in"
            >
              <Icon name="it-locked" color="primary" size="sm" className="me-2" />
              <span>{t('login.staffLink')}</span>
            </a>
          </p>
        </div>
      </div>
    </div>
  )
}
