import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import type { ReportCategory } from './reports-api'

/** The categories in the order the API gives them, under the area each belongs to. */
export function groupCategories(categories: readonly ReportCategory[]): [string, ReportCategory[]][] {
  const groups = new Map<string, ReportCategory[]>()
  for (const category of categories) {
    const list = groups.get(category.group) ?? []
    list.push(category)
    groups.set(category.group, list)
  }
  return [...groups.entries()]
}

/** Step 2, what the problem is: one radio group, its choices under the area headings. */
export function CategoryStep({
  categories,
  value,
  missing,
  onChange,
}: {
  categories: readonly ReportCategory[]
  value: string
  missing: boolean
  onChange: (code: string) => void
}) {
  const { t } = useTranslation()
  const id = useId()
  const errorId = `${id}-error`
  return (
    <fieldset
      className="civico-field"
      aria-describedby={missing ? errorId : undefined}
      data-testid="report-categories"
    >
      <legend className="civico-field-label">{t('reports.category.legend')}</legend>
      {groupCategories(categories).map(([group, items]) => (
        <fieldset key={group} className="mb-3">
          <legend className="fw-bold mb-2 civico-category-group">{group}</legend>
          {items.map((category) => {
            const inputId = `${id}-${category.code}`
            return (
              <div className="form-check mb-2" key={category.code}>
                <input
                  className="form-check-input"
                  type="radio"
                  name="report-category"
                  id={inputId}
                  value={category.code}
                  checked={value === category.code}
                  onChange={() => onChange(category.code)}
                  aria-invalid={missing ? true : undefined}
                />
                <label className="form-check-label" htmlFor={inputId}>
                  {category.name}
                </label>
              </div>
            )
          })}
        </fieldset>
      ))}
      {missing ? (
        <p id={errorId} className="civico-field-error">
          {t('reports.category.missing')}
        </p>
      ) : null}
    </fieldset>
  )
}
