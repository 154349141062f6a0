import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { City } from '../city/city-api'
import { NEW_REPORT_PATH, NEWSLETTER_PATH } from '../paths'
import { Icon } from '../ui/icon'
import { FOOTER_ID } from './landmarks'

interface SiteFooterProps {
  city: City | undefined
  cityLabel: string
}

function ContactList({ city }: { city: City }) {
  const { t } = useTranslation()
  return (
    <ul className="list-unstyled civico-footer-list">
      <li>
        <Icon name="it-telephone" size="sm" color="white" className="me-2" />
        <a href={`tel:${city.contactPhone.replace(/\s+/g, '')}`}>
          {t('footer.phone', { phone: city.contactPhone })}
        </a>
      </li>
      <li>
        <Icon name="it-mail" size="sm" color="white" className="me-2" />
        <a href={`mailto:${city.contactEmail}`}>{t('footer.email', { email: city.contactEmail })}</a>
      </li>
      <li>
        <Icon name="it-external-link" size="sm" color="white" className="me-2" />
        <a href={city.websiteUrl} target="_blank" rel="noopener noreferrer">
          {t('footer.website')}
          <span className="visually-hidden"> {t('common.opensInNewWindow')}</span>
        </a>
      </li>
    </ul>
  )
}

/** Footer of the municipal model, with the links the national validator checks for. */
export function SiteFooter({ city, cityLabel }: SiteFooterProps) {
  const { t } = useTranslation()
  const accessibilityMail = city
    ? `mailto:${city.contactEmail}?subject=${encodeURIComponent(t('footer.accessibilityMailSubject'))}`
    : undefined
  return (
    <footer className="it-footer" id={FOOTER_ID}>
      <div className="it-footer-main">
        <div className="container">
          <div className="row">
            <div className="col-12">
              <div className="it-brand-wrapper">
                <Link to="/">
                  <Icon name="it-pa" />
                  <div className="it-brand-text">
                    <span className="civico-footer-brand-title">{cityLabel}</span>
                  </div>
                </Link>
              </div>
            </div>
          </div>
          <div className="border-top border-white pt-4 pb-2">
            <div className="row">
              <div className="col-md-6 col-lg-4 pb-3">
                <h2 className="civico-footer-heading">{t('footer.contacts')}</h2>
                {city ? <ContactList city={city} /> : null}
              </div>
              <div className="col-md-6 col-lg-4 pb-3">
                <h2 className="civico-footer-heading">{t('footer.help')}</h2>
                <ul className="list-unstyled civico-footer-list">
                  <li>
                    <Link to="/faq" data-element="faq">
                      {t('footer.faq')}
                    </Link>
                  </li>
                  <li>
                    <Link to={NEW_REPORT_PATH} data-element="report-inefficiency">
                      {t('footer.reportInefficiency')}
                    </Link>
                  </li>
                  <li>
                    <Link to="/servizi/appuntamenti">{t('footer.bookAppointment')}</Link>
                  </li>
                  <li>
                    <Link to="/servizi">{t('footer.allServices')}</Link>
                  </li>
                  <li>
                    <Link to={NEWSLETTER_PATH}>{t('footer.newsletter')}</Link>
                  </li>
                </ul>
              </div>
            </div>
          </div>
        </div>
      </div>
      <div className="it-footer-small-prints clearfix">
        <div className="container">
          <h2 className="visually-hidden">{t('footer.legal')}</h2>
          <ul className="it-footer-small-prints-list list-inline mb-0 d-flex flex-column flex-md-row flex-wrap">
            <li className="list-inline-item">
              <Link to="/privacy" data-element="privacy-policy-link">
                {t('footer.privacy')}
              </Link>
            </li>
            <li className="list-inline-item">
              <Link to="/note-legali">{t('footer.legalNotes')}</Link>
            </li>
            <li className="list-inline-item">
              <Link to="/dichiarazione-accessibilita" data-element="accessibility-link">
                {t('footer.accessibility')}
              </Link>
            </li>
            {accessibilityMail ? (
              <li className="list-inline-item">
                <a href={accessibilityMail}>{t('footer.reportAccessibility')}</a>
              </li>
            ) : null}
          </ul>
          <p className="civico-powered-by px-3 pb-3 mb-0">{t('footer.poweredBy')}</p>
        </div>
      </div>
    </footer>
  )
}
