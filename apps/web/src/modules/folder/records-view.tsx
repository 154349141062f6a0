import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { romeIsoDay } from '../../app/i18n/format'
import type { Deadline, FolderRecord } from './folder-api'
import type { RecordSection } from './folder-sections'
import { RecordCard } from './record-card'

/** Sections whose records are the whole content; documents adds what later services issue. */
const KINDS_OF_SECTION: Record<RecordSection, readonly FolderRecord['kind'][]> = {
  documents: ['identity-card'],
  education: ['school-enrolment', 'canteen-enrolment'],
  mobility: ['vehicle', 'resident-parking-permit', 'area-c-pass', 'area-b-exemption'],
  properties: ['property'],
  isee: ['isee'],
  libraries: ['library-loan'],
  'digital-domicile': ['digital-domicile'],
}

function RecordList({
  records,
  deadlines,
}: {
  records: readonly FolderRecord[]
  deadlines: readonly Deadline[]
}) {
  const today = romeIsoDay()
  const byRecord = new Map(deadlines.map((deadline) => [deadline.recordId, deadline]))
  return (
    <ul className="civico-record-list">
      {records.map((record) => (
        <li key={record.id}>
          <RecordCard record={record} deadline={byRecord.get(record.id)} today={today} headingLevel="h3" />
        </li>
      ))}
    </ul>
  )
}

export function EmptyNote({ text, link }: { text: string; link?: { to: string; label: string } }) {
  return (
    <div className="civico-empty-state mb-4">
      <p className={link ? undefined : 'mb-0'}>{text}</p>
      {link ? (
        <Link to={link.to} className="btn btn-outline-primary btn-sm">
          {link.label}
        </Link>
      ) : null}
    </div>
  )
}

/** A section made of records: documents, school, mobility, properties, ISEE, loans, PEC. */
export function RecordsView({
  section,
  records,
  deadlines,
  guidance = true,
  receipts,
  certificates,
}: {
  section: RecordSection
  records: readonly FolderRecord[]
  deadlines: readonly Deadline[]
  /** The citizen's hints and links (renew, request, INAD); operators see the records alone. */
  guidance?: boolean
  /** The payment receipts of the folder's owner, when the session may see them. */
  receipts?: ReactNode
  /** The certificates the folder's owner asked for, when the session may see them. */
  certificates?: ReactNode
}) {
  const { t } = useTranslation()
  const kinds = KINDS_OF_SECTION[section]
  const shown = records
    .filter((record) => kinds.includes(record.kind))
    .sort((a, b) => kinds.indexOf(a.kind) - kinds.indexOf(b.kind))

  if (!guidance) {
    return (
      <div data-testid={`section-${section}`}>
        {shown.length > 0 ? (
          <RecordList records={shown} deadlines={deadlines} />
        ) : (
          <EmptyNote text={t('folder.empty')} />
        )}
      </div>
    )
  }
  if (section === 'documents') {
    return (
      <div data-testid="section-documents">
        <h2 className="h4">{t('folder.documents.identityTitle')}</h2>
        {shown.length > 0 ? (
          <RecordList records={shown} deadlines={deadlines} />
        ) : (
          <EmptyNote text={t('folder.empty')} />
        )}
        <p className="small">
          {t('folder.documents.renewHint')}{' '}
          <Link to="/servizi/carta-identita-elettronica">{t('folder.documents.renewLink')}</Link>
        </p>
        <h2 className="h4 mt-4">{t('folder.documents.certificatesTitle')}</h2>
        {certificates ?? (
          <EmptyNote
            text={t('folder.documents.certificatesEmpty')}
            link={{ to: '/servizi/certificati-anagrafici', label: t('folder.documents.certificatesLink') }}
          />
        )}
        <h2 className="h4">{t('folder.documents.receiptsTitle')}</h2>
        {receipts ?? <EmptyNote text={t('folder.documents.receiptsEmpty')} />}
      </div>
    )
  }
  return (
    <div data-testid={`section-${section}`}>
      {section === 'isee' && shown.length > 0 ? <p>{t('folder.isee.householdNote')}</p> : null}
      {section === 'digital-domicile' ? <p>{t('folder.digitalDomicile.explanation')}</p> : null}
      {shown.length > 0 ? (
        <RecordList records={shown} deadlines={deadlines} />
      ) : (
        <EmptyNote
          text={section === 'digital-domicile' ? t('folder.digitalDomicile.none') : t('folder.empty')}
        />
      )}
      {section === 'digital-domicile' ? (
        <a href="https://domiciliodigitale.gov.it" className="btn btn-outline-primary btn-sm" rel="noopener">
          {t('folder.digitalDomicile.inadLink')}
        </a>
      ) : null}
    </div>
  )
}
