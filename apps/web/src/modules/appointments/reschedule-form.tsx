import { type FormEvent, useCallback, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { formatDay, formatTime } from '../../app/i18n/format'
import { ProblemNotice } from '../identity/problem-notice'
import { useBookableServices } from './appointments-api'
import { type SlotChoice, SlotPicker } from './slot-picker'

/** When the service's own window is not known yet: the longest the city lets anyone book ahead. */
const FALLBACK_DAYS_AHEAD = 60

/**
 * "Sposta": another time at the same office, chosen on the same date list as the booking, then
 * confirmed. The old time is kept until the new one is confirmed.
 */
export function RescheduleForm({
  serviceId,
  officeId,
  currentStart,
  pending,
  error,
  onSubmit,
  onCancel,
  idPrefix,
}: {
  serviceId: string
  officeId: string
  currentStart: string
  pending: boolean
  error: unknown
  onSubmit: (start: string) => void
  onCancel: () => void
  idPrefix: string
}) {
  const { t, i18n } = useTranslation()
  const services = useBookableServices()
  const maxDaysAhead =
    services.data?.find((entry) => entry.id === serviceId)?.maxDaysAhead ?? FALLBACK_DAYS_AHEAD
  const [choice, setChoice] = useState<SlotChoice>({ date: '', start: '' })
  const [missing, setMissing] = useState(false)
  const heading = useRef<HTMLHeadingElement>(null)
  const chooseSlot = useCallback((next: SlotChoice) => {
    setChoice(next)
    setMissing(false)
  }, [])

  useEffect(() => {
    heading.current?.focus()
  }, [])

  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (!choice.start) {
      setMissing(true)
      return
    }
    onSubmit(choice.start)
  }

  return (
    <form noValidate onSubmit={submit} className="civico-panel mt-3" data-testid="reschedule-form">
      <h4 ref={heading} className="h5" tabIndex={-1}>
        {t('appointments.reschedule.title')}
      </h4>
      <p>
        {t('appointments.reschedule.current', {
          day: formatDay(currentStart, i18n.language),
          time: formatTime(currentStart, i18n.language),
        })}
      </p>
      <SlotPicker
        serviceId={serviceId}
        officeId={officeId}
        maxDaysAhead={maxDaysAhead}
        value={choice}
        onChange={chooseSlot}
        excludeStart={currentStart}
        error={missing ? t('appointments.slots.timeError') : undefined}
        idPrefix={idPrefix}
      />
      <div aria-live="polite">
        {error ? (
          <ProblemNotice error={error} title={t('appointments.reschedule.failed')} headingLevel="h4" />
        ) : null}
      </div>
      <div className="d-flex flex-wrap gap-2">
        <button type="submit" className="btn btn-primary" disabled={pending}>
          {pending ? t('appointments.sending') : t('appointments.reschedule.confirm')}
        </button>
        <button type="button" className="btn btn-outline-primary" onClick={onCancel}>
          {t('appointments.reschedule.keep')}
        </button>
      </div>
    </form>
  )
}
