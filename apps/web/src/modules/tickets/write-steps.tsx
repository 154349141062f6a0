import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { LabelledField } from '../../app/ui/labelled-field'
import { RadioChoices } from '../../app/ui/radio-choices'
import { TextField } from '../../app/ui/text-field'
import { AttachmentPicker } from './attachment-picker'
import { type CategoryArea, chosenCategory } from './categories-api'
import {
  BODY_MAX,
  BODY_MIN,
  type DraftErrors,
  SUBJECT_MAX,
  SUBJECT_MIN,
  type WriteDraft,
} from './write-draft'

interface StepProps {
  draft: WriteDraft
  errors: DraftErrors
  onChange: (change: Partial<WriteDraft>) => void
}

/** A level with one choice is no choice: it is taken, and shown checked. */
function onlyCode<T extends { code: string }>(entries: readonly T[] | undefined): string {
  return entries?.length === 1 ? (entries[0]?.code ?? '') : ''
}

/** Takes the levels that offer one choice only (the mayor's form has a single area). */
export function withSingleChoices(draft: WriteDraft, areas: CategoryArea[]): WriteDraft {
  const areaCode = draft.areaCode || onlyCode(areas)
  const topics = areas.find((entry) => entry.code === areaCode)?.topics
  const topicCode = draft.topicCode || onlyCode(topics)
  const details = topics?.find((entry) => entry.code === topicCode)?.details
  return { ...draft, areaCode, topicCode, detailCode: draft.detailCode || onlyCode(details) }
}

/** Step 1: area, then topic, then detail; each choice opens the next level below it. */
export function CategoryStep({ draft, errors, onChange, areas }: StepProps & { areas: CategoryArea[] }) {
  const { t } = useTranslation()
  const { area, topic } = chosenCategory(areas, draft)
  const chooseArea = (areaCode: string) => {
    const topics = areas.find((entry) => entry.code === areaCode)?.topics
    const topicCode = onlyCode(topics)
    const details = topics?.find((entry) => entry.code === topicCode)?.details
    onChange({ areaCode, topicCode, detailCode: onlyCode(details) })
  }
  const chooseTopic = (topicCode: string) => {
    const details = area?.topics.find((entry) => entry.code === topicCode)?.details
    onChange({ topicCode, detailCode: onlyCode(details) })
  }
  return (
    <div data-testid="category-step">
      {areas.length > 1 ? (
        <RadioChoices<string>
          legend={t('tickets.category.areaLegend')}
          name="ticket-area"
          testId="ticket-areas"
          choices={areas.map((entry) => ({ value: entry.code, label: entry.name }))}
          value={draft.areaCode || null}
          onChange={chooseArea}
          error={errors.areaCode ? t('tickets.category.areaError') : undefined}
        />
      ) : null}
      {area ? (
        <RadioChoices<string>
          legend={t('tickets.category.topicLegend', { area: area.name })}
          name="ticket-topic"
          testId="ticket-topics"
          choices={area.topics.map((entry) => ({ value: entry.code, label: entry.name }))}
          value={draft.topicCode || null}
          onChange={chooseTopic}
          error={errors.topicCode ? t('tickets.category.topicError') : undefined}
        />
      ) : null}
      {topic ? (
        <RadioChoices<string>
          legend={t('tickets.category.detailLegend', { topic: topic.name })}
          name="ticket-detail"
          testId="ticket-details"
          choices={topic.details.map((entry) => ({ value: entry.code, label: entry.name }))}
          value={draft.detailCode || null}
          onChange={(detailCode) => onChange({ detailCode })}
          error={errors.detailCode ? t('tickets.category.detailError') : undefined}
        />
      ) : null}
    </div>
  )
}

/** Rounds what is left down to a few steps, so a screen reader hears it now and then, not per key. */
function nearLimit(remaining: number): number | null {
  if (remaining <= 0) return 0
  if (remaining <= 100) return 100
  if (remaining <= 500) return 500
  return null
}

/** The request's text with a live count of the characters left. */
export function BodyField({
  value,
  onChange,
  error,
  label,
  hint,
}: {
  value: string
  onChange: (value: string) => void
  error?: string
  label: string
  hint?: string
}) {
  const { t } = useTranslation()
  const counterId = useId()
  const remaining = BODY_MAX - value.length
  const threshold = nearLimit(remaining)
  return (
    <LabelledField label={label} hint={hint} error={error}>
      {(control) => (
        <>
          <textarea
            {...control}
            aria-describedby={[control['aria-describedby'], counterId].filter(Boolean).join(' ')}
            name="body"
            rows={8}
            maxLength={BODY_MAX}
            required
            value={value}
            onChange={(event) => onChange(event.target.value)}
          />
          <p id={counterId} className="civico-field-hint text-end mb-0 mt-1" data-testid="body-counter">
            {t('tickets.request.counter', { length: value.length, max: BODY_MAX })}
          </p>
          <p className="visually-hidden" aria-live="polite">
            {threshold === null
              ? ''
              : threshold === 0
                ? t('tickets.request.limitReached')
                : t('tickets.request.nearLimit', { chars: threshold })}
          </p>
        </>
      )}
    </LabelledField>
  )
}

/** Step 2: what the citizen asks, with files and, if they like, a phone number to be called back. */
export function RequestStep({ draft, errors, onChange }: StepProps) {
  const { t } = useTranslation()
  return (
    <div data-testid="request-step">
      <TextField
        label={t('tickets.request.subjectLabel')}
        hint={t('tickets.request.subjectHint', { min: SUBJECT_MIN, max: SUBJECT_MAX })}
        error={
          errors.subject
            ? t('tickets.request.subjectError', { min: SUBJECT_MIN, max: SUBJECT_MAX })
            : undefined
        }
        name="subject"
        maxLength={SUBJECT_MAX}
        required
        value={draft.subject}
        onChange={(event) => onChange({ subject: event.target.value })}
      />
      <BodyField
        label={t('tickets.request.bodyLabel')}
        hint={t('tickets.request.bodyHint', { min: BODY_MIN })}
        value={draft.body}
        onChange={(body) => onChange({ body })}
        error={errors.body ? t('tickets.request.bodyError', { min: BODY_MIN, max: BODY_MAX }) : undefined}
      />
      <AttachmentPicker files={draft.files} onChange={(files) => onChange({ files })} />
      <TextField
        label={t('tickets.request.phoneLabel')}
        hint={t('tickets.request.phoneHint')}
        error={errors.phone ? t('tickets.request.phoneError') : undefined}
        name="phone"
        type="tel"
        autoComplete="tel"
        inputMode="tel"
        maxLength={20}
        value={draft.phone}
        onChange={(event) => onChange({ phone: event.target.value })}
      />
    </div>
  )
}
