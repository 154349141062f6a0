import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { Icon } from './ui/icon'
import { usePageTitle } from './ui/use-page-title'

/** Any address the app does not know. */
export function NotFoundPage() {
  const { t } = useTranslation()
  usePageTitle(t('notFound.pageTitle'))
  return (
    <div className="container py-5" data-testid="not-found">
      <div className="row">
        <div className="col-12 col-lg-8">
          <p className="civico-error-code" aria-hidden="true">
            404
          </p>
          <h1 className="mb-3">{t('notFound.title')}</h1>
          <p className="lead mb-4">{t('notFound.text')}</p>
          <Link to="/" className="btn btn-primary btn-icon">
            <span>{t('common.backHome')}</span>
            <Icon name="it-arrow-right" color="white" className="ms-2" />
          </Link>
        </div>
      </div>
    </div>
  )
}
