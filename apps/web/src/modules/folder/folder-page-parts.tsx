import { useTranslation } from 'react-i18next'
import { FAMILY_PATH, FOLDER_PATH, PERSONAL_AREA_PATH } from '../../app/paths'
import type { BreadcrumbStep } from '../../app/ui/breadcrumb'
import type { PersonFolder } from './folder-api'

/** Whose folder a page shows, and how the page speaks of them. */
export interface FolderOwner {
  fiscalCode: string
  name: string | null
  /** True for a child or a delegator: titles speak of "their" data rather than "my" data. */
  someoneElse: boolean
  /** Base address of the owner's section pages. */
  basePath: string
}

/** A family member's pages live under their fiscal code; one's own (or the acted-for) under the folder. */
export function ownerOf(
  folder: PersonFolder | undefined,
  fiscalCodeParam: string | undefined,
): FolderOwner | null {
  if (!folder) return null
  const fiscalCode = folder.registered ? folder.person.fiscalCode : folder.fiscalCode
  const name = folder.registered ? `${folder.person.givenName} ${folder.person.familyName}` : null
  return {
    fiscalCode,
    name,
    someoneElse: folder.basis !== 'self',
    basePath: fiscalCodeParam ? `${FAMILY_PATH}/${fiscalCode}` : FOLDER_PATH,
  }
}

export function useFolderBreadcrumb(owner: FolderOwner | null, viaFamily: boolean): BreadcrumbStep[] {
  const { t } = useTranslation()
  const steps: BreadcrumbStep[] = [{ label: t('personalArea.title'), to: PERSONAL_AREA_PATH }]
  if (viaFamily && owner) {
    steps.push({ label: t('folder.sections.family.title'), to: `${FOLDER_PATH}/i-miei-familiari` })
    steps.push({ label: owner.name ?? owner.fiscalCode, to: owner.basePath })
  }
  return steps
}
