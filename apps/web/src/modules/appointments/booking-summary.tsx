import { useTranslation } from 'react-i18next'
import type { BookableOffice, BookableService } from './appointments-api'
import type { BookingDraft } from './booking-draft'
import { AppointmentFacts, DocumentsToBring } from './booking-steps'

/** Step 5: everything chosen, as it will be sent, before the citizen confirms. */
export function BookingSummary({
  draft,
  service,
  office,
}: {
  draft: BookingDraft
  service: BookableService
  office: BookableOffice
}) {
  const { t } = useTranslation()
  const none = t('appointments.facts.none')
  const details: [string, string][] = [
    [t('appointments.facts.reason'), draft.reason.trim()],
    [t('appointments.facts.notes'), draft.notes.trim() || none],
    [t('appointments.facts.contact'), draft.contact.trim() || none],
  ]
  return (
    <div className="civico-panel mb-4" data-testid="booking-summary">
      {draft.start ? (
        <AppointmentFacts
          serviceName={service.name}
          startsAt={draft.start}
          endsAt={new Date(Date.parse(draft.start) + service.durationMinutes * 60_000).toISOString()}
          officeName={office.name}
          address={office.address}
          extra={details}
        />
      ) : (
        // The chosen time went to someone else: what the citizen wrote stays, the time is asked again.
        <>
          <p className="fw-semibold">{t('appointments.facts.noTime')}</p>
          <dl className="civico-facts civico-facts-two-columns mb-2">
            {[
              [t('appointments.facts.service'), service.name],
              [t('appointments.facts.office'), office.name],
              [t('appointments.facts.address'), office.address],
              ...details,
            ].map(([label, value]) => (
              <div key={label}>
                <dt>{label}</dt>
                <dd>{value}</dd>
              </div>
            ))}
          </dl>
        </>
      )}
      <DocumentsToBring documents={service.documentsToBring} />
    </div>
  )
}
