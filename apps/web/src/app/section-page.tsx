import { useTranslation } from 'react-i18next'
import type { RouteObject } from 'react-router'
import { ComingSoonNotice } from './ui/coming-soon-notice'
import { PageHeader } from './ui/page-header'
import { usePageTitle } from './ui/use-page-title'

type SectionId =
  | 'management'
  | 'news'
  | 'live'
  | 'faq'
  | 'reportInefficiency'
  | 'privacy'
  | 'legalNotes'
  | 'accessibility'

/** Pages linked from the header and footer whose content is still to be written. */
const SECTION_PATHS: Record<SectionId, string> = {
  management: 'amministrazione',
  news: 'novita',
  live: 'vivere-il-comune',
  faq: 'faq',
  reportInefficiency: 'segnala-disservizio',
  privacy: 'privacy',
  legalNotes: 'note-legali',
  accessibility: 'dichiarazione-accessibilita',
}

function SectionPage({ section }: { section: SectionId }) {
  const { t } = useTranslation()
  const title = t(`sections.${section}.title`)
  usePageTitle(title)
  return (
    <div className="container pb-5">
      <PageHeader title={title} lead={t(`sections.${section}.lead`)} />
      <ComingSoonNotice />
    </div>
  )
}

export const sectionRoutes: RouteObject[] = (Object.entries(SECTION_PATHS) as [SectionId, string][]).map(
  ([section, path]) => ({ path, element: <SectionPage section={section} /> }),
)
