import { useTranslation } from 'react-i18next'
import { FOLDER_PATH } from '../../app/paths'
import { LoadingState } from '../../app/ui/loading-state'
import { ProblemNotice } from '../identity/problem-notice'
import { useFolderSummary } from './folder-api'
import { FolderSectionGrid } from './folder-section-grid'
import { FOLDER_SECTIONS, OWN_ONLY_SECTIONS } from './folder-sections'
import { NotRegisteredNotice } from './not-registered-notice'

/** "Il mio fascicolo" on the personal home: every section one tap away, with what it holds. */
export function FolderOverview() {
  const { t } = useTranslation()
  const summary = useFolderSummary()
  const data = summary.data
  const someoneElse = data !== undefined && data.owner.basis !== 'self'
  const sections = someoneElse
    ? FOLDER_SECTIONS.filter((section) => !OWN_ONLY_SECTIONS.includes(section))
    : FOLDER_SECTIONS
  return (
    <section aria-labelledby="folder-title" data-testid="folder-overview">
      <h2 id="folder-title" className="h4">
        {someoneElse && data.owner.givenName
          ? t('folder.childTitle', { name: `${data.owner.givenName} ${data.owner.familyName ?? ''}`.trim() })
          : t('folder.title')}
      </h2>
      {summary.isPending ? <LoadingState /> : null}
      {summary.isError ? (
        <ProblemNotice
          error={summary.error}
          title={t('folder.loadFailed')}
          onRetry={() => void summary.refetch()}
        />
      ) : null}
      {data && !data.owner.registered ? <NotRegisteredNotice fiscalCode={data.owner.fiscalCode} /> : null}
      {data ? (
        <FolderSectionGrid
          sections={sections}
          counts={data.counts}
          basePath={FOLDER_PATH}
          labelledBy="folder-title"
          forSomeoneElse={someoneElse}
        />
      ) : null}
    </section>
  )
}
