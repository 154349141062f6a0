import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { PROFILE_PATH } from '../../app/paths'
import { LoadingState } from '../../app/ui/loading-state'
import { ProblemNotice } from '../identity/problem-notice'
import { ContactBadge } from '../profile/contact-badge'
import { useMe } from '../profile/me-api'

/** "Notifiche via mail": where the city writes to, and the way to change it. */
export function EmailNotificationsView() {
  const { t } = useTranslation()
  const me = useMe()
  if (me.isPending) return <LoadingState />
  if (me.isError) return <ProblemNotice error={me.error} onRetry={() => void me.refetch()} />
  const { email, mobile, locale } = me.data
  return (
    <section className="civico-panel" data-testid="section-email-notifications">
      <p>{t('folder.emailNotifications.lead')}</p>
      <dl className="civico-facts">
        <dt>{t('folder.emailNotifications.email')}</dt>
        <dd>
          {email.value ?? t('personalArea.summary.notGiven')} <ContactBadge contact={email} />
        </dd>
        <dt>{t('folder.emailNotifications.mobile')}</dt>
        <dd>
          {mobile.value ?? t('personalArea.summary.notGiven')} <ContactBadge contact={mobile} />
        </dd>
        <dt>{t('folder.emailNotifications.language')}</dt>
        <dd>{new Intl.DisplayNames([locale], { type: 'language' }).of(locale)}</dd>
      </dl>
      <Link to={PROFILE_PATH} className="btn btn-outline-primary btn-sm">
        {t('folder.emailNotifications.manage')}
      </Link>
    </section>
  )
}
