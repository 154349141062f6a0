import { useEffect, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { formatDay, formatTime, romeIsoDay } from '../../app/i18n/format'
import { ErrorAlert } from '../../app/ui/error-alert'
import { LoadingState } from '../../app/ui/loading-state'
import { TextField } from '../../app/ui/text-field'
import { useFreeSlots } from './contact-centre-booking-api'

const DAY_MS = 86_400_000

/**
 * A day and a free time on it. The day starts on the first one with free times, found by the API
 * whatever the weekday, so the operator reads the earliest offer to the citizen at once.
 */
export function SlotChooser({
  serviceId,
  officeId,
  maxDaysAhead,
  value,
  onChange,
  error,
  exceptStart,
}: {
  serviceId: string
  officeId: string
  maxDaysAhead: number
  value: string
  onChange: (startsAt: string) => void
  error?: string
  /** The booking's own start when moving it: not offered again. */
  exceptStart?: string
}) {
  const { t, i18n } = useTranslation()
  const name = useId()
  const today = romeIsoDay()
  const first = useFreeSlots({ serviceId, officeId, limit: 2 })
  const firstFree = first.data?.find((slot) => slot.startsAt !== exceptStart)
  const [date, setDate] = useState('')
  useEffect(() => {
    if (!date && firstFree) setDate(romeIsoDay(Date.parse(firstFree.startsAt)))
  }, [date, firstFree])
  const validDate = /^\d{4}-\d{2}-\d{2}$/.test(date)
  const day = useFreeSlots(validDate ? { serviceId, officeId, date, limit: 200 } : null)
  const times = (day.data ?? []).filter((slot) => slot.startsAt !== exceptStart)

  return (
    <div data-testid="slot-chooser">
      {first.isPending ? <LoadingState /> : null}
      {first.isError ? <ErrorAlert error={first.error} onRetry={() => void first.refetch()} /> : null}
      {first.data && !firstFree ? (
        <p className="alert alert-warning">{t('contactCentreBooking.slots.noneAtAll')}</p>
      ) : null}
      {firstFree ? (
        <p className="small" data-testid="first-free">
          {t('contactCentreBooking.slots.firstFree', {
            day: formatDay(firstFree.startsAt, i18n.language),
            time: formatTime(firstFree.startsAt, i18n.language),
          })}
        </p>
      ) : null}
      <TextField
        label={t('contactCentreBooking.slots.day')}
        type="date"
        min={today}
        max={romeIsoDay(Date.now() + maxDaysAhead * DAY_MS)}
        value={date}
        onChange={(event) => {
          setDate(event.target.value)
          onChange('')
        }}
      />
      {day.isFetching && !day.data ? <LoadingState /> : null}
      {day.isError ? <ErrorAlert error={day.error} onRetry={() => void day.refetch()} /> : null}
      {day.data && times.length === 0 ? (
        <p data-testid="no-times">
          {t('contactCentreBooking.slots.noneThatDay', { day: formatDay(date, i18n.language) })}
        </p>
      ) : null}
      {times.length > 0 ? (
        <fieldset
          className="civico-field"
          aria-describedby={error ? `${name}-error` : undefined}
          data-testid="times"
        >
          <legend className="civico-field-label">
            {t('contactCentreBooking.slots.times', { day: formatDay(date, i18n.language) })}
          </legend>
          <div className="d-flex flex-wrap gap-2">
            {times.map((slot) => {
              const id = `${name}-${slot.startsAt}`
              return (
                <span key={slot.startsAt}>
                  <input
                    type="radio"
                    className="btn-check"
                    name={name}
                    id={id}
                    checked={value === slot.startsAt}
                    onChange={() => onChange(slot.startsAt)}
                  />
                  <label className="btn btn-outline-primary btn-sm" htmlFor={id}>
                    {formatTime(slot.startsAt, i18n.language)}
                  </label>
                </span>
              )
            })}
          </div>
          {error ? (
            <p id={`${name}-error`} className="civico-field-error">
              {error}
            </p>
          ) : null}
        </fieldset>
      ) : null}
    </div>
  )
}
