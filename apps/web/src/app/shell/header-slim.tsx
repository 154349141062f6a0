import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { UserMenu } from '../../modules/identity/user-menu'
import type { City } from '../city/city-api'
import { regionWebsite } from '../city/region-websites'
import { useSignedInSession } from '../session/session-api'
import { Icon } from '../ui/icon'
import { LanguageSwitch } from './language-switch'

interface HeaderSlimProps {
  city: City | undefined
}

function RegionLink({ city }: HeaderSlimProps) {
  const { t } = useTranslation()
  // Until the city is known, an empty slot keeps the right-hand controls in place.
  if (!city) return <span className="navbar-brand" />
  const label = t('header.region', { region: city.region })
  const href = regionWebsite(city.region)
  if (!href) return <span className="navbar-brand">{label}</span>
  return (
    <a className="navbar-brand" href={href} target="_blank" rel="noopener noreferrer">
      {label}
      <span className="visually-hidden"> {t('common.opensInNewWindow')}</span>
    </a>
  )
}

/** The thin top bar: the city's region, the language switch, and the way in (or the signed-in person). */
export function HeaderSlim({ city }: HeaderSlimProps) {
  const { t } = useTranslation()
  const session = useSignedInSession()
  return (
    <div className="it-header-slim-wrapper">
      <div className="container">
        <div className="row">
          <div className="col-12">
            <div className="it-header-slim-wrapper-content">
              <RegionLink city={city} />
              <div className="it-header-slim-right-zone">
                <LanguageSwitch />
                {session ? (
                  <UserMenu session={session} />
                ) : (
                  <Link
                    to="/login"
                    className="btn btn-primary btn-icon btn-full civico-login-button"
                    data-element="personal-area-login"
                  >
                    <span className="rounded-icon" aria-hidden="true">
                      <Icon name="it-user" color="primary" />
                    </span>
                    <span className="d-none d-lg-block">{t('header.login')}</span>
                    <span className="visually-hidden d-lg-none">{t('header.login')}</span>
                  </Link>
                )}
              </div>
            </div>
          </div>
        </div>
      </div>
    </div>
  )
}
