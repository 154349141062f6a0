import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { OFFICE_DISPLAY_PATH } from '../../app/paths'
import { LabelledField } from '../../app/ui/labelled-field'
import type { DeskOffice } from './counter-desk-api'

export interface DeskChoice {
  officeId: string | null
  counterId: string | null
}

const CHOICE_STORAGE_KEY = 'civico.counterDesk.choice'

function readStoredChoice(): DeskChoice {
  try {
    const stored = JSON.parse(window.localStorage.getItem(CHOICE_STORAGE_KEY) ?? '{}') as Partial<DeskChoice>
    return {
      officeId: typeof stored.officeId === 'string' ? stored.officeId : null,
      counterId: typeof stored.counterId === 'string' ? stored.counterId : null,
    }
  } catch {
    return { officeId: null, counterId: null }
  }
}

/**
 * The office and counter this screen works at, remembered on this device: the operator sits at the
 * same counter all day. A remembered one that no longer exists is forgotten; the office defaults to
 * the first, the counter is always chosen by the operator, so nobody is called to the wrong one.
 */
export function useDeskChoice(offices: DeskOffice[] | undefined) {
  const [stored, setStored] = useState<DeskChoice>(readStoredChoice)
  const office = offices?.find((candidate) => candidate.id === stored.officeId) ?? offices?.[0]
  const counter = office?.counters.find((candidate) => candidate.id === stored.counterId)
  useEffect(() => {
    try {
      window.localStorage.setItem(CHOICE_STORAGE_KEY, JSON.stringify(stored))
    } catch {
      // Private browsing may refuse storage: the choice then lasts as long as the page.
    }
  }, [stored])
  return { office, counter, choose: setStored }
}

export function officeDisplayPath(officeId: string): string {
  return `${OFFICE_DISPLAY_PATH}/${officeId}`
}

/** "Sede e sportello": where the operator works, and the way to the office's display. */
export function CounterPicker({
  offices,
  office,
  counterId,
  onChoose,
}: {
  offices: DeskOffice[]
  office: DeskOffice | undefined
  counterId: string | null
  onChoose: (choice: DeskChoice) => void
}) {
  const { t } = useTranslation()
  const counter = office?.counters.find((candidate) => candidate.id === counterId)
  return (
    <section className="civico-panel mb-4" aria-labelledby="desk-picker-title" data-testid="counter-picker">
      <h2 id="desk-picker-title" className="h5">
        {t('appointmentsDesk.picker.title')}
      </h2>
      <div className="row g-3">
        <div className="col-12 col-md-6">
          <LabelledField label={t('appointmentsDesk.picker.office')}>
            {(control) => (
              <select
                {...control}
                className="form-select"
                value={office?.id ?? ''}
                onChange={(event) => onChoose({ officeId: event.target.value, counterId: null })}
              >
                {offices.map((candidate) => (
                  <option key={candidate.id} value={candidate.id}>
                    {candidate.name}
                  </option>
                ))}
              </select>
            )}
          </LabelledField>
        </div>
        <div className="col-12 col-md-6">
          <LabelledField
            label={t('appointmentsDesk.picker.counter')}
            hint={
              counter
                ? t('appointmentsDesk.picker.services', {
                    services: counter.services.map((service) => service.name).join(', ') || '-',
                  })
                : t('appointmentsDesk.picker.counterHint')
            }
          >
            {(control) => (
              <select
                {...control}
                className="form-select"
                value={counter?.id ?? ''}
                onChange={(event) =>
                  onChoose({ officeId: office?.id ?? null, counterId: event.target.value || null })
                }
              >
                <option value="">{t('appointmentsDesk.picker.chooseCounter')}</option>
                {office?.counters.map((candidate) => (
                  <option key={candidate.id} value={candidate.id}>
                    {candidate.name}
                  </option>
                ))}
              </select>
            )}
          </LabelledField>
        </div>
      </div>
      {office ? (
        <p className="mb-0">
          <Link to={officeDisplayPath(office.id)} target="_blank" rel="noopener" data-testid="open-display">
            {t('appointmentsDesk.picker.openDisplay', { office: office.name })}
            <span className="visually-hidden"> {t('appointmentsDesk.picker.newWindow')}</span>
          </Link>
        </p>
      ) : null}
    </section>
  )
}
