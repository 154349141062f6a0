import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { formatDay, formatTime } from '../../app/i18n/format'
import {
  type BookingStatus,
  type MyAppointment,
  useCancelAppointment,
  useRescheduleAppointment,
} from './appointments-api'
import { BookingQrCode, CalendarLink } from './booking-confirmation'
import { AppointmentFacts, DocumentsToBring } from './booking-steps'
import { ConfirmDialog } from './confirm-dialog'
import { RescheduleForm } from './reschedule-form'

export const STATUS_BADGES: Record<BookingStatus, string> = {
  booked: 'civico-badge-verified',
  'checked-in': 'civico-badge-verified',
  called: 'civico-badge-warning',
  offered: 'civico-badge-warning',
  served: 'civico-badge-neutral',
  cancelled: 'civico-badge-neutral',
  'no-show': 'civico-badge-alert',
  expired: 'civico-badge-neutral',
}

export function StatusBadge({ status }: { status: BookingStatus }) {
  const { t } = useTranslation()
  return (
    <span className={`badge ${STATUS_BADGES[status]}`} data-testid="appointment-status">
      {t(`appointments.status.${status}`)}
    </span>
  )
}

/** The facts of a booking the citizen holds: code, and once at the office, the ticket and counter. */
export function bookingExtras(
  appointment: Pick<MyAppointment, 'code' | 'ticketNumber' | 'counter' | 'status'>,
  t: (key: 'appointments.facts.code' | 'appointments.facts.ticket' | 'appointments.facts.counter') => string,
): [string, string][] {
  const rows: [string, string][] = [[t('appointments.facts.code'), appointment.code]]
  if (appointment.ticketNumber !== null)
    rows.push([t('appointments.facts.ticket'), String(appointment.ticketNumber)])
  if (appointment.status === 'called' && appointment.counter) {
    rows.push([t('appointments.facts.counter'), appointment.counter])
  }
  return rows
}

/** One booking in the personal area: its facts and, while it can change, QR, calendar, move and cancel. */
export function AppointmentCard({
  appointment,
  upcoming,
  onAnnounce,
}: {
  appointment: MyAppointment
  upcoming: boolean
  /** Says what happened where it is still read once the card has moved to another list. */
  onAnnounce: (text: string) => void
}) {
  const { t, i18n } = useTranslation()
  const [showQr, setShowQr] = useState(false)
  const [moving, setMoving] = useState(false)
  const [confirmingCancel, setConfirmingCancel] = useState(false)
  const [notice, setNotice] = useState('')
  const cancel = useCancelAppointment()
  const reschedule = useRescheduleAppointment()
  const changeable =
    upcoming && appointment.status === 'booked' && Date.parse(appointment.startsAt) > Date.now()
  const qrId = `qr-${appointment.code}`
  const title = appointment.service.name

  return (
    <article
      className="civico-panel"
      data-testid="appointment-item"
      data-code={appointment.code}
      data-status={appointment.status}
      aria-labelledby={`title-${appointment.code}`}
    >
      <div className="d-flex flex-wrap align-items-start justify-content-between gap-2 mb-2">
        <h4 id={`title-${appointment.code}`} className="h5 mb-0">
          {title}
        </h4>
        <StatusBadge status={appointment.status} />
      </div>
      <AppointmentFacts
        showService={false}
        serviceName={title}
        startsAt={appointment.startsAt}
        endsAt={appointment.endsAt}
        officeName={appointment.office.name}
        address={appointment.office.address}
        extra={bookingExtras(appointment, t)}
      />
      <div aria-live="polite">
        {notice ? (
          <p className="civico-success-text" data-testid="appointment-notice">
            {notice}
          </p>
        ) : null}
      </div>
      {upcoming ? (
        <>
          <DocumentsToBring documents={appointment.documentsToBring} headingLevel="h3" />
          <div className="d-flex flex-wrap gap-2">
            <button
              type="button"
              className="btn btn-outline-primary btn-sm"
              aria-expanded={showQr}
              aria-controls={qrId}
              onClick={() => setShowQr((shown) => !shown)}
            >
              {showQr ? t('appointments.card.hideQr') : t('appointments.card.showQr')}
              <span className="visually-hidden"> – {title}</span>
            </button>
            <CalendarLink code={appointment.code} className="btn btn-outline-primary btn-sm" />
            {changeable ? (
              <>
                <button
                  type="button"
                  className="btn btn-outline-primary btn-sm"
                  aria-expanded={moving}
                  onClick={() => {
                    setNotice('')
                    reschedule.reset()
                    setMoving((open) => !open)
                  }}
                  data-testid="reschedule-appointment"
                >
                  {t('appointments.card.reschedule')}
                  <span className="visually-hidden"> – {title}</span>
                </button>
                <button
                  type="button"
                  className="btn btn-outline-danger btn-sm"
                  onClick={() => {
                    cancel.reset()
                    setConfirmingCancel(true)
                  }}
                  data-testid="cancel-appointment"
                >
                  {t('appointments.card.cancel')}
                  <span className="visually-hidden"> – {title}</span>
                </button>
              </>
            ) : null}
          </div>
          <div id={qrId} hidden={!showQr} className="mt-3">
            {showQr ? <BookingQrCode code={appointment.code} /> : null}
          </div>
          {moving ? (
            <RescheduleForm
              serviceId={appointment.service.id}
              officeId={appointment.office.id}
              currentStart={appointment.startsAt}
              pending={reschedule.isPending}
              error={reschedule.error}
              idPrefix={`move-${appointment.code}`}
              onCancel={() => setMoving(false)}
              onSubmit={(start) =>
                reschedule.mutate(
                  { code: appointment.code, start },
                  {
                    onSuccess: (moved) => {
                      setMoving(false)
                      setNotice(
                        t('appointments.card.moved', {
                          day: formatDay(moved.startsAt, i18n.language),
                          time: formatTime(moved.startsAt, i18n.language),
                        }),
                      )
                    },
                  },
                )
              }
            />
          ) : null}
        </>
      ) : null}
      <ConfirmDialog
        open={confirmingCancel}
        title={t('appointments.cancelDialog.title')}
        confirmLabel={t('appointments.cancelDialog.confirm')}
        pending={cancel.isPending}
        error={cancel.error}
        testId="cancel-dialog"
        onDismiss={() => setConfirmingCancel(false)}
        onConfirm={() =>
          // The promise, not the mutate callback: the cancelled card moves to another list, and a
          // callback of an unmounted component is dropped.
          cancel
            .mutateAsync(appointment.code)
            .then(() => {
              setConfirmingCancel(false)
              onAnnounce(
                t('appointments.card.cancelled', {
                  service: title,
                  day: formatDay(appointment.startsAt, i18n.language),
                }),
              )
            })
            .catch(() => undefined)
        }
      >
        <p className="mb-0">
          {t('appointments.cancelDialog.text', {
            service: title,
            day: formatDay(appointment.startsAt, i18n.language),
            time: formatTime(appointment.startsAt, i18n.language),
            office: appointment.office.name,
          })}
        </p>
      </ConfirmDialog>
    </article>
  )
}
