import { type ReactNode, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { BOOK_APPOINTMENT_PATH } from '../../app/paths'
import { ErrorAlert } from '../../app/ui/error-alert'
import { Icon } from '../../app/ui/icon'
import { LoadingState } from '../../app/ui/loading-state'
import { AppointmentCard } from './appointment-card'
import { type MyAppointment, useMyAppointments, useMyWaitlist } from './appointments-api'
import { isUpcoming } from './booking-days'
import { OfferCard, WaitlistItem } from './waitlist-items'
import './appointments.css'

/** Past bookings shown before "show all": the recent ones are what people look for. */
const PAST_SHOWN = 5

const byStart = (a: MyAppointment, b: MyAppointment) => a.startsAt.localeCompare(b.startsAt)

function Section({ title, testId, children }: { title: string; testId: string; children: ReactNode }) {
  return (
    <section className="mb-4" data-testid={testId} aria-label={title}>
      <h3 className="h5">{title}</h3>
      <ul className="civico-record-list mb-0">{children}</ul>
    </section>
  )
}

/**
 * The personal area's "Appuntamenti": times freed for the citizen from a waiting list, upcoming
 * bookings with their QR code, calendar file, move and cancel, the lines they wait in, past ones.
 */
export function AppointmentsPanel() {
  const { t } = useTranslation()
  const appointments = useMyAppointments()
  const waitlist = useMyWaitlist()
  const [announcement, setAnnouncement] = useState('')
  const [showAllPast, setShowAllPast] = useState(false)
  const status = useRef<HTMLParagraphElement>(null)

  const announce = (text: string) => {
    setAnnouncement(text)
    // The card acted on may have moved to another list: focus goes to the message saying what happened.
    window.setTimeout(() => status.current?.focus(), 0)
  }

  if (appointments.isPending) return <LoadingState />
  if (appointments.isError) {
    return <ErrorAlert error={appointments.error} onRetry={() => void appointments.refetch()} />
  }
  const now = Date.now()
  const all = appointments.data
  const offers = all.filter(
    (entry) => entry.status === 'offered' && (!entry.heldUntil || Date.parse(entry.heldUntil) > now),
  )
  const upcoming = all.filter((entry) => isUpcoming(entry, now)).sort(byStart)
  const past = all.filter((entry) => !offers.includes(entry) && !upcoming.includes(entry))
  const pastShown = showAllPast ? past : past.slice(0, PAST_SHOWN)
  // The waiting list is an addition: when it cannot be read, the bookings still show.
  const waiting = (waitlist.data ?? []).filter((entry) => entry.status === 'waiting')
  const nothing = all.length === 0 && waiting.length === 0

  return (
    <div data-testid="appointments-panel">
      <div className="d-flex flex-wrap justify-content-between align-items-center gap-2 mb-3">
        <h2 className="h4 mb-0">{t('appointments.mine.title')}</h2>
        <Link to={BOOK_APPOINTMENT_PATH} className="btn btn-primary btn-sm" data-testid="book-appointment">
          <Icon name="it-calendar" size="sm" color="white" className="me-1" />
          {t('appointments.mine.book')}
        </Link>
      </div>
      <div aria-live="polite">
        {announcement ? (
          <p
            ref={status}
            tabIndex={-1}
            className="alert alert-success"
            data-testid="appointments-announcement"
          >
            {announcement}
          </p>
        ) : null}
      </div>
      {nothing ? (
        <div className="civico-empty-state" data-testid="appointments-empty">
          <Icon name="it-calendar" size="lg" color="primary" className="mb-2" />
          <p className="h5">{t('personalArea.sections.appointments.emptyTitle')}</p>
          <p className="mb-0">{t('personalArea.sections.appointments.emptyText')}</p>
        </div>
      ) : null}
      {offers.length > 0 ? (
        <Section title={t('appointments.mine.offers')} testId="appointments-offers">
          {offers.map((offer) => (
            <li key={offer.code}>
              <OfferCard offer={offer} onAnnounce={announce} />
            </li>
          ))}
        </Section>
      ) : null}
      {upcoming.length > 0 ? (
        <Section title={t('appointments.mine.upcoming')} testId="appointments-upcoming">
          {upcoming.map((appointment) => (
            <li key={appointment.code}>
              <AppointmentCard appointment={appointment} upcoming onAnnounce={announce} />
            </li>
          ))}
        </Section>
      ) : null}
      {waiting.length > 0 ? (
        <Section title={t('appointments.mine.waitlist')} testId="appointments-waitlist">
          {waiting.map((entry) => (
            <li key={entry.id}>
              <WaitlistItem entry={entry} onAnnounce={announce} />
            </li>
          ))}
        </Section>
      ) : null}
      {past.length > 0 ? (
        <Section title={t('appointments.mine.past')} testId="appointments-past">
          {pastShown.map((appointment) => (
            <li key={appointment.code}>
              <AppointmentCard appointment={appointment} upcoming={false} onAnnounce={announce} />
            </li>
          ))}
        </Section>
      ) : null}
      {past.length > PAST_SHOWN && !showAllPast ? (
        <button type="button" className="btn btn-link px-0" onClick={() => setShowAllPast(true)}>
          {t('appointments.mine.showAllPast', { count: past.length })}
        </button>
      ) : null}
    </div>
  )
}
