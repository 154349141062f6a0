import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { Outlet, ScrollRestoration, useLocation } from 'react-router'
import { useCity } from '../city/city-api'
import { CityLoadAlert } from './city-load-alert'
import { focusLandmark, MAIN_CONTENT_ID } from './landmarks'
import { SiteFooter } from './site-footer'
import { SiteHeader } from './site-header'
import { SkipLinks } from './skip-links'

/**
 * After a client-side navigation nothing tells a screen reader the page changed: move focus to
 * the new content, as a full page load would put the reader at the top of the new page.
 */
function useFocusMainOnNavigation(): void {
  const { pathname } = useLocation()
  const previousPath = useRef(pathname)
  useEffect(() => {
    if (previousPath.current === pathname) return
    previousPath.current = pathname
    focusLandmark(MAIN_CONTENT_ID, { scroll: false })
  }, [pathname])
}

/** Layout shared by every page: skip links, header, main content, footer. */
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
        <Outlet />
      </main>
      <SiteFooter city={city} cityLabel={cityLabel} />
      <ScrollRestoration />
    </>
  )
}
