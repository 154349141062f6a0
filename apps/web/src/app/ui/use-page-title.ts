import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { useCity } from '../city/city-api'

/** Sets `document.title` to "<page> - Comune di <city>", so tabs and history entries say where they lead. */
export function usePageTitle(pageTitle: string): void {
  const { t } = useTranslation()
  const { data: city } = useCity()
  const siteName = city ? t('common.cityName', { name: city.name }) : t('common.siteName')
  useEffect(() => {
    document.title = `${pageTitle} - ${siteName}`
  }, [pageTitle, siteName])
}
