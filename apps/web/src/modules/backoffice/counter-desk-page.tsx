import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorAlert } from '../../app/ui/error-alert'
import { LoadingState } from '../../app/ui/loading-state'
import { usePageTitle } from '../../app/ui/use-page-title'
import { BackOfficePage, useBackOfficeTitle } from './back-office-page'
import { AgendaSection } from './counter-desk-agenda'
import { useDeskOffices, useOfficeAgenda } from './counter-desk-api'
import { CallPanel } from './counter-desk-call'
import { CheckInBox } from './counter-desk-check-in'
import { CounterPicker, useDeskChoice } from './counter-desk-picker'
import './counter-desk.css'

/**
 * The counter (sportello): the office's day, arrivals checked in by booking code, the next citizen
 * called to this counter, and each booking closed as served or missed.
 */
export function CounterDeskPage() {
  const { t } = useTranslation()
  usePageTitle(useBackOfficeTitle(t('appointmentsDesk.title')))
  const offices = useDeskOffices()
  const { office, counter, choose } = useDeskChoice(offices.data)
  // null: today as the server counts it, followed as the day goes on.
  const [date, setDate] = useState<string | null>(null)
  const agenda = useOfficeAgenda(office?.id ?? null, date)

  return (
    <BackOfficePage
      title={t('appointmentsDesk.title')}
      lead={t('appointmentsDesk.lead')}
      testId="counter-desk"
    >
      {offices.isPending ? <LoadingState /> : null}
      {offices.isError ? <ErrorAlert error={offices.error} onRetry={() => void offices.refetch()} /> : null}
      {offices.data?.length === 0 ? <p>{t('appointmentsDesk.noOffices')}</p> : null}
      {offices.data && office ? (
        <>
          <CounterPicker
            offices={offices.data}
            office={office}
            counterId={counter?.id ?? null}
            onChoose={(choice) => {
              setDate(null)
              choose(choice)
            }}
          />
          <div className="row g-4 mb-5">
            <div className="col-12 col-xl-6">
              <CheckInBox officeId={office.id} />
            </div>
            <div className="col-12 col-xl-6">
              {counter ? (
                <CallPanel counter={counter} officeId={office.id} />
              ) : (
                <div className="civico-empty-state h-100" data-testid="choose-counter">
                  <p className="mb-0">{t('appointmentsDesk.call.chooseCounter')}</p>
                </div>
              )}
            </div>
          </div>
          <AgendaSection agenda={agenda} officeId={office.id} onDate={setDate} />
        </>
      ) : null}
    </BackOfficePage>
  )
}
