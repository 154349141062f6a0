import { useTranslation } from 'react-i18next'
import { formatEuro } from '../../app/i18n/format'
import { RadioChoices } from '../../app/ui/radio-choices'
import { TextArea } from '../../app/ui/text-area'
import type { CertificateLanguage, CertificateOptions, CertificateTypeId } from './certificates-api'
import type { DraftErrors, RequestDraft } from './request-draft'

export interface SubjectChoice {
  value: string
  label: string
  /** Whom the certificate is about, as the summary names them. */
  name: string
}

interface StepProps {
  draft: RequestDraft
  options: CertificateOptions
  errors: DraftErrors
  onChange: (change: Partial<RequestDraft>) => void
}

/** Step 1: which certificate, and for whom (oneself or a minor child of the household). */
export function WhatStep({
  draft,
  options,
  errors,
  onChange,
  subjects,
}: StepProps & { subjects: SubjectChoice[] }) {
  const { t } = useTranslation()
  return (
    <>
      <RadioChoices<CertificateTypeId>
        legend={t('certificates.typeLegend')}
        name="certificate-type"
        testId="certificate-types"
        choices={options.types.map((type) => ({
          value: type.id,
          label: t(`certificates.types.${type.id}.name`),
          description: t(`certificates.types.${type.id}.description`),
        }))}
        value={draft.type}
        onChange={(type) => onChange({ type })}
        error={errors.type ? t('certificates.typeError') : undefined}
      />
      {subjects.length > 1 ? (
        <RadioChoices<string>
          legend={t('certificates.subjectLegend')}
          name="certificate-subject"
          testId="certificate-subjects"
          choices={subjects}
          value={draft.subject}
          onChange={(subject) => onChange({ subject })}
        />
      ) : null}
    </>
  )
}

/** Step 2: the language (when the city offers more than one), the intended use, use abroad. */
export function DetailsStep({ draft, options, errors, onChange }: StepProps) {
  const { t } = useTranslation()
  return (
    <>
      {options.languages.length > 1 ? (
        <RadioChoices<CertificateLanguage>
          legend={t('certificates.languageLegend')}
          name="certificate-language"
          choices={options.languages.map((language) => ({
            value: language,
            label: t(`certificates.languages.${language}`),
          }))}
          value={draft.language}
          onChange={(language) => onChange({ language })}
        />
      ) : null}
      <TextArea
        label={t('certificates.purposeLabel')}
        hint={t('certificates.purposeHint')}
        error={errors.purpose ? t('certificates.purposeError') : undefined}
        value={draft.purpose}
        maxLength={200}
        required
        rows={2}
        name="purpose"
        onChange={(event) => onChange({ purpose: event.target.value })}
      />
      <div className="form-check civico-field">
        <input
          className="form-check-input"
          type="checkbox"
          id="certificate-abroad"
          checked={draft.forUseAbroad}
          onChange={(event) => onChange({ forUseAbroad: event.target.checked })}
          aria-describedby="certificate-abroad-hint"
        />
        <label className="form-check-label fw-semibold" htmlFor="certificate-abroad">
          {t('certificates.abroadLabel')}
        </label>
        <p id="certificate-abroad-hint" className="small text-secondary mb-0 ms-5">
          {t('certificates.abroadHint')}
        </p>
      </div>
    </>
  )
}

/** The fees a choice leaves to pay online, when the city charges any. */
export function FeesNote({ cents }: { cents: number }) {
  const { t, i18n } = useTranslation()
  if (cents <= 0) return null
  return (
    <p className="small" data-testid="certificate-fees">
      {t('certificates.feesNote', { amount: formatEuro(cents, i18n.language) })}
    </p>
  )
}
