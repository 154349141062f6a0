import { useId } from 'react'
import { useTranslation } from 'react-i18next'

export interface Bar {
  key: string
  label: string
  value: number
}

/**
 * A horizontal bar chart drawn with CSS: each bar's label and number are text, so it reads without
 * the picture; the same figures follow in a table for those who prefer one.
 */
export function BarChart({
  title,
  bars,
  valueLabel,
  testId,
}: {
  title: string
  bars: Bar[]
  valueLabel: string
  testId?: string
}) {
  const { t, i18n } = useTranslation()
  const id = useId()
  const max = Math.max(1, ...bars.map((bar) => bar.value))
  const number = new Intl.NumberFormat(i18n.language === 'en' ? 'en-GB' : 'it-IT')
  return (
    <figure className="civico-crm-chart" aria-labelledby={`${id}-title`} data-testid={testId}>
      <figcaption id={`${id}-title`} className="h5">
        {title}
      </figcaption>
      {bars.length === 0 ? (
        <p className="small">{t('crm.dashboard.noData')}</p>
      ) : (
        <>
          <ul className="civico-crm-bars">
            {bars.map((bar) => (
              <li key={bar.key}>
                <span className="civico-crm-bar-label">{bar.label}</span>
                <span className="civico-crm-bar-track" aria-hidden="true">
                  <span className="civico-crm-bar" style={{ width: `${(bar.value / max) * 100}%` }} />
                </span>
                <span className="civico-crm-bar-value">{number.format(bar.value)}</span>
              </li>
            ))}
          </ul>
          <details className="mt-2">
            <summary className="small">{t('crm.dashboard.asTable')}</summary>
            <table className="table table-sm mt-2">
              <caption className="visually-hidden">{title}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('crm.dashboard.item')}</th>
                  <th scope="col" className="text-end">
                    {valueLabel}
                  </th>
                </tr>
              </thead>
              <tbody>
                {bars.map((bar) => (
                  <tr key={bar.key}>
                    <th scope="row" className="fw-normal">
                      {bar.label}
                    </th>
                    <td className="text-end">{number.format(bar.value)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        </>
      )}
    </figure>
  )
}
