import { useTranslation } from 'react-i18next'
import { PERSONAL_AREA_PATH } from '../../app/paths'
import { LoadingState } from '../../app/ui/loading-state'
import { PageHeader } from '../../app/ui/page-header'
import { usePageTitle } from '../../app/ui/use-page-title'
import { ProblemNotice } from '../identity/problem-notice'
import { useSignOutEverywhere } from '../identity/use-sign-out'
import { PreferencesSection } from '../notifications/preferences-section'
import { ContactEditor } from './contact-editor'
import { DelegationsSection } from './delegations-section'
import { LanguagePreference } from './language-preference'
import { useMe } from './me-api'

function SecuritySection() {
  const { t } = useTranslation()
  const signOutEverywhere = useSignOutEverywhere()
  return (
    <section className="civico-panel" aria-labelledby="security-title" data-testid="security">
      <h2 id="security-title" className="h4">
        {t('profile.security.title')}
      </h2>
      <p>{t('profile.security.text')}</p>
      <button
        type="button"
        className="btn btn-outline-danger btn-sm"
        disabled={signOutEverywhere.isPending}
        onClick={() => signOutEverywhere.mutate()}
      >
        {t('userMenu.signOutEverywhere')}
      </button>
      {signOutEverywhere.isError ? <ProblemNotice error={signOutEverywhere.error} /> : null}
    </section>
  )
}

/** "Profilo": contacts proved by code, the language of messages, delegations, and signing out everywhere. */
export function ProfilePage() {
  const { t } = useTranslation()
  const me = useMe()
  usePageTitle(t('profile.pageTitle'))
  return (
    <div className="container pb-5" data-testid="profile-page">
      <PageHeader
        title={t('profile.title')}
        lead={t('profile.lead')}
        parents={[{ label: t('personalArea.title'), to: PERSONAL_AREA_PATH }]}
      />
      <div className="d-flex flex-column gap-4">
        <section aria-labelledby="contacts-title">
          <h2 id="contacts-title" className="h4">
            {t('profile.contacts.title')}
          </h2>
          <p>{t('profile.contacts.lead')}</p>
          {me.isPending ? <LoadingState /> : null}
          {me.isError ? (
            <ProblemNotice
              error={me.error}
              title={t('profile.loadFailed')}
              onRetry={() => void me.refetch()}
            />
          ) : null}
          {me.data ? (
            <div className="row g-4">
              <div className="col-12 col-lg-6">
                <ContactEditor kind="email" account={me.data} />
              </div>
              <div className="col-12 col-lg-6">
                <ContactEditor kind="mobile" account={me.data} />
              </div>
            </div>
          ) : null}
        </section>
        {me.data ? <LanguagePreference account={me.data} /> : null}
        <PreferencesSection />
        <DelegationsSection />
        <SecuritySection />
      </div>
    </div>
  )
}
