import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { formatDay, formatTime } from '../../app/i18n/format'
import { ErrorAlert } from '../../app/ui/error-alert'
import { LoadingState } from '../../app/ui/loading-state'
import {
  type CitizenAppointment,
  useBookableServices,
  useCancelForCitizen,
  useCitizenAppointments,
  useRescheduleForCitizen,
} from './contact-centre-booking-api'
import { SlotChooser } from './contact-centre-booking-slots'

const KNOWN_STATUSES = [
  'booked',
  'cancelled',
  'checked-in',
  'called',
  'served',
  'no-show',
  'offered',
  'expired',
] as const
type KnownStatus = (typeof KNOWN_STATUSES)[number]
const isKnownStatus = (status: string): status is KnownStatus =>
  (KNOWN_STATUSES as readonly string[]).includes(status)
const CHANNEL_NAMES: Record<string, 'web' | 'phone' | 'counter'> = {
  web: 'web',
  '020202': 'phone',
  counter: 'counter',
}

function MoveForm({
  appointment,
  onDone,
}: {
  appointment: CitizenAppointment
  onDone: (message: string) => void
}) {
  const { t, i18n } = useTranslation()
  const services = useBookableServices()
  const move = useRescheduleForCitizen()
  const [start, setStart] = useState('')
  const [problem, setProblem] = useState<string>()
  const maxDaysAhead =
    services.data?.find((service) => service.id === appointment.serviceId)?.maxDaysAhead ?? 60
  return (
    <form
      noValidate
      className="border-top pt-3 mt-3"
      data-testid="move-form"
      onSubmit={(event) => {
        event.preventDefault()
        if (!start) {
          setProblem(t('contactCentreBooking.form.startRequired'))
          return
        }
        setProblem(undefined)
        move.mutate(
          { code: appointment.code, start },
          {
            onSuccess: (moved) =>
              onDone(
                t('contactCentreBooking.list.moved', {
                  code: moved.code,
                  day: formatDay(moved.startsAt, i18n.language),
                  time: formatTime(moved.startsAt, i18n.language),
                }),
              ),
            onError: () => setStart(''),
          },
        )
      }}
    >
      <h4 className="h6">{t('contactCentreBooking.list.moveTitle', { code: appointment.code })}</h4>
      <SlotChooser
        serviceId={appointment.serviceId}
        officeId={appointment.officeId}
        maxDaysAhead={maxDaysAhead}
        value={start}
        onChange={setStart}
        error={problem}
        exceptStart={appointment.startsAt}
      />
      <button type="submit" className="btn btn-primary btn-sm" disabled={move.isPending}>
        {t('contactCentreBooking.list.confirmMove')}
      </button>
      {move.isError ? (
        <div className="mt-3">
          <ErrorAlert error={move.error} />
        </div>
      ) : null}
    </form>
  )
}

