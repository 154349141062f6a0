import { useTranslation } from 'react-i18next'
import { useParams } from 'react-router'
import { FOLDER_PATH } from '../../app/paths'
import { LoadingState } from '../../app/ui/loading-state'
import { PageHeader } from '../../app/ui/page-header'
import { usePageTitle } from '../../app/ui/use-page-title'
import { ProblemNotice } from '../identity/problem-notice'
import { usePersonFolder } from './folder-api'
import { ownerOf, useFolderBreadcrumb } from './folder-page-parts'
import { FolderSectionGrid } from './folder-section-grid'
import { FOLDER_SECTIONS, OWN_ONLY_SECTIONS, SECTION_SLUGS } from './folder-sections'
import { PersonalDataView } from './personal-data-view'

const MEMBER_SECTIONS = FOLDER_SECTIONS.filter(
  (section) => section !== 'personal-data' && !OWN_ONLY_SECTIONS.includes(section),
)

/** A minor child's folder (or a delegator's), opened from "I miei familiari" or by its address. */
export function FamilyMemberPage() {
  const { t } = useTranslation()
  const { fiscalCode } = useParams()
  const folder = usePersonFolder(fiscalCode?.toUpperCase())
  const owner = ownerOf(folder.data, fiscalCode)
  const parents = [
    ...useFolderBreadcrumb(null, false),
    { label: t('folder.sections.family.title'), to: `${FOLDER_PATH}/${SECTION_SLUGS.family}` },
  ]
  const name = owner?.name ?? fiscalCode?.toUpperCase() ?? ''
  const title = t('folder.childTitle', { name })
  usePageTitle(title)
  const data = folder.data
  return (
    <div className="container pb-5" data-testid="family-member-page">
      <PageHeader
        title={title}
        parents={parents}
        lead={
          data?.registered
            ? t(data.basis === 'delegation' ? 'folder.delegatorLead' : 'folder.childLead', { name })
            : undefined
        }
      />
      {folder.isError ? (
        <ProblemNotice
          error={folder.error}
          title={t('folder.loadFailed')}
          onRetry={() => void folder.refetch()}
        />
      ) : !data ? (
        <LoadingState />
      ) : data.registered && owner ? (
        <div className="d-flex flex-column gap-4">
          <PersonalDataView person={data.person} records={data.records} />
          <section aria-labelledby="member-sections-title">
            <h2 id="member-sections-title" className="h4">
              {t('folder.sectionsLabel')}
            </h2>
            <FolderSectionGrid
              sections={MEMBER_SECTIONS}
              counts={data.counts}
              basePath={owner.basePath}
              labelledBy="member-sections-title"
              forSomeoneElse
            />
          </section>
        </div>
      ) : null}
    </div>
  )
}
