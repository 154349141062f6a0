import { useTranslation } from 'react-i18next'
import { useParams } from 'react-router'
import { NotFoundPage } from '../../app/not-found-page'
import { LoadingState } from '../../app/ui/loading-state'
import { PageHeader } from '../../app/ui/page-header'
import { usePageTitle } from '../../app/ui/use-page-title'
import { DocumentCertificates } from '../certificates/certificates-list'
import { ProblemNotice } from '../identity/problem-notice'
import { DocumentReceipts } from '../payments/receipts-list'
import { EmailNotificationsView } from './email-notifications-view'
import { FamilyView } from './family-view'
import { type PersonFolder, useFolderSummary, usePersonFolder } from './folder-api'
import { ownerOf, useFolderBreadcrumb } from './folder-page-parts'
import { type FolderSection, isRecordSection, OWN_ONLY_SECTIONS, sectionFromSlug } from './folder-sections'
import { NotRegisteredNotice } from './not-registered-notice'
import { PersonalDataView } from './personal-data-view'
import { RecordsView } from './records-view'

function SectionContent({
  section,
  folder,
  ownFolder,
}: {
  section: FolderSection
  folder: PersonFolder
  /** The session's own folder (or of whom it acts for): the one receipts and payments belong to. */
  ownFolder: boolean
}) {
  if (section === 'email-notifications') return <EmailNotificationsView />
  if (!folder.registered) return <NotRegisteredNotice fiscalCode={folder.fiscalCode} />
  if (section === 'personal-data') return <PersonalDataView person={folder.person} records={folder.records} />
  if (section === 'family') return <FamilyView family={folder.family} />
  if (isRecordSection(section)) {
    return (
      <RecordsView
        section={section}
        records={folder.records}
        deadlines={folder.deadlines}
        receipts={ownFolder ? <DocumentReceipts /> : undefined}
        certificates={ownFolder ? <DocumentCertificates /> : undefined}
      />
    )
  }
  return null
}

/**
 * One section of a folder: the citizen's own (or of whom the session acts for) at
 * /area-personale/fascicolo/<section>, a family member's at /area-personale/familiari/<code>/<section>.
 */
export function FolderSectionPage() {
  const { t } = useTranslation()
  const params = useParams()
  const section = sectionFromSlug(params.section)
  // A family member's page names the person; one's own asks the summary whose folder the session works on.
  const summary = useFolderSummary({ enabled: params.fiscalCode === undefined })
  const fiscalCode = params.fiscalCode?.toUpperCase() ?? summary.data?.owner.fiscalCode
  const folder = usePersonFolder(section ? fiscalCode : undefined)
  const owner = ownerOf(folder.data, params.fiscalCode)
  const parents = useFolderBreadcrumb(owner, params.fiscalCode !== undefined)
  const title = section
    ? owner?.someoneElse
      ? `${t(`folder.sections.${section}.childTitle`)}${owner.name ? ` – ${owner.name}` : ''}`
      : t(`folder.sections.${section}.title`)
    : ''
  usePageTitle(title)

  if (!section || (owner?.someoneElse && OWN_ONLY_SECTIONS.includes(section))) return <NotFoundPage />
  const error = summary.error ?? folder.error
  return (
    <div className="container pb-5" data-testid="folder-section-page" data-section={section}>
      <PageHeader title={title} parents={parents} />
      {error ? (
        <ProblemNotice
          error={error}
          title={t('folder.loadFailed')}
          onRetry={() => {
            if (params.fiscalCode === undefined) void summary.refetch()
            void folder.refetch()
          }}
        />
      ) : folder.data ? (
        <SectionContent section={section} folder={folder.data} ownFolder={params.fiscalCode === undefined} />
      ) : (
        <LoadingState />
      )}
    </div>
  )
}
