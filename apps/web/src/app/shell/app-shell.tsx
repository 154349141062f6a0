import { useTranslation } from 'react-i18next'
import { Outlet, ScrollRestoration } from 'react-router'
import { AssistantWidget } from '../../modules/assistant/assistant-widget'
import { ActingForBanner } from '../../modules/identity/acting-for-banner'
import { SessionKeeper } from '../../modules/identity/session-keeper'
import { ShellNoticeBanner } from '../../modules/identity/shell-notice'
import { InboxStream } from '../../modules/notifications/inbox-stream'
import { useCity } from '../city/city-api'
import { BottomNavigation } from './bottom-navigation'
import { CityLoadAlert } from './city-load-alert'
import { MAIN_CONTENT_ID } from './landmarks'
import { OfflineNotice } from './offline-notice'
import { SiteFooter } from './site-footer'
import { SiteHeader } from './site-header'
import { SkipLinks } from './skip-links'
import { useFocusMainOnNavigation } from './use-focus-main-on-navigation'

/** Layout shared by every citizen-facing page: skip links, header, main content, footer. */
export function AppShell() {
  const { t } = useTranslation()
  const cityQuery = useCity()
  const city = cityQuery.data
  const cityLabel = city ? t('common.cityName', { name: city.name }) : t('common.cityPending')
  useFocusMainOnNavigation()

  return (
    <>
      <SkipLinks />
      <SiteHeader city={city} cityLabel={cityLabel} />
      <main id={MAIN_CONTENT_ID} tabIndex={-1} className="civico-main">
        {cityQuery.isError ? (
          <CityLoadAlert error={cityQuery.error} onRetry={() => void cityQuery.refetch()} />
        ) : null}
        <OfflineNotice />
        <ActingForBanner />
        <ShellNoticeBanner />
        <Outlet />
      </main>
      <SessionKeeper />
      <InboxStream />
      <SiteFooter city={city} cityLabel={cityLabel} />
      <BottomNavigation />
      <AssistantWidget />
      <ScrollRestoration />
    </>
  )
}
