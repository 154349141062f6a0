import { useTranslation } from 'react-i18next'
import { Icon } from '../../app/ui/icon'
import type { ReportStep } from './report-draft'

/** The modello Comuni steppers header: steps done, the current one, "Passo 2 di 5". */
export function ReportStepIndicator({ steps, current }: { steps: readonly ReportStep[]; current: number }) {
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
              {t(`reports.stepNames.${step}`)}
              {index < current ? <Icon name="it-check-circle" className="steppers-success" /> : null}
            </li>
          ))}
        </ul>
        <span className="steppers-index">
          {t('reports.progress', { step: current + 1, total: steps.length })}
        </span>
      </div>
    </div>
  )
}
