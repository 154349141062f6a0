import { useTranslation } from 'react-i18next'
import { Link, useSearchParams } from 'react-router'
import { NEWSLETTER_PATH } from '../../app/paths'
import { ErrorAlert } from '../../app/ui/error-alert'
import { LoadingState } from '../../app/ui/loading-state'
import { PageHeader } from '../../app/ui/page-header'
import { usePageTitle } from '../../app/ui/use-page-title'
import { useSubscriptionByToken, useUnsubscribe } from './newsletter-api'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** The unsubscribe link of every newsletter: whose subscription it is, and one button to leave. */
export function UnsubscribePage() {
  const { t } = useTranslation()
  usePageTitle(t('newsletter.unsubscribeTitle'))
  const [params] = useSearchParams()
  const token = params.get('token') ?? ''
  const campaign = params.get('c') ?? ''
  const subscription = useSubscriptionByToken(token)
  const unsubscribe = useUnsubscribe()
  const left = unsubscribe.isSuccess || subscription.data?.status === 'unsubscribed'
  return (
    <div className="container pb-5" data-testid="newsletter-unsubscribe">
      <PageHeader
        title={t('newsletter.unsubscribeTitle')}
        parents={[{ label: t('newsletter.title'), to: NEWSLETTER_PATH }]}
      />
      {subscription.isPending && token ? <LoadingState /> : null}
      {subscription.isError ? <ErrorAlert error={subscription.error} /> : null}
      {subscription.data && left ? (
        <div className="alert alert-success" role="status" data-testid="newsletter-unsubscribed">
          <p>{t('newsletter.unsubscribed', { email: subscription.data.email })}</p>
          <Link to={NEWSLETTER_PATH}>{t('newsletter.again')}</Link>
        </div>
      ) : null}
      {subscription.data && !left ? (
        <div className="civico-panel col-lg-8">
          <p>{t('newsletter.unsubscribeText', { email: subscription.data.email })}</p>
          <button
            type="button"
            className="btn btn-primary"
            disabled={unsubscribe.isPending}
            onClick={() =>
              unsubscribe.mutate({ token, ...(UUID.test(campaign) ? { campaignId: campaign } : {}) })
            }
          >
            {t('newsletter.unsubscribeButton')}
          </button>
          {unsubscribe.isError ? <ErrorAlert error={unsubscribe.error} /> : null}
        </div>
      ) : null}
    </div>
  )
}
