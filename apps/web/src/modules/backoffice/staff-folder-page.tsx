import { useQuery } from '@tanstack/react-query'
import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { apiRequest } from '../../app/api/api-client'
import { formatDay } from '../../app/i18n/format'
import { ErrorAlert } from '../../app/ui/error-alert'
import { LoadingState } from '../../app/ui/loading-state'
import { TextField } from '../../app/ui/text-field'
import { usePageTitle } from '../../app/ui/use-page-title'
import { parsePersonFolder } from '../folder/folder-api'
import { RECORD_SECTIONS } from '../folder/folder-sections'
import { PersonalDataView } from '../folder/personal-data-view'
import { RecordsView } from '../folder/records-view'
import { BackOfficePage, useBackOfficeTitle } from './back-office-page'

interface Lookup {
  fiscalCode: string
  reason: string
}

/** An operator opens a citizen's folder during a call or at the counter; every opening is audited. */
export function StaffFolderPage() {
  const { t, i18n } = useTranslation()
  usePageTitle(useBackOfficeTitle(t('backOffice.folder.title')))
  const [fiscalCode, setFiscalCode] = useState('')
  const [reason, setReason] = useState('')
  const [lookup, setLookup] = useState<Lookup | null>(null)
  const folder = useQuery({
    queryKey: ['staff', 'folder', lookup],
    enabled: lookup !== null,
    retry: false,
    queryFn: ({ signal }) =>
      apiRequest({
        path: `/staff/folders/${encodeURIComponent(lookup?.fiscalCode ?? '')}?reason=${encodeURIComponent(lookup?.reason ?? '')}`,
        signal,
        parse: parsePersonFolder,
      }),
  })
  const submit = (event: FormEvent) => {
    event.preventDefault()
    setLookup({ fiscalCode: fiscalCode.trim(), reason: reason.trim() })
  }
  const data = folder.data
  return (
    <BackOfficePage
      title={t('backOffice.folder.title')}
      lead={t('backOffice.folder.lead')}
      testId="staff-folder-page"
    >
      <form className="civico-panel mb-4" onSubmit={submit} noValidate>
        <div className="row g-3">
          <div className="col-12 col-md-5">
            <TextField
              label={t('backOffice.folder.fiscalCode')}
              value={fiscalCode}
              onChange={(event) => setFiscalCode(event.target.value)}
              autoComplete="off"
              spellCheck={false}
              required
            />
          </div>
          <div className="col-12 col-md-7">
            <TextField
              label={t('backOffice.folder.reason')}
              hint={t('backOffice.folder.reasonHint')}
              value={reason}
              onChange={(event) => setReason(event.target.value)}
              required
            />
          </div>
        </div>
        <button type="submit" className="btn btn-primary">
          {t('backOffice.folder.open')}
        </button>
      </form>
      {folder.isFetching ? <LoadingState /> : null}
      {folder.isError ? <ErrorAlert error={folder.error} title={t('backOffice.folder.failed')} /> : null}
      {data?.registered && !folder.isFetching ? (
        <div className="d-flex flex-column gap-4" data-testid="staff-folder">
          <PersonalDataView person={data.person} records={data.records} />
          <section className="civico-panel" aria-labelledby="staff-family-title">
            <h2 id="staff-family-title" className="h5">
              {t('folder.sections.family.childTitle')}
            </h2>
            <ul className="mb-0">
              {data.family.map((member) => (
                <li key={member.fiscalCode}>
                  {member.givenName} {member.familyName} ({member.fiscalCode}) ·{' '}
                  {t(`folder.values.relationship.${member.relationship}` as never)} ·{' '}
                  {formatDay(member.birthDate, i18n.language)}
                </li>
              ))}
            </ul>
          </section>
          {RECORD_SECTIONS.map((section) => (
            <section key={section} aria-labelledby={`staff-${section}-title`}>
              <h2 id={`staff-${section}-title`} className="h4">
                {t(`folder.sections.${section}.childTitle`)}
              </h2>
              <RecordsView
                section={section}
                records={data.records}
                deadlines={data.deadlines}
                guidance={false}
              />
            </section>
          ))}
        </div>
      ) : null}
    </BackOfficePage>
  )
}
