import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { formatDay, formatTime } from '../../app/i18n/format'
import { ProblemNotice } from '../identity/problem-notice'
import {
  type MyAppointment,
  useAcceptOffer,
  useCancelAppointment,
  useLeaveWaitlist,
  type WaitlistEntry,
} from './appointments-api'
import { minutesLeft } from './booking-days'
import { AppointmentFacts } from './booking-steps'
import { ConfirmDialog } from './confirm-dialog'
import { useNow } from './use-now'

// Accept, decline and leave use the promise: the item leaves its list before a callback would run.

/** A time someone freed, held for the citizen from the waiting list until `heldUntil`: take it or let it go. */
export function OfferCard({
  offer,
  onAnnounce,
}: {
  offer: MyAppointment
  onAnnounce: (text: string) => void
}) {
  const { t, i18n } = useTranslation()
  const now = useNow()
  const accept = useAcceptOffer()
  const decline = useCancelAppointment()
  const [declining, setDeclining] = useState(false)
  const left = offer.heldUntil ? minutesLeft(offer.heldUntil, now) : 0
  const when = {
    day: formatDay(offer.startsAt, i18n.language),
    time: formatTime(offer.startsAt, i18n.language),
  }
  return (
    <article
      className="civico-panel civico-offer"
      data-testid="offer-item"
      data-code={offer.code}
      aria-labelledby={`offer-${offer.code}`}
    >
      <h4 id={`offer-${offer.code}`} className="h5">
        {t('appointments.offer.title', { service: offer.service.name })}
      </h4>
      <AppointmentFacts
        showService={false}
        serviceName={offer.service.name}
        startsAt={offer.startsAt}
        endsAt={offer.endsAt}
        officeName={offer.office.name}
        address={offer.office.address}
      />
      {offer.heldUntil ? (
        <p className="fw-semibold" role="timer" data-testid="offer-countdown">
          {left > 0
            ? t('appointments.offer.heldFor', {
                count: left,
                until: formatTime(offer.heldUntil, i18n.language),
              })
            : t('appointments.offer.heldOver')}
        </p>
      ) : null}
      <div aria-live="polite">
        {accept.isError ? (
          <ProblemNotice
            error={accept.error}
            title={t('appointments.offer.acceptFailed')}
            headingLevel="h4"
          />
        ) : null}
      </div>
      <div className="d-flex flex-wrap gap-2">
        <button
          type="button"
          className="btn btn-primary btn-sm"
          disabled={accept.isPending || left === 0}
          onClick={() =>
            accept
              .mutateAsync(offer.code)
              .then(() => onAnnounce(t('appointments.offer.accepted', when)))
              .catch(() => undefined)
          }
          data-testid="accept-offer"
        >
          {t('appointments.offer.accept')}
        </button>
        <button
          type="button"
          className="btn btn-outline-danger btn-sm"
          onClick={() => {
            decline.reset()
            setDeclining(true)
          }}
          data-testid="decline-offer"
        >
          {t('appointments.offer.decline')}
        </button>
      </div>
      <ConfirmDialog
        open={declining}
        title={t('appointments.offer.declineTitle')}
        confirmLabel={t('appointments.offer.declineConfirm')}
        pending={decline.isPending}
        error={decline.error}
        testId="decline-dialog"
        onDismiss={() => setDeclining(false)}
        onConfirm={() =>
          decline
            .mutateAsync(offer.code)
            .then(() => {
              setDeclining(false)
              onAnnounce(t('appointments.offer.declined', when))
            })
            .catch(() => undefined)
        }
      >
        <p className="mb-0">{t('appointments.offer.declineText', when)}</p>
      </ConfirmDialog>
    </article>
  )
}

/** A place in a day's waiting list: where the citizen stands, and the way out of the line. */
export function WaitlistItem({
  entry,
  onAnnounce,
}: {
  entry: WaitlistEntry
  onAnnounce: (text: string) => void
}) {
  const { t, i18n } = useTranslation()
  const leave = useLeaveWaitlist()
  const day = formatDay(entry.date, i18n.language)
  return (
    <article className="civico-panel" data-testid="waitlist-item" aria-labelledby={`waitlist-${entry.id}`}>
      <h4 id={`waitlist-${entry.id}`} className="h5">
        {entry.service.name}
      </h4>
      <dl className="civico-facts civico-facts-two-columns mb-2">
        <div>
          <dt>{t('appointments.facts.day')}</dt>
          <dd>{day}</dd>
        </div>
        <div>
          <dt>{t('appointments.facts.office')}</dt>
          <dd>{entry.office.name}</dd>
        </div>
        <div>
          <dt>{t('appointments.waitlist.positionLabel')}</dt>
          <dd data-testid="waitlist-position">
            {entry.position
              ? t('appointments.waitlist.position', { position: entry.position })
              : t(`appointments.waitlist.status.${entry.status}`)}
          </dd>
        </div>
      </dl>
      <div aria-live="polite">
        {leave.isError ? (
          <ProblemNotice
            error={leave.error}
            title={t('appointments.waitlist.leaveFailed')}
            headingLevel="h4"
          />
        ) : null}
      </div>
      <button
        type="button"
        className="btn btn-outline-danger btn-sm"
        disabled={leave.isPending}
        onClick={() =>
          leave
            .mutateAsync(entry.id)
            .then(() => onAnnounce(t('appointments.waitlist.left', { day, service: entry.service.name })))
            .catch(() => undefined)
        }
        data-testid="leave-waitlist"
      >
        {t('appointments.waitlist.leave')}
        <span className="visually-hidden">
          {' '}
          – {entry.service.name}, {day}
        </span>
      </button>
    </article>
  )
}
