import { useTranslation } from 'react-i18next'
import { useSignedInSession } from '../../app/session/session-api'
import { PageHeader } from '../../app/ui/page-header'
import { usePageTitle } from '../../app/ui/use-page-title'
import { FolderOverview } from '../folder/folder-overview'
import { PersonSummaryCard } from './person-summary-card'
import { PersonalAreaTabs } from './personal-area-tabs'
import { RepresentedChooser } from './represented-chooser'

/** The citizen's home in the municipal model: their sections, their data, the people they act for. */
export function PersonalAreaPage() {
  const { t } = useTranslation()
  const session = useSignedInSession()
  usePageTitle(t('personalArea.pageTitle'))
  return (
    <div className="container pb-5" data-testid="personal-area">
      <PageHeader
        title={t('personalArea.title')}
        lead={session ? t('personalArea.greeting', { name: session.displayName }) : undefined}
      />
      <div className="row g-4">
        <div className="col-12 col-lg-8 d-flex flex-column gap-4">
          <FolderOverview />
          <PersonalAreaTabs />
        </div>
        <div className="col-12 col-lg-4 d-flex flex-column gap-4">
          <PersonSummaryCard />
          <RepresentedChooser />
        </div>
      </div>
    </div>
  )
}
