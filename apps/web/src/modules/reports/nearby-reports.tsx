import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { formatDay } from '../../app/i18n/format'
import { ProblemNotice } from '../identity/problem-notice'
import { IdentityStep } from '../tickets/identity-step'
import type { VerifiedEmail } from '../tickets/write-draft'
import { ReportStatusBadge } from './report-status'
import { type LatLong, type NearbyReport, useNearbyReports, useSupportReport } from './reports-api'

export interface Supported {
  code: string
  supportCount: number
}

const excerpt = (text: string) => (text.length > 140 ? `${text.slice(0, 137).trimEnd()}…` : text)

/**
 * Open reports of the chosen category a few steps away: the same pothole reported twice helps
 * nobody, so the citizen can add their voice to one instead, which ends the flow.
 */
export function NearbyReports({
  categoryCode,
  point,
  signedIn,
  returnTo,
  onSupported,
}: {
  categoryCode: string
  point: LatLong | null
  signedIn: boolean
  returnTo: string
  onSupported: (supported: Supported) => void
}) {
  const { t, i18n } = useTranslation()
  const nearby = useNearbyReports(categoryCode, point)
  const support = useSupportReport()
  const [chosen, setChosen] = useState<NearbyReport | null>(null)
  const [verified, setVerified] = useState<VerifiedEmail | null>(null)
  const items = nearby.data ?? []
  if (!categoryCode || !point || items.length === 0) return null

  const addVoice = (report: NearbyReport, proof: VerifiedEmail | null) => {
    if (!signedIn && !proof) {
      setChosen(report)
      return
    }
    support.mutate(
      { code: report.code, ...(proof ? { email: proof.email, proof: proof.proof } : {}) },
      { onSuccess: (result) => onSupported(result) },
    )
  }

  return (
    <section className="civico-panel mt-4" aria-labelledby="nearby-title" data-testid="nearby-reports">
      <h3 id="nearby-title" className="h5">
        {t('reports.nearby.title', { count: items.length })}
      </h3>
      <p>{t('reports.nearby.lead')}</p>
      <ul className="list-unstyled mb-0">
        {items.map((report) => (
          <li
            key={report.code}
            className="civico-nearby-item"
            data-testid="nearby-report"
            data-code={report.code}
          >
            <p className="mb-1 d-flex flex-wrap gap-2 align-items-center">
              <span className="fw-semibold">{report.address ?? report.category.name}</span>
              <ReportStatusBadge status={report.status} />
            </p>
            <p className="mb-1">{excerpt(report.description)}</p>
            <p className="small text-secondary mb-2">
              {t('reports.nearby.facts', {
                metres: Math.round(report.distanceMetres),
                day: formatDay(report.createdAt, i18n.language),
                count: report.supportCount,
              })}
            </p>
            <button
              type="button"
              className="btn btn-primary btn-sm"
              disabled={support.isPending}
              onClick={() => addVoice(report, verified)}
              data-testid="add-voice"
            >
              {t('reports.nearby.addVoice')}
            </button>
          </li>
        ))}
      </ul>
      {chosen && !signedIn ? (
        <div className="mt-3" data-testid="support-identity">
          <p>{t('reports.nearby.proveFirst')}</p>
          <IdentityStep
            verified={verified}
            onVerified={(value) => {
              setVerified(value)
              if (value) addVoice(chosen, value)
            }}
            missing={false}
            returnTo={returnTo}
          />
        </div>
      ) : null}
      <div aria-live="polite">
        {support.isError ? (
          <ProblemNotice error={support.error} title={t('reports.nearby.refused')} headingLevel="h4" />
        ) : null}
      </div>
      <p className="mt-3 mb-0">{t('reports.nearby.orContinue')}</p>
    </section>
  )
}
