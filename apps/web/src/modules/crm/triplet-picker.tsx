import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { LabelledField } from '../../app/ui/labelled-field'
import type { CategoryNode } from './taxonomy-api'

interface TripletPickerProps {
  /** The whole taxonomy; only active entries are offered. */
  categories: readonly CategoryNode[]
  /** The chosen detail's code, or '' while none is. */
  value: string
  onChange: (detailCode: string) => void
  error?: string
  legend?: string
  testId?: string
}

function parentOf(categories: readonly CategoryNode[], node: CategoryNode | undefined) {
  return node?.parentCode ? categories.find((entry) => entry.code === node.parentCode) : undefined
}

/**
 * The classification triplet as three selects, area → topic → detail, each narrowing the next. A
 * detail closes the triplet: it is what the server is given.
 */
export function TripletPicker({ categories, value, onChange, error, legend, testId }: TripletPickerProps) {
  const { t } = useTranslation()
  const id = useId()
  const active = categories.filter((entry) => entry.active)
  const chosen = active.find((entry) => entry.code === value && entry.level === 3)
  const chosenTopic = parentOf(active, chosen)
  const [areaCode, setAreaCode] = useState(parentOf(active, chosenTopic)?.code ?? '')
  const [topicCode, setTopicCode] = useState(chosenTopic?.code ?? '')
  // A value set from outside (a ticket already classified) wins over the local steps.
  const shownTopicCode = chosenTopic?.code ?? topicCode
  const shownAreaCode = parentOf(active, chosenTopic)?.code ?? areaCode

  const areas = active.filter((entry) => entry.level === 1)
  const topics = active.filter((entry) => entry.level === 2 && entry.parentCode === shownAreaCode)
  const details = active.filter((entry) => entry.level === 3 && entry.parentCode === shownTopicCode)
  // The first step still to take carries the error, so focus lands where the choice is missing.
  const invalidLevel = !error ? 0 : !shownAreaCode ? 1 : !shownTopicCode ? 2 : 3
  const invalid = (level: number) =>
    invalidLevel === level ? { 'aria-invalid': true as const, 'aria-describedby': `${id}-error` } : {}
  const selectClass = (level: number) => `form-select${invalidLevel === level ? ' is-invalid' : ''}`

  return (
    <fieldset className="civico-field civico-crm-triplet" data-testid={testId}>
      <legend className="civico-field-label">{legend ?? t('crm.triplet.legend')}</legend>
      <div className="row g-2">
        <div className="col-12 col-md-4">
          <LabelledField label={t('crm.triplet.area')}>
            {(control) => (
              <select
                {...control}
                {...invalid(1)}
                className={selectClass(1)}
                value={shownAreaCode}
                onChange={(event) => {
                  setAreaCode(event.target.value)
                  setTopicCode('')
                  onChange('')
                }}
              >
                <option value="">{t('crm.triplet.chooseArea')}</option>
                {areas.map((area) => (
                  <option key={area.code} value={area.code}>
                    {area.name}
                  </option>
                ))}
              </select>
            )}
          </LabelledField>
        </div>
        <div className="col-12 col-md-4">
          <LabelledField label={t('crm.triplet.topic')}>
            {(control) => (
              <select
                {...control}
                {...invalid(2)}
                className={selectClass(2)}
                value={shownTopicCode}
                disabled={!shownAreaCode}
                onChange={(event) => {
                  setAreaCode(shownAreaCode)
                  setTopicCode(event.target.value)
                  onChange('')
                }}
              >
                <option value="">{t('crm.triplet.chooseTopic')}</option>
                {topics.map((topic) => (
                  <option key={topic.code} value={topic.code}>
                    {topic.name}
                  </option>
                ))}
              </select>
            )}
          </LabelledField>
        </div>
        <div className="col-12 col-md-4">
          <LabelledField label={t('crm.triplet.detail')}>
            {(control) => (
              <select
                {...control}
                {...invalid(3)}
                className={selectClass(3)}
                value={chosen?.code ?? ''}
                disabled={!shownTopicCode}
                onChange={(event) => {
                  setAreaCode(shownAreaCode)
                  setTopicCode(shownTopicCode)
                  onChange(event.target.value)
                }}
              >
                <option value="">{t('crm.triplet.chooseDetail')}</option>
                {details.map((detail) => (
                  <option key={detail.code} value={detail.code}>
                    {detail.name}
                  </option>
                ))}
              </select>
            )}
          </LabelledField>
        </div>
      </div>
      {error ? (
        <p id={`${id}-error`} className="civico-field-error">
          {error}
        </p>
      ) : null}
    </fieldset>
  )
}
