import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { Icon } from '../ui/icon'

interface HeaderCenterProps {
  /** "Comune di <name>", or a neutral label while the city is loading or unavailable. */
  cityLabel: string
}

/** The band with the city's name, which always leads home, and the way to search. */
export function HeaderCenter({ cityLabel }: HeaderCenterProps) {
  const { t } = useTranslation()
  return (
    <div className="it-header-center-wrapper">
      <div className="container">
        <div className="row">
          <div className="col-12">
            <div className="it-header-center-content-wrapper">
              <div className="it-brand-wrapper">
                <Link to="/">
                  <Icon name="it-pa" />
                  <div className="it-brand-text">
                    <div className="it-brand-title" data-testid="city-name">
                      {cityLabel}
                    </div>
                    <div className="it-brand-tagline d-none d-md-block">{t('header.tagline')}</div>
                  </div>
                </Link>
              </div>
              <div className="it-right-zone">
                <div className="it-search-wrapper">
                  <span className="d-none d-md-block" aria-hidden="true">
                    {t('header.searchLink')}
                  </span>
                  <Link
                    className="search-link rounded-icon"
                    to="/servizi"
                    aria-label={t('header.searchLink')}
                  >
                    <Icon name="it-search" />
                  </Link>
                </div>
              </div>
            </div>
          </div>
        </div>
      </div>
    </div>
  )
}
