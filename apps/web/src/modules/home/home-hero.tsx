import { type FormEvent, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate } from 'react-router'
import { Icon, type IconName } from '../../app/ui/icon'
import { servicePath } from '../catalogue/service-card'

type QuickTaskKey = 'certificates' | 'appointments' | 'payments' | 'reports'

/** What most visitors come for, one tap away even on a small phone. */
const QUICK_TASKS: { key: QuickTaskKey; slug: string; icon: IconName }[] = [
  { key: 'certificates', slug: 'certificati-anagrafici', icon: 'it-files' },
  { key: 'appointments', slug: 'prenotazione-appuntamenti', icon: 'it-calendar' },
  { key: 'payments', slug: 'pagamenti-pagopa', icon: 'it-card' },
  { key: 'reports', slug: 'segnalazioni', icon: 'it-map-marker' },
]

interface HomeHeroProps {
  cityLabel: string
}

export function HomeHero({ cityLabel }: HomeHeroProps) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const searchId = useId()
  const quickAccessId = useId()
  const [query, setQuery] = useState('')

  const onSearch = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const words = query.trim()
    navigate(words ? `/servizi?q=${encodeURIComponent(words)}` : '/servizi')
  }

  return (
    <section className="civico-hero" aria-labelledby="home-title">
      <div className="container py-4 py-lg-5">
        <h1 id="home-title" className="civico-hero-title">
          {cityLabel}
        </h1>
        <p className="civico-hero-lead">{t('home.lead')}</p>
        <search className="civico-hero-search">
          <form onSubmit={onSearch}>
            <label htmlFor={searchId} className="civico-hero-search-label">
              {t('home.searchLabel')}
            </label>
            <div className="input-group">
              <input
                id={searchId}
                type="search"
                className="form-control"
                placeholder={t('home.searchPlaceholder')}
                value={query}
                onChange={(event) => setQuery(event.target.value)}
                autoComplete="off"
              />
              <button type="submit" className="btn btn-secondary civico-hero-search-button">
                <Icon name="it-search" color="white" size="sm" className="me-1" />
                {t('home.searchButton')}
              </button>
            </div>
          </form>
        </search>
        <h2 id={quickAccessId} className="civico-hero-subtitle">
          {t('home.quickAccess')}
        </h2>
        <ul className="civico-quick-tasks" aria-labelledby={quickAccessId}>
          {QUICK_TASKS.map((task) => (
            <li key={task.key}>
              <Link to={servicePath(task.slug)} className="civico-quick-task">
                <Icon name={task.icon} color="primary" size="sm" />
                <span>{t(`quickTasks.${task.key}`)}</span>
              </Link>
            </li>
          ))}
        </ul>
      </div>
    </section>
  )
}
