import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'

export interface BreadcrumbStep {
  label: string
  to: string
}

interface BreadcrumbProps {
  /** Steps between the home page and the current page. */
  parents?: BreadcrumbStep[]
  current: string
}

export function Breadcrumb({ parents = [], current }: BreadcrumbProps) {
  const { t } = useTranslation()
  const steps: BreadcrumbStep[] = [{ label: t('common.home'), to: '/' }, ...parents]
  return (
    <nav className="breadcrumb-container" aria-label={t('common.breadcrumb')}>
      <ol className="breadcrumb p-0 mb-3">
        {steps.map((step) => (
          <li className="breadcrumb-item" key={step.to}>
            <Link to={step.to}>{step.label}</Link>
            <span className="separator" aria-hidden="true">
              /
            </span>
          </li>
        ))}
        <li className="breadcrumb-item active" aria-current="page">
          {current}
        </li>
      </ol>
    </nav>
  )
}
