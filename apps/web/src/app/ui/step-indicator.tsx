import { Icon } from './icon'

interface StepIndicatorProps<Step extends string> {
  steps: readonly Step[]
  current: number
  /** Each step's name, in the reader's language. */
  nameOf: (step: Step) => string
  /** "Passo 2 di 5", in the reader's language. */
  progress: string
}

/** The modello Comuni steppers header of a form in steps: the steps done, the current one, the count. */
export function StepIndicator<Step extends string>({
  steps,
  current,
  nameOf,
  progress,
}: StepIndicatorProps<Step>) {
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
              {nameOf(step)}
              {index < current ? <Icon name="it-check-circle" className="steppers-success" /> : null}
            </li>
          ))}
        </ul>
        <span className="steppers-index">{progress}</span>
      </div>
    </div>
  )
}
