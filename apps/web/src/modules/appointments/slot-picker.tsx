import { useEffect, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { formatTime } from '../../app/i18n/format'
import { ErrorAlert } from '../../app/ui/error-alert'
import { LoadingState } from '../../app/ui/loading-state'
import { type FreeSlot, useFreeSlotsByDay } from './appointments-api'
import { bookingDays, DAYS_PER_PAGE, formatWeekday, lastBookingDay } from './booking-days'
import { WaitlistOffer } from './waitlist-offer'

export interface SlotChoice {
  date: string
  start: string
}

interface SlotPickerProps {
  serviceId: string
  officeId: string
  maxDaysAhead: number
  value: SlotChoice
  onChange: (choice: SlotChoice, slot?: FreeSlot) => void
  error?: string
  /** Offers the waiting list for a chosen day without free times (not when moving a booking). */
  offerWaitlist?: boolean
  /** A start the citizen already holds, left out of the times (moving a booking). */
  excludeStart?: string
  idPrefix: string
}

/** A row of radios drawn as buttons: compact enough for a week of days or a day of times at 360 px. */
function ChipChoices({
  legend,
  name,
  choices,
  value,
  onChange,
  error,
  columnsClass,
  testId,
}: {
  legend: string
  name: string
  choices: { value: string; label: string; note?: string }[]
  value: string
  onChange: (value: string) => void
  error?: string
  columnsClass: string
  testId: string
}) {
  const id = useId()
  const errorId = `${id}-error`
  return (
    <fieldset className="civico-field" aria-describedby={error ? errorId : undefined} data-testid={testId}>
      <legend className="civico-field-label">{legend}</legend>
      <div className={`civico-chip-grid ${columnsClass}`}>
        {choices.map((choice) => (
          <div key={choice.value}>
            <input
              type="radio"
              className="btn-check"
              name={name}
              id={`${id}-${choice.value}`}
              value={choice.value}
              checked={value === choice.value}
              onChange={() => onChange(choice.value)}
            />
            <label className="btn btn-outline-primary civico-chip" htmlFor={`${id}-${choice.value}`}>
              <span className="civico-chip-label">{choice.label}</span>
              {choice.note ? <span className="civico-chip-note">{choice.note}</span> : null}
            </label>
          </div>
        ))}
      </div>
      {error ? (
        <p id={errorId} className="civico-field-error">
          {error}
        </p>
      ) : null}
    </fieldset>
  )
}

/** Step "Data e orario": the next weekdays with how many times are free, then the times of the chosen day. */
export function SlotPicker({
  serviceId,
  officeId,
  maxDaysAhead,
  value,
  onChange,
  error,
  offerWaitlist = false,
  excludeStart,
  idPrefix,
}: SlotPickerProps) {
  const { t, i18n } = useTranslation()
  const [shown, setShown] = useState(DAYS_PER_PAGE)
  const days = bookingDays(maxDaysAhead, shown)
  const lastDay = lastBookingDay(maxDaysAhead)
  const results = useFreeSlotsByDay(serviceId, officeId, days)
  const slotsOf = (index: number) =>
    (results[index]?.data ?? []).filter((slot) => slot.startsAt !== excludeStart)
  const firstFree = days.findIndex((_, index) => slotsOf(index).length > 0)
  const allLoaded = results.every((result) => !result.isPending)

  // The first day with free times is chosen for the citizen, so the times show at once.
  useEffect(() => {
    if (value.date || firstFree < 0 || !allLoaded) return
    onChange({ date: days[firstFree] as string, start: '' })
  }, [value.date, firstFree, allLoaded, days, onChange])

  const failed = results.find((result) => result.isError)
  const dayIndex = days.indexOf(value.date)
  const dayResult = dayIndex >= 0 ? results[dayIndex] : undefined
  const daySlots = dayIndex >= 0 ? slotsOf(dayIndex) : []

  return (
    <div data-testid="slot-picker">
      {failed?.error ? <ErrorAlert error={failed.error} onRetry={() => void failed.refetch()} /> : null}
      <ChipChoices
        legend={t('appointments.slots.dayLegend')}
        name={`${idPrefix}-day`}
        testId="slot-days"
        columnsClass="civico-chip-grid-days"
        value={value.date}
        onChange={(date) => onChange({ date, start: '' })}
        choices={days.map((day, index) => {
          const result = results[index]
          const free = slotsOf(index).length
          return {
            value: day,
            label: formatWeekday(day, i18n.language),
            note: result?.isPending
              ? t('appointments.slots.checking')
              : result?.isError
                ? t('appointments.slots.unknown')
                : free > 0
                  ? t('appointments.slots.freeCount', { count: free })
                  : t('appointments.slots.full'),
          }
        })}
      />
      {days[days.length - 1] !== undefined && (days[days.length - 1] as string) < lastDay ? (
        <button
          type="button"
          className="btn btn-link px-0 mb-3"
          onClick={() => setShown((count) => count + DAYS_PER_PAGE)}
        >
          {t('appointments.slots.moreDays')}
        </button>
      ) : null}
      {value.date && dayResult?.isPending ? (
        <LoadingState label={t('appointments.slots.loadingTimes')} />
      ) : null}
      {value.date && dayResult?.isSuccess && daySlots.length > 0 ? (
        <ChipChoices
          legend={t('appointments.slots.timeLegend', { day: formatWeekday(value.date, i18n.language) })}
          name={`${idPrefix}-time`}
          testId="slot-times"
          columnsClass="civico-chip-grid-times"
          value={value.start}
          onChange={(start) =>
            onChange(
              { date: value.date, start },
              daySlots.find((slot) => slot.startsAt === start),
            )
          }
          error={error}
          choices={daySlots.map((slot) => ({
            value: slot.startsAt,
            label: formatTime(slot.startsAt, i18n.language),
          }))}
        />
      ) : null}
      {value.date && dayResult?.isSuccess && daySlots.length === 0 ? (
        <div className="civico-panel mb-3" data-testid="slot-day-full">
          <p className="fw-semibold mb-1">
            {t('appointments.slots.noneThatDay', { day: formatWeekday(value.date, i18n.language) })}
          </p>
          {offerWaitlist ? (
            <WaitlistOffer serviceId={serviceId} officeId={officeId} date={value.date} />
          ) : (
            <p className="mb-0">{t('appointments.slots.pickAnother')}</p>
          )}
        </div>
      ) : null}
      {error && !(dayResult?.isSuccess && daySlots.length > 0) ? (
        <p className="civico-field-error">{error}</p>
      ) : null}
    </div>
  )
}
