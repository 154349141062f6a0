import type { UseQueryResult } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { formatDay, formatTime } from '../../app/i18n/format'
import { ErrorAlert } from '../../app/ui/error-alert'
import { LabelledField } from '../../app/ui/labelled-field'
import { LoadingState } from '../../app/ui/loading-state'
import { ScrollableTable } from '../../app/ui/scrollable-table'
import {
  type Agenda,
  type DeskAction,
  type DeskBooking,
  type DeskBookingStatus,
  useCheckIn,
  useDeskAction,
} from './counter-desk-api'

const STATUS_BADGES: Partial<Record<DeskBookingStatus, string>> = {
  booked: 'bg-secondary',
  'checked-in': 'bg-primary',
  called: 'civico-badge-called',
  served: 'bg-success',
  'no-show': 'bg-danger',
}

/** The ISO day `days` after another. */
export function shiftDay(isoDay: string, days: number): string {
  return new Date(Date.parse(`${isoDay}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10)
}

function StatusBadge({ status }: { status: DeskBookingStatus }) {
  const { t } = useTranslation()
  return (
    <span className={`badge ${STATUS_BADGES[status] ?? 'bg-secondary'}`}>
      {t(`appointmentsDesk.statuses.${status}`)}
    </span>
  )
}

/** What can be done with a booking of today from its row; the server has the last word. */
function RowActions({
  booking,
  agenda,
  officeId,
}: {
  booking: DeskBooking
  agenda: Agenda
  officeId: string
}) {
  const { t, i18n } = useTranslation()
  const checkIn = useCheckIn()
  const action = useDeskAction()
  const busy = checkIn.isPending || action.isPending
  const started = Date.parse(booking.startsAt) <= Date.parse(agenda.now)
  const who = booking.citizen.name ?? booking.citizen.fiscalCode
  const act = (kind: DeskAction) => action.mutate({ code: booking.code, action: kind })
  const button = (text: string, onClick: () => void, tone = 'btn-outline-primary') => (
    <button
      type="button"
      className={`btn btn-sm ${tone}`}
      onClick={onClick}
      disabled={busy}
      aria-label={`${text}: ${who}, ${formatTime(booking.startsAt, i18n.language)}`}
    >
      {text}
    </button>
  )
  const error = checkIn.error ?? action.error
  return (
    <>
      <div className="d-flex flex-wrap gap-1 justify-content-end">
        {booking.status === 'booked'
          ? button(t('appointmentsDesk.actions.checkIn'), () =>
              checkIn.mutate({ officeId, code: booking.code }),
            )
          : null}
        {booking.status === 'called'
          ? button(t('appointmentsDesk.actions.recall'), () => act('recall'))
          : null}
        {booking.status === 'called' || booking.status === 'checked-in'
          ? button(t('appointmentsDesk.actions.served'), () => act('served'), 'btn-outline-success')
          : null}
        {started && ['booked', 'checked-in', 'called'].includes(booking.status)
          ? button(t('appointmentsDesk.actions.noShow'), () => act('no-show'), 'btn-outline-danger')
          : null}
      </div>
      {error ? <ErrorAlert error={error} /> : null}
    </>
  )
}

/** "Agenda del giorno": the office's bookings of a day by start, worked from here when it is today. */
export function AgendaSection({
  agenda,
  officeId,
  onDate,
}: {
  agenda: UseQueryResult<Agenda>
  officeId: string
  onDate: (date: string | null) => void
}) {
  const { t, i18n } = useTranslation()
  const [typedDay, setTypedDay] = useState<string | null>(null)
  const data = agenda.data
  const shown = data?.date
  const go = (date: string) => {
    setTypedDay(null)
    onDate(date)
  }
  return (
    <section aria-labelledby="desk-agenda-title" data-testid="agenda">
      <h2 id="desk-agenda-title" className="h4">
        {shown
          ? t('appointmentsDesk.agenda.titleOf', { day: formatDay(shown, i18n.language) })
          : t('appointmentsDesk.agenda.title')}
      </h2>
      {shown ? (
        <div className="d-flex flex-wrap align-items-end gap-2 mb-3" data-testid="agenda-days">
          <button
            type="button"
            className="btn btn-outline-primary btn-sm mb-3"
            onClick={() => go(shiftDay(shown, -1))}
          >
            {t('appointmentsDesk.agenda.previous')}
          </button>
          <LabelledField label={t('appointmentsDesk.agenda.day')}>
            {(control) => (
              <input
                {...control}
                type="date"
                value={typedDay ?? shown}
                onChange={(event) => {
                  setTypedDay(event.target.value)
                  if (/^\d{4}-\d{2}-\d{2}$/.test(event.target.value)) onDate(event.target.value)
                }}
              />
            )}
          </LabelledField>
          <button
            type="button"
            className="btn btn-outline-primary btn-sm mb-3"
            onClick={() => go(shiftDay(shown, 1))}
          >
            {t('appointmentsDesk.agenda.next')}
          </button>
          {data.today ? null : (
            <button
              type="button"
              className="btn btn-primary btn-sm mb-3"
              onClick={() => {
                setTypedDay(null)
                onDate(null)
              }}
            >
              {t('appointmentsDesk.agenda.today')}
            </button>
          )}
        </div>
      ) : null}
      {agenda.isPending ? <LoadingState /> : null}
      {agenda.isError ? <ErrorAlert error={agenda.error} onRetry={() => void agenda.refetch()} /> : null}
      {data && !data.today ? <p className="text-secondary">{t('appointmentsDesk.agenda.readOnly')}</p> : null}
      {data?.bookings.length === 0 ? (
        <p data-testid="agenda-empty">{t('appointmentsDesk.agenda.none')}</p>
      ) : null}
      {data && data.bookings.length > 0 ? (
        <ScrollableTable
          label={t('appointmentsDesk.agenda.title')}
          caption={t('appointmentsDesk.agenda.caption', { office: data.office.name })}
          testId="agenda-table"
        >
          <thead>
            <tr>
              <th scope="col">{t('appointmentsDesk.agenda.time')}</th>
              <th scope="col">{t('appointmentsDesk.agenda.ticket')}</th>
              <th scope="col">{t('appointmentsDesk.agenda.citizen')}</th>
              <th scope="col">{t('appointmentsDesk.agenda.service')}</th>
              <th scope="col">{t('appointmentsDesk.agenda.counter')}</th>
              <th scope="col">{t('appointmentsDesk.agenda.status')}</th>
              <th scope="col">{t('appointmentsDesk.agenda.notes')}</th>
              {data.today ? (
                <th scope="col" className="text-end">
                  {t('appointmentsDesk.agenda.actions')}
                </th>
              ) : null}
            </tr>
          </thead>
          <tbody>
            {data.bookings.map((booking) => (
              <tr key={booking.code} data-code={booking.code}>
                <th scope="row" className="text-nowrap">
                  {formatTime(booking.startsAt, i18n.language)}–{formatTime(booking.endsAt, i18n.language)}
                </th>
                <td className="text-nowrap">{booking.ticket ?? '-'}</td>
                <td>
                  {booking.citizen.name ?? t('appointmentsDesk.agenda.unknownName')}
                  <br />
                  <span className="small text-secondary text-break">{booking.citizen.fiscalCode}</span>
                  <br />
                  <span className="small text-secondary">
                    {t('appointmentsDesk.agenda.codeAndChannel', {
                      code: booking.code,
                      channel: t(`appointmentsDesk.channels.${booking.channel}`),
                    })}
                  </span>
                </td>
                <td>{booking.service.name}</td>
                <td>
                  {booking.calledTo && booking.calledTo.id !== booking.counter.id
                    ? t('appointmentsDesk.agenda.calledTo', {
                        booked: booking.counter.name,
                        called: booking.calledTo.name,
                      })
                    : booking.counter.name}
                </td>
                <td>
                  <StatusBadge status={booking.status} />
                </td>
                <td className="small">
                  {[booking.reason, booking.notes].filter(Boolean).join(' - ') || '-'}
                </td>
                {data.today ? (
                  <td className="text-end">
                    <RowActions booking={booking} agenda={data} officeId={officeId} />
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </ScrollableTable>
      ) : null}
    </section>
  )
}
