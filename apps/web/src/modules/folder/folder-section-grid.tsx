import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { Icon } from '../../app/ui/icon'
import type { SectionCounts } from './folder-api'
import { type FolderSection, isRecordSection, SECTION_ICONS, SECTION_SLUGS } from './folder-sections'

/** The folder's sections as tiles, each with how much it holds, in two columns on a phone. */
export function FolderSectionGrid({
  sections,
  counts,
  basePath,
  labelledBy,
  forSomeoneElse = false,
}: {
  sections: readonly FolderSection[]
  counts: SectionCounts | null
  basePath: string
  labelledBy: string
  forSomeoneElse?: boolean
}) {
  const { t } = useTranslation()
  return (
    <ul className="civico-folder-grid" aria-labelledby={labelledBy} data-testid="folder-sections">
      {sections.map((section) => (
        <li key={section}>
          <Link
            to={`${basePath}/${SECTION_SLUGS[section]}`}
            className="civico-folder-tile"
            data-section={section}
          >
            <Icon name={SECTION_ICONS[section]} color="primary" />
            <span>{t(`folder.sections.${section}.${forSomeoneElse ? 'childTitle' : 'title'}`)}</span>
            {counts && isRecordSection(section) ? (
              <span className="civico-folder-tile-count">
                {t('folder.count', { count: counts[section] })}
              </span>
            ) : null}
          </Link>
        </li>
      ))}
    </ul>
  )
}
