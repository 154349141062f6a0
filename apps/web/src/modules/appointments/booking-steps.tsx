import { useTranslation } from 'react-i18next'
import { formatDay, formatTime } from '../../app/i18n/format'
import { RadioChoices } from '../../app/ui/radio-choices'
import { TextArea } from '../../app/ui/text-area'
import { TextField } from '../../app/ui/text-field'
import type { BookableOffice, BookableService } from './appointments-api'
import type { BookingDraft, DraftErrors } from './booking-draft'

interface StepProps {
  draft: BookingDraft
  errors: DraftErrors
  onChange: (change: Partial<BookingDraft>) => void
}

/** What to bring to the counter: shown when choosing the service, in the summary and on the confirmation. */
export function DocumentsToBring({
  documents,
  headingLevel = 'h3',
}: {
  documents: string[]
  headingLevel?: 'h2' | 'h3'
}) {
  const { t } = useTranslation()
  if (documents.length === 0) return null
  const Heading = headingLevel
  return (
    <div className="mb-3" data-testid="documents-to-bring">
      <Heading className="h6">{t('appointments.documentsTitle')}</Heading>
      <ul className="mb-0">
        {documents.map((document) => (
          <li key={document}>{document}</li>
        ))}
      </ul>
    </div>
  )
}

/** Step 1: which service the appointment is for, with its length. */
export function ServiceStep({
  draft,
  errors,
  onChange,
  services,
}: StepProps & { services: BookableService[] }) {
  const { t } = useTranslation()
  const service = services.find((entry) => entry.id === draft.serviceId)
  return (
    <>
      <RadioChoices<string>
        legend={t('appointments.serviceLegend')}
        name="appointment-service"
        testId="appointment-services"
        choices={services.map((entry) => ({
          value: entry.id,
          label: entry.name,
          description: t('appointments.duration', { minutes: entry.durationMinutes }),
        }))}
        value={draft.serviceId || null}
        onChange={(serviceId) => {
          const next = services.find((entry) => entry.id === serviceId)
          // An office with one choice is no choice: it is taken, and the citizen can still go back.
          const only = next?.offices.length === 1 ? (next.offices[0]?.id ?? '') : ''
          onChange({ serviceId, officeId: only, date: '', start: '' })
        }}
        error={errors.serviceId ? t('appointments.serviceError') : undefined}
      />
      {service ? <DocumentsToBring documents={service.documentsToBring} /> : null}
    </>
  )
}

function OfficeDescription({ office }: { office: BookableOffice }) {
  const { t } = useTranslation()
  return (
    <>
      <span className="d-block">{office.address}</span>
      {office.accessibilityNotes ? (
        <span className="d-block">
          <span className="fw-semibold">{t('appointments.accessibility')}: </span>
          {office.accessibilityNotes}
        </span>
      ) : null}
    </>
  )
}

/** Step 2: the office, with its address and how it can be reached by everybody. */
export function OfficeStep({ draft, errors, onChange, service }: StepProps & { service: BookableService }) {
  const { t } = useTranslation()
  return (
    <RadioChoices<string>
      legend={t('appointments.officeLegend')}
      name="appointment-office"
      testId="appointment-offices"
      choices={service.offices.map((office) => ({
        value: office.id,
        label: office.name,
        description: <OfficeDescription office={office} />,
      }))}
      value={draft.officeId || null}
      onChange={(officeId) => onChange({ officeId, date: '', start: '' })}
      error={errors.officeId ? t('appointments.officeError') : undefined}
    />
  )
}

/** Step 4: why the citizen comes, anything the office should know, how to reach them. */
export function DetailsStep({ draft, errors, onChange }: StepProps) {
  const { t } = useTranslation()
  return (
    <>
      <TextArea
        label={t('appointments.reasonLabel')}
        hint={t('appointments.reasonHint')}
        error={errors.reason ? t('appointments.reasonError') : undefined}
        name="reason"
        rows={2}
        maxLength={500}
        required
        value={draft.reason}
        onChange={(event) => onChange({ reason: event.target.value })}
      />
      <TextArea
        label={t('appointments.notesLabel')}
        hint={t('appointments.notesHint')}
        name="notes"
        rows={3}
        maxLength={1000}
        value={draft.notes}
        onChange={(event) => onChange({ notes: event.target.value })}
      />
      <TextField
        label={t('appointments.contactLabel')}
        hint={t('appointments.contactHint')}
        error={errors.contact ? t('appointments.contactError') : undefined}
        name="contact"
        autoComplete="email"
        maxLength={200}
        value={draft.contact}
        onChange={(event) => onChange({ contact: event.target.value })}
      />
    </>
  )
}

/** When, where and what, as one list: the summary, the confirmation and the personal area share it. */
export function AppointmentFacts({
  serviceName,
  startsAt,
  endsAt,
  officeName,
  address,
  extra = [],
  showService = true,
}: {
  /** Off where the service already names the card as its heading. */
  showService?: boolean
  serviceName: string
  startsAt: string
  endsAt: string
  officeName: string
  address: string
  extra?: [string, string][]
}) {
  const { t, i18n } = useTranslation()
  const rows: [string, string][] = [
    ...(showService ? [[t('appointments.facts.service'), serviceName] as [string, string]] : []),
    [t('appointments.facts.day'), formatDay(startsAt, i18n.language)],
    [
      t('appointments.facts.time'),
      t('appointments.facts.timeValue', {
        from: formatTime(startsAt, i18n.language),
        to: formatTime(endsAt, i18n.language),
      }),
    ],
    [t('appointments.facts.office'), officeName],
    [t('appointments.facts.address'), address],
    ...extra,
  ]
  return (
    <dl className="civico-facts civico-facts-two-columns mb-2">
      {rows.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  )
}
