import { useTranslation } from 'react-i18next'
import { Link, useSearchParams } from 'react-router'
import { NEWSLETTER_PATH } from '../../app/paths'
import { ErrorAlert } from '../../app/ui/error-alert'
import { PageHeader } from '../../app/ui/page-header'
import { usePageTitle } from '../../app/ui/use-page-title'
import { useConfirmSubscription } from './newsletter-api'

/**
 * The page of the confirmation link. Confirming takes a click: a mail scanner opening the link
 * does not subscribe anyone.
 */
export function ConfirmPage() {
  const { t } = useTranslation()
  usePageTitle(t('newsletter.confirmTitle'))
  const [params] = useSearchParams()
  const token = params.get('token') ?? ''
  const confirm = useConfirmSubscription()
  return (
    <div className="container pb-5" data-testid="newsletter-confirm">
      <PageHeader
        title={t('newsletter.confirmTitle')}
        parents={[{ label: t('newsletter.title'), to: NEWSLETTER_PATH }]}
      />
      {confirm.isSuccess ? (
        <div className="alert alert-success" role="status" data-testid="newsletter-confirmed">
          <p className="mb-0">{t('newsletter.confirmed', { email: confirm.data.email })}</p>
        </div>
      ) : (
        <div className="civico-panel col-lg-8">
          <p>{t('newsletter.confirmText')}</p>
          <button
            type="button"
            className="btn btn-primary"
            disabled={!token || confirm.isPending}
            onClick={() => confirm.mutate(token)}
          >
            {t('newsletter.confirmButton')}
          </button>
          {confirm.isError ? (
            <div className="mt-3">
              <ErrorAlert error={confirm.error} />
              <Link to={NEWSLETTER_PATH}>{t('newsletter.again')}</Link>
            </div>
          ) : null}
        </div>
      )}
    </div>
  )
}
