import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorAlert } from '../../app/ui/error-alert'
import {
  type Agenda,
  type DeskAction,
  type DeskBooking,
  type Named,
  useCallNext,
  useDeskAction,
  useOfficeAgenda,
} from './counter-desk-api'
import { useArrivalText } from './counter-desk-check-in'

/** The citizen this counter called last and has not closed yet. */
function currentCall(
  agenda: Agenda | undefined,
  counterId: string,
  justCalled: DeskBooking | null | undefined,
) {
  const called = (agenda?.bookings ?? [])
    .filter((booking) => booking.status === 'called' && booking.calledTo?.id === counterId)
    .sort((a, b) => (b.calledAt ?? '').localeCompare(a.calledAt ?? ''))[0]
  if (called) return called
  if (!justCalled) return undefined
  // Until the agenda is read again, the answer of the call stands for it.
  const listed = agenda?.bookings.find((booking) => booking.code === justCalled.code)
  return !listed || listed.status === 'called' ? justCalled : undefined
}

/** "Chiama il prossimo" and what to do with whom it called: call again, served, did not come. */
export function CallPanel({ counter, officeId }: { counter: Named; officeId: string }) {
  const { t } = useTranslation()
  // Calls are always today's, whichever day the agenda below shows.
  const agenda = useOfficeAgenda(officeId, null).data
  const callNext = useCallNext()
  const action = useDeskAction()
  const arrival = useArrivalText()
  const [outcome, setOutcome] = useState('')
  const current = currentCall(agenda, counter.id, callNext.data?.called)
  const waiting = agenda?.bookings.filter((booking) => booking.status === 'checked-in').length ?? 0

  const call = () => {
    action.reset()
    callNext.mutate(counter.id, {
      onSuccess: (result) =>
        setOutcome(
          result.called
            ? t('appointmentsDesk.call.calledOutcome', {
                ticket: result.called.ticket,
                counter: counter.name,
              })
            : t('appointmentsDesk.call.nobody'),
        ),
    })
  }
  const act = (booking: DeskBooking, kind: DeskAction) => {
    callNext.reset()
    action.mutate(
      { code: booking.code, action: kind },
      { onSuccess: (done) => setOutcome(t(`appointmentsDesk.call.done.${kind}`, { ticket: done.ticket })) },
    )
  }

  return (
    <section className="civico-panel h-100" aria-labelledby="desk-call-title" data-testid="call-panel">
      <h2 id="desk-call-title" className="h5">
        {t('appointmentsDesk.call.title', { counter: counter.name })}
      </h2>
      <p data-testid="waiting-count">{t('appointmentsDesk.call.waiting', { count: waiting })}</p>
      <button type="button" className="btn btn-primary mb-3" onClick={call} disabled={callNext.isPending}>
        {t('appointmentsDesk.call.next')}
      </button>
      {current ? (
        <div className="civico-desk-current mb-3" data-testid="current-call">
          <p className="h6 mb-1">{t('appointmentsDesk.call.current')}</p>
          <p className="civico-desk-ticket mb-1">{current.ticket}</p>
          <p className="mb-2">{arrival(current)}</p>
          <div className="d-flex flex-wrap gap-2">
            <button
              type="button"
              className="btn btn-outline-primary btn-sm"
              onClick={() => act(current, 'recall')}
              disabled={action.isPending}
            >
              {t('appointmentsDesk.actions.recall')}
            </button>
            <button
              type="button"
              className="btn btn-success btn-sm"
              onClick={() => act(current, 'served')}
              disabled={action.isPending}
            >
              {t('appointmentsDesk.actions.served')}
            </button>
            <button
              type="button"
              className="btn btn-outline-danger btn-sm"
              onClick={() => act(current, 'no-show')}
              disabled={action.isPending}
            >
              {t('appointmentsDesk.actions.noShow')}
            </button>
          </div>
        </div>
      ) : null}
      <p role="status" className="mb-0" data-testid="call-outcome">
        {outcome}
      </p>
      {callNext.isError ? <ErrorAlert error={callNext.error} /> : null}
      {action.isError ? <ErrorAlert error={action.error} /> : null}
    </section>
  )
}
