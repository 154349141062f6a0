import { type FormEvent, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { isApiError } from '../../app/api/api-error'
import { formatTime } from '../../app/i18n/format'
import { ErrorAlert } from '../../app/ui/error-alert'
import { LabelledField } from '../../app/ui/labelled-field'
import { type DeskBooking, useCheckIn } from './counter-desk-api'

/** Who arrived, as the operator reads it back to the citizen: number, name, service and time. */
export function useArrivalText() {
  const { t, i18n } = useTranslation()
  return (booking: DeskBooking) =>
    t('appointmentsDesk.checkIn.who', {
      ticket: booking.ticket ?? '-',
      name: booking.citizen.name ?? booking.citizen.fiscalCode,
      service: booking.service.name,
      time: formatTime(booking.startsAt, i18n.language),
    })
}

/**
 * "Registra l'arrivo": the booking code typed, or read from the QR code by a scanner that types it
 * and presses Enter. The box empties and keeps the focus, ready for the next citizen.
 */
export function CheckInBox({ officeId }: { officeId: string }) {
  const { t } = useTranslation()
  const checkIn = useCheckIn()
  const arrival = useArrivalText()
  const input = useRef<HTMLInputElement>(null)
  const [code, setCode] = useState('')
  const [missing, setMissing] = useState(false)
  // A refusal the operator can act on (wrong day, too late, unknown code) is shown at the field.
  const refusal =
    isApiError(checkIn.error) && checkIn.error.status >= 400 && checkIn.error.status < 500
      ? checkIn.error.detail
      : undefined

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const typed = code.trim()
    setMissing(typed === '')
    if (typed === '') return
    checkIn.mutate(
      { officeId, code: typed },
      {
        onSuccess: () => {
          setCode('')
          input.current?.focus()
        },
      },
    )
  }

  return (
    <section className="civico-panel h-100" aria-labelledby="desk-check-in-title" data-testid="check-in">
      <h2 id="desk-check-in-title" className="h5">
        {t('appointmentsDesk.checkIn.title')}
      </h2>
      <form onSubmit={onSubmit} noValidate data-testid="check-in-form">
        <LabelledField
          label={t('appointmentsDesk.checkIn.code')}
          hint={t('appointmentsDesk.checkIn.hint')}
          error={missing ? t('appointmentsDesk.checkIn.required') : refusal}
        >
          {(control) => (
            <input
              {...control}
              ref={input}
              value={code}
              onChange={(event) => setCode(event.target.value)}
              autoComplete="off"
              autoCapitalize="characters"
              spellCheck={false}
              maxLength={40}
            />
          )}
        </LabelledField>
        <button type="submit" className="btn btn-primary" disabled={checkIn.isPending}>
          {t('appointmentsDesk.checkIn.submit')}
        </button>
      </form>
      <div role="status" className="mt-3" data-testid="check-in-outcome">
        {checkIn.data && !checkIn.isPending && !checkIn.isError ? (
          <p className="mb-0 civico-success-text">
            {checkIn.data.alreadyCheckedIn
              ? t('appointmentsDesk.checkIn.again', { who: arrival(checkIn.data.booking) })
              : t('appointmentsDesk.checkIn.done', { who: arrival(checkIn.data.booking) })}
          </p>
        ) : null}
      </div>
      {checkIn.isError && !refusal ? <ErrorAlert error={checkIn.error} /> : null}
    </section>
  )
}
