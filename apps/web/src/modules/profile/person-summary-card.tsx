import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { formatDay } from '../../app/i18n/format'
import { PROFILE_PATH } from '../../app/paths'
import { LoadingState } from '../../app/ui/loading-state'
import { ProblemNotice } from '../identity/problem-notice'
import { ContactBadge } from './contact-badge'
import { useMe } from './me-api'

/** "I tuoi dati": who the account belongs to and how the city can reach them. */
export function PersonSummaryCard() {
  const { t, i18n } = useTranslation()
  const me = useMe()
  return (
    <section className="civico-panel" aria-labelledby="person-summary-title" data-testid="person-summary">
      <h2 id="person-summary-title" className="h5">
        {t('personalArea.summary.title')}
      </h2>
      {me.isPending ? <LoadingState /> : null}
      {me.isError ? (
        <ProblemNotice
          error={me.error}
          title={t('personalArea.summary.loadFailed')}
          onRetry={() => void me.refetch()}
        />
      ) : null}
      {me.data ? (
        <>
          <dl className="civico-facts">
            <dt>{t('personalArea.summary.name')}</dt>
            <dd>
              {me.data.givenName} {me.data.familyName}
            </dd>
            <dt>{t('personalArea.summary.fiscalCode')}</dt>
            <dd className="civico-fiscal-code">{me.data.fiscalCode}</dd>
            {me.data.birthDate ? (
              <>
                <dt>{t('personalArea.summary.birthDate')}</dt>
                <dd>{formatDay(me.data.birthDate, i18n.language)}</dd>
              </>
            ) : null}
            <dt>{t('personalArea.summary.email')}</dt>
            <dd>
              {me.data.email.value ?? t('personalArea.summary.notGiven')}{' '}
              <ContactBadge contact={me.data.email} />
            </dd>
            <dt>{t('personalArea.summary.mobile')}</dt>
            <dd>
              {me.data.mobile.value ?? t('personalArea.summary.notGiven')}{' '}
              <ContactBadge contact={me.data.mobile} />
            </dd>
          </dl>
          {me.data.registryMatched ? null : (
            <p className="small">{t('personalArea.summary.notInRegistry')}</p>
          )}
        </>
      ) : null}
      <Link to={PROFILE_PATH} className="btn btn-outline-primary btn-sm" data-testid="profile-link">
        {t('personalArea.summary.editProfile')}
      </Link>
    </section>
  )
}
