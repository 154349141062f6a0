import { useTranslation } from 'react-i18next'
import { Icon } from '../../app/ui/icon'
import type { BookingStep } from './booking-draft'

/** The modello Comuni steppers header for the booking: steps done, the current one, "Passo 3 di 5". */
export function BookingStepIndicator({ steps, current }: { steps: readonly BookingStep[]; current: number }) {
  const { t } = useTranslation()
  return (
    <div className="steppers mb-3" data-testid="step-indicator">
      <div className="steppers-header">
        <ul>
          {steps.map((step, index) => (
            <li
              key={step}
              className={index < current ? 'confirmed' : index === current ? 'active' : undefined}
              aria-current={index === current ? 'step' : undefined}
            >
              {t(`appointments.stepNames.${step}`)}
              {index < current ? <Icon name="it-check-circle" className="steppers-success" /> : null}
            </li>
          ))}
        </ul>
        <span className="steppers-index">
          {t('appointments.progress', { step: current + 1, total: steps.length })}
        </span>
      </div>
    </div>
  )
}
