import { type KeyboardEvent, useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useSearchParams } from 'react-router'
import { BOOK_APPOINTMENT_PATH, FOLDER_PATH, PAYMENTS_PATH, PROFILE_PATH } from '../../app/paths'
import { Icon, type IconName } from '../../app/ui/icon'
import { AppointmentsPanel } from '../appointments/appointments-panel'
import { DeadlinesPanel, DuesPreview } from '../deadlines/deadlines-panel'
import { InboxPreview } from '../notifications/inbox-preview'
import { useUnreadCount } from '../notifications/inbox-stream'
import { TicketsPanel } from '../tickets/tickets-panel'
import { PERSONAL_AREA_SECTIONS, type PersonalAreaSection } from './personal-area-sections'

/** The sections whose empty state lives here; "Richieste" brings its own. */
type SectionWithEmptyState = Exclude<PersonalAreaSection, 'tickets'>

const SECTION_ICONS: Record<SectionWithEmptyState, IconName> = {
  notifications: 'it-mail',
  appointments: 'it-calendar',
  payments: 'it-card',
  deadlines: 'it-clock',
}

/** Where each empty section points the citizen meanwhile. */
const SECTION_LINKS: Record<SectionWithEmptyState, string> = {
  notifications: PROFILE_PATH,
  appointments: BOOK_APPOINTMENT_PATH,
  payments: PAYMENTS_PATH,
  deadlines: `${FOLDER_PATH}/documenti`,
}

const SECTION_PARAM = 'sezione'

function isSection(value: string | null): value is PersonalAreaSection {
  return (PERSONAL_AREA_SECTIONS as readonly (string | null)[]).includes(value)
}

function EmptySection({ section }: { section: SectionWithEmptyState }) {
  const { t } = useTranslation()
  const link = SECTION_LINKS[section]
  return (
    <div className="civico-empty-state">
      <Icon name={SECTION_ICONS[section]} size="lg" color="primary" className="mb-2" />
      <p className="h5">{t(`personalArea.sections.${section}.emptyTitle`)}</p>
      <p>{t(`personalArea.sections.${section}.emptyText`)}</p>
      <Link to={link} className="btn btn-outline-primary btn-sm">
        {t(`personalArea.sections.${section}.action`)}
      </Link>
    </div>
  )
}

/**
 * The personal area's sections as tabs, the pattern of the municipal model. Arrow keys move
 * between tabs (one Tab stop for the whole list); the chosen one is kept in the address.
 */
export function PersonalAreaTabs() {
  const { t } = useTranslation()
  const [searchParams, setSearchParams] = useSearchParams()
  const requested = searchParams.get(SECTION_PARAM)
  const active: PersonalAreaSection = isSection(requested) ? requested : 'notifications'
  const unread = useUnreadCount()
  const tabRefs = useRef<Partial<Record<PersonalAreaSection, HTMLButtonElement | null>>>({})

  // On a phone the tab row scrolls sideways: a section opened from a link must show its own tab.
  useEffect(() => {
    const tab = tabRefs.current[active]
    const list = tab?.parentElement
    if (!tab || !list || list.scrollWidth <= list.clientWidth) return
    const offset = tab.getBoundingClientRect().left - list.getBoundingClientRect().left
    list.scrollLeft += offset - (list.clientWidth - tab.offsetWidth) / 2
  }, [active])

  const select = (section: PersonalAreaSection, focus: boolean) => {
    setSearchParams(
      (params) => {
        const next = new URLSearchParams(params)
        next.set(SECTION_PARAM, section)
        return next
      },
      { replace: true, preventScrollReset: true },
    )
    if (focus) tabRefs.current[section]?.focus()
  }

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    // From the tab that has focus: the address (and so `active`) may not have caught up with a fast key.
    const focused = PERSONAL_AREA_SECTIONS.find((section) => tabRefs.current[section] === event.target)
    const index = PERSONAL_AREA_SECTIONS.indexOf(focused ?? active)
    const last = PERSONAL_AREA_SECTIONS.length - 1
    const target =
      event.key === 'ArrowRight'
        ? index === last
          ? 0
          : index + 1
        : event.key === 'ArrowLeft'
          ? index === 0
            ? last
            : index - 1
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? last
              : undefined
    if (target === undefined) return
    event.preventDefault()
    select(PERSONAL_AREA_SECTIONS[target] as PersonalAreaSection, true)
  }

  return (
    <div className="civico-personal-tabs">
      <div
        className="nav nav-tabs civico-tab-list"
        role="tablist"
        aria-label={t('personalArea.sectionsLabel')}
        onKeyDown={onKeyDown}
      >
        {PERSONAL_AREA_SECTIONS.map((section) => (
          <button
            key={section}
            ref={(element) => {
              tabRefs.current[section] = element
            }}
            type="button"
            role="tab"
            id={`tab-${section}`}
            className={`nav-link${section === active ? ' active' : ''}`}
            aria-selected={section === active}
            aria-controls={`panel-${section}`}
            tabIndex={section === active ? 0 : -1}
            onClick={() => select(section, false)}
          >
            {section === 'tickets' ? t('tickets.mine.tab') : t(`personalArea.sections.${section}.title`)}
            {section === 'notifications' && unread ? (
              <span className="badge civico-badge-warning ms-2">
                {unread}
                <span className="visually-hidden"> {t('notifications.unreadCount', { count: unread })}</span>
              </span>
            ) : null}
          </button>
        ))}
      </div>
      <div
        className="civico-tab-panel"
        role="tabpanel"
        id={`panel-${active}`}
        aria-labelledby={`tab-${active}`}
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a tab panel is focusable so its content is reachable right after the tabs
        tabIndex={0}
      >
        {active === 'deadlines' ? (
          <DeadlinesPanel empty={<EmptySection section="deadlines" />} />
        ) : active === 'payments' ? (
          <DuesPreview
            empty={<EmptySection section="payments" />}
            action={
              <Link to={PAYMENTS_PATH} className="btn btn-primary btn-sm mt-3">
                {t('personalArea.sections.payments.action')}
              </Link>
            }
          />
        ) : active === 'notifications' ? (
          <InboxPreview empty={<EmptySection section="notifications" />} />
        ) : active === 'appointments' ? (
          <AppointmentsPanel />
        ) : active === 'tickets' ? (
          <TicketsPanel />
        ) : (
          <EmptySection section={active} />
        )}
      </div>
    </div>
  )
}
