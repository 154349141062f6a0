import { useTranslation } from 'react-i18next'
import { formatEuro, romeIsoDay } from '../../app/i18n/format'
import { LabelledField } from '../../app/ui/labelled-field'
import { RadioChoices } from '../../app/ui/radio-choices'
import { TextField } from '../../app/ui/text-field'
import type { CertificateOptions } from './certificates-api'
import { type DraftErrors, feesDue, type RequestDraft, type StampMode } from './request-draft'
import { FeesNote } from './request-steps'

const MODES: readonly StampMode[] = ['pay', 'declared', 'exempt']

/** Step 3: stamp duty paid online, a marca da bollo already bought, or an exempt use by law. */
export function StampStep({
  draft,
  options,
  errors,
  onChange,
}: {
  draft: RequestDraft
  options: CertificateOptions
  errors: DraftErrors
  onChange: (change: Partial<RequestDraft>) => void
}) {
  const { t, i18n } = useTranslation()
  const amount = formatEuro(options.stampCents, i18n.language)
  return (
    <>
      <RadioChoices<StampMode>
        legend={t('certificates.stampLegend', { amount })}
        name="stamp-mode"
        testId="stamp-modes"
        choices={MODES.map((mode) => ({
          value: mode,
          label: t(`certificates.stampModes.${mode}`, { amount }),
          description: t(`certificates.stampHints.${mode}`),
        }))}
        value={draft.stampMode}
        onChange={(stampMode) => onChange({ stampMode })}
        error={errors.stampMode ? t('certificates.stampError') : undefined}
      />
      {draft.stampMode === 'declared' ? (
        <div className="civico-panel mb-3" data-testid="declared-stamp">
          <TextField
            label={t('certificates.stampIdLabel')}
            hint={t('certificates.stampIdHint')}
            error={errors.stampId ? t('certificates.stampIdError') : undefined}
            name="stampId"
            inputMode="numeric"
            autoComplete="off"
            maxLength={14}
            pattern="[0-9]{14}"
            required
            value={draft.stampId}
            onChange={(event) => onChange({ stampId: event.target.value.replace(/\s/g, '') })}
          />
          <TextField
            label={t('certificates.stampDateLabel')}
            error={errors.stampDate ? t('certificates.stampDateError') : undefined}
            name="stampDate"
            type="date"
            max={romeIsoDay()}
            required
            value={draft.stampDate}
            onChange={(event) => onChange({ stampDate: event.target.value })}
          />
        </div>
      ) : null}
      {draft.stampMode === 'exempt' ? (
        <div className="civico-panel mb-3" data-testid="stamp-exemption">
          <LabelledField
            label={t('certificates.exemptionLabel')}
            error={errors.exemption ? t('certificates.exemptionError') : undefined}
          >
            {(control) => (
              <select
                {...control}
                className={`form-select${errors.exemption ? ' is-invalid' : ''}`}
                name="exemption"
                required
                value={draft.exemption}
                onChange={(event) => onChange({ exemption: event.target.value })}
              >
                <option value="">{t('certificates.exemptionChoose')}</option>
                {options.exemptions.map((exemption) => (
                  <option key={exemption.code} value={exemption.code}>
                    {t('certificates.exemptionOption', {
                      use: exemption.use,
                      reference: exemption.reference,
                    })}
                  </option>
                ))}
              </select>
            )}
          </LabelledField>
        </div>
      ) : null}
      {draft.stampMode ? <FeesNote cents={feesDue(draft, options)} /> : null}
    </>
  )
}
