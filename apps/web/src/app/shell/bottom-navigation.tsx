import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useLocation } from 'react-router'
import { DEADLINES_PATH, PERSONAL_AREA_PATH, PROFILE_PATH, WRITE_TO_CITY_PATH } from '../paths'
import { Icon, type IconName } from '../ui/icon'

interface BottomLink {
  key: 'home' | 'deadlines' | 'write' | 'settings'
  to: string
  icon: IconName
  isCurrent: (pathname: string, search: string) => boolean
}

const LINKS: readonly BottomLink[] = [
  {
    key: 'home',
    to: PERSONAL_AREA_PATH,
    icon: 'it-folder',
    isCurrent: (pathname, search) => pathname === PERSONAL_AREA_PATH && !search.includes('sezione=deadlines'),
  },
  {
    key: 'deadlines',
    to: DEADLINES_PATH,
    icon: 'it-clock',
    isCurrent: (pathname, search) => pathname === PERSONAL_AREA_PATH && search.includes('sezione=deadlines'),
  },
  {
    key: 'write',
    to: WRITE_TO_CITY_PATH,
    icon: 'it-pencil',
    isCurrent: (pathname) => pathname === WRITE_TO_CITY_PATH,
  },
  {
    key: 'settings',
    to: PROFILE_PATH,
    icon: 'it-settings',
    isCurrent: (pathname) => pathname === PROFILE_PATH,
  },
]

/**
 * The app's bar on phones (Home · Scadenze · Scrivi · Impostazioni): the top tasks one tap away.
 * Hidden from 768 px, where the header's navigation does the job.
 */
export function BottomNavigation() {
  const { t } = useTranslation()
  const { pathname, search } = useLocation()
  useEffect(() => {
    document.body.classList.add('civico-has-bottom-nav')
    return () => document.body.classList.remove('civico-has-bottom-nav')
  }, [])
  return (
    <nav className="civico-bottom-nav" aria-label={t('bottomNav.label')} data-testid="bottom-navigation">
      <ul>
        {LINKS.map((link) => (
          <li key={link.key}>
            <Link to={link.to} aria-current={link.isCurrent(pathname, search) ? 'page' : undefined}>
              <Icon name={link.icon} />
              <span>{t(`bottomNav.${link.key}`)}</span>
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  )
}