function AppointmentItem({
  appointment,
  announce,
}: {
  appointment: CitizenAppointment
  announce: (message: string) => void
}) {
  const { t, i18n } = useTranslation()
  const cancel = useCancelForCitizen()
  const [mode, setMode] = useState<'view' | 'move' | 'cancel'>('view')
  const changeable = appointment.status === 'booked' && Date.parse(appointment.startsAt) > Date.now()
  const status = isKnownStatus(appointment.status)
    ? t(`contactCentreBooking.statuses.${appointment.status}`)
    : appointment.status
  const channel = CHANNEL_NAMES[appointment.channel]
  const titleId = `appointment-${appointment.code}`
  return (
    <li className="civico-panel mb-3" aria-labelledby={titleId} data-appointment={appointment.code}>
      <div className="d-flex flex-wrap justify-content-between align-items-start gap-2">
        <h3 id={titleId} className="h5 mb-1">
          {appointment.serviceName}
        </h3>
        <span
          className={`badge ${appointment.status === 'booked' ? 'bg-primary' : 'bg-secondary'}`}
          data-testid="appointment-status"
        >
          {status}
        </span>
      </div>
      <p className="mb-1" data-testid="appointment-when">
        {t('contactCentreBooking.list.when', {
          day: formatDay(appointment.startsAt, i18n.language),
          time: formatTime(appointment.startsAt, i18n.language),
          office: appointment.officeName,
        })}
      </p>
      <p className="mb-1 small">
        {t('contactCentreBooking.list.details', {
          code: appointment.code,
          counter: appointment.counter,
          channel: channel ? t(`contactCentreBooking.channels.${channel}`) : appointment.channel,
        })}
      </p>
      {appointment.reason ? (
        <p className="mb-1 small">{t('contactCentreBooking.list.reason', { reason: appointment.reason })}</p>
      ) : null}
      {changeable && mode === 'view' ? (
        <div className="d-flex flex-wrap gap-2 mt-2">
          <button type="button" className="btn btn-outline-primary btn-sm" onClick={() => setMode('move')}>
            {t('contactCentreBooking.list.move')}
            <span className="visually-hidden"> {appointment.code}</span>
          </button>
          <button type="button" className="btn btn-outline-danger btn-sm" onClick={() => setMode('cancel')}>
            {t('contactCentreBooking.list.cancel')}
            <span className="visually-hidden"> {appointment.code}</span>
          </button>
        </div>
      ) : null}
      {mode === 'cancel' ? (
        <div className="d-flex flex-wrap align-items-center gap-2 mt-2">
          <span>{t('contactCentreBooking.list.cancelQuestion')}</span>
          <button
            type="button"
            className="btn btn-danger btn-sm"
            disabled={cancel.isPending}
            onClick={() =>
              cancel.mutate(appointment.code, {
                onSuccess: () =>
                  announce(t('contactCentreBooking.list.cancelled', { code: appointment.code })),
                onSettled: () => setMode('view'),
              })
            }
          >
            {t('contactCentreBooking.list.confirmCancel')}
          </button>
          <button type="button" className="btn btn-outline-secondary btn-sm" onClick={() => setMode('view')}>
            {t('contactCentreBooking.list.keep')}
          </button>
        </div>
      ) : null}
      {mode === 'move' ? (
        <>
          <MoveForm
            appointment={appointment}
            onDone={(message) => {
              announce(message)
              setMode('view')
            }}
          />
          <button type="button" className="btn btn-link btn-sm px-0" onClick={() => setMode('view')}>
            {t('contactCentreBooking.list.keep')}
          </button>
        </>
      ) : null}
      {cancel.isError ? <ErrorAlert error={cancel.error} /> : null}
    </li>
  )
}

/** The citizen's appointments, those still ahead first; moving and cancelling in place. */
export function CitizenAppointments({
  fiscalCode,
  announce,
}: {
  fiscalCode: string
  announce: (message: string) => void
}) {
  const { t } = useTranslation()
  const appointments = useCitizenAppointments(fiscalCode)
  const now = Date.now()
  const ahead = (appointments.data ?? []).filter((item) => Date.parse(item.endsAt) > now).reverse()
  const past = (appointments.data ?? []).filter((item) => Date.parse(item.endsAt) <= now)
  return (
    <section className="mb-4" aria-labelledby="citizen-appointments-title" data-testid="citizen-appointments">
      <h2 id="citizen-appointments-title" className="h4 text-break">
        {t('contactCentreBooking.list.title', { fiscalCode })}
      </h2>
      {appointments.isPending ? <LoadingState /> : null}
      {appointments.isError ? (
        <ErrorAlert error={appointments.error} onRetry={() => void appointments.refetch()} />
      ) : null}
      {appointments.data?.length === 0 ? (
        <p data-testid="no-appointments">{t('contactCentreBooking.list.none')}</p>
      ) : null}
      <ul className="list-unstyled mb-0">
        {[...ahead, ...past].map((appointment) => (
          <AppointmentItem key={appointment.code} appointment={appointment} announce={announce} />
        ))}
      </ul>
    </section>
  )
}
