import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { APPOINTMENTS_SECTION_PATH, PERSONAL_AREA_PATH } from '../../app/paths'
import { Icon } from '../../app/ui/icon'
import {
  type BookableOffice,
  type BookableService,
  type Booked,
  calendarFilePath,
  qrCodePath,
} from './appointments-api'
import { AppointmentFacts, DocumentsToBring } from './booking-steps'

/** The QR code of a booking code, which the counter's reader scans at check-in. */
export function BookingQrCode({ code, size = 176 }: { code: string; size?: number }) {
  const { t } = useTranslation()
  return (
    <figure className="civico-qr mb-3">
      <img
        src={qrCodePath(code)}
        width={size}
        height={size}
        alt={t('appointments.qrAlt', { code })}
        data-testid="appointment-qr"
      />
      <figcaption className="small text-secondary">{t('appointments.qrCaption')}</figcaption>
    </figure>
  )
}

export function CalendarLink({ code, className }: { code: string; className?: string }) {
  const { t } = useTranslation()
  return (
    <a
      href={calendarFilePath(code)}
      download={`appuntamento-${code}.ics`}
      className={className}
      data-testid="appointment-ics"
    >
      <Icon
        name="it-calendar"
        size="sm"
        color={className?.includes('btn-primary') ? 'white' : 'primary'}
        className="me-1"
      />
      {t('appointments.addToCalendar')}
    </a>
  )
}

/** "Prenotazione confermata": the code in large type, when and where, what to bring, QR and calendar. */
export function BookingConfirmation({
  booked,
  service,
  office,
  onAnother,
}: {
  booked: Booked
  service: BookableService
  office: BookableOffice
  onAnother: () => void
}) {
  const { t } = useTranslation()
  const heading = useRef<HTMLHeadingElement>(null)
  useEffect(() => {
    heading.current?.focus()
  }, [])
  return (
    <div data-testid="booking-confirmation">
      <div className="alert alert-success" role="status">
        <h2 ref={heading} className="h4" tabIndex={-1}>
          {t('appointments.confirmed.title')}
        </h2>
        <p className="mb-0">{t('appointments.confirmed.text')}</p>
      </div>
      <section className="civico-panel mb-4" aria-labelledby="booking-code-label">
        <p id="booking-code-label" className="mb-1 fw-semibold">
          {t('appointments.confirmed.codeLabel')}
        </p>
        <p className="civico-booking-code" data-testid="booking-code">
          {booked.code}
        </p>
        <div className="d-flex flex-column flex-sm-row gap-4 align-items-sm-start">
          <BookingQrCode code={booked.code} />
          <div className="flex-grow-1">
            <AppointmentFacts
              serviceName={service.name}
              startsAt={booked.startsAt}
              endsAt={booked.endsAt}
              officeName={office.name}
              address={office.address}
            />
          </div>
        </div>
        <DocumentsToBring documents={service.documentsToBring} />
        <p className="small mb-0">{t('appointments.confirmed.arrive')}</p>
      </section>
      <div className="d-flex flex-column flex-sm-row flex-wrap gap-2 mb-3">
        <CalendarLink code={booked.code} className="btn btn-primary" />
        <Link
          className="btn btn-outline-primary"
          to={APPOINTMENTS_SECTION_PATH}
          data-testid="to-my-appointments"
        >
          {t('appointments.confirmed.toMine')}
        </Link>
        <Link className="btn btn-outline-primary" to={PERSONAL_AREA_PATH}>
          {t('appointments.confirmed.toPersonalArea')}
        </Link>
      </div>
      <button type="button" className="btn btn-link px-0" onClick={onAnother}>
        {t('appointments.confirmed.another')}
      </button>
    </div>
  )
}
