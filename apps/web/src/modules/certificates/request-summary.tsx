import { useTranslation } from 'react-i18next'
import { formatDay, formatEuro } from '../../app/i18n/format'
import type { CertificateOptions } from './certificates-api'
import { amountDue, needsStamp, type RequestDraft } from './request-draft'

/** Step 4: everything chosen, as it will be sent, before the citizen confirms. */
export function RequestSummary({
  draft,
  options,
  subjectLabel,
}: {
  draft: RequestDraft
  options: CertificateOptions
  subjectLabel: string
}) {
  const { t, i18n } = useTranslation()
  const euro = (cents: number) => formatEuro(cents, i18n.language)
  const exemption = options.exemptions.find((entry) => entry.code === draft.exemption)
  const stamp = !needsStamp(draft, options)
    ? t('certificates.stampSummary.none')
    : draft.stampMode === 'declared'
      ? t('certificates.stampSummary.declared', {
          id: draft.stampId,
          date: formatDay(draft.stampDate, i18n.language),
        })
      : draft.stampMode === 'exempt'
        ? t('certificates.stampSummary.exempt', {
            use: exemption?.use ?? draft.exemption,
            reference: exemption?.reference ?? '',
          })
        : t('certificates.stampSummary.pay', { amount: euro(options.stampCents) })
  const due = amountDue(draft, options)
  const rows: [string, string][] = [
    [t('certificates.summary.type'), draft.type ? t(`certificates.types.${draft.type}.name`) : ''],
    [t('certificates.summary.subject'), subjectLabel],
    ...(options.languages.length > 1
      ? [
          [t('certificates.summary.language'), t(`certificates.languages.${draft.language}`)] as [
            string,
            string,
          ],
        ]
      : []),
    [t('certificates.summary.purpose'), draft.purpose.trim()],
    [
      t('certificates.summary.abroad'),
      draft.forUseAbroad ? t('certificates.summary.yes') : t('certificates.summary.no'),
    ],
    [t('certificates.summary.stamp'), stamp],
    ...(due > 0 ? [[t('certificates.summary.toPay'), euro(due)] as [string, string]] : []),
  ]
  return (
    <div className="civico-panel mb-4" data-testid="certificate-summary">
      <dl className="civico-facts mb-0">
        {rows.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </div>
  )
}
