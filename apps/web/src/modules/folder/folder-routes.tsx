import type { RouteObject } from 'react-router'
import { RequireCitizen } from '../identity/require-session'
import { FamilyMemberPage } from './family-member-page'
import { FolderSectionPage } from './folder-section-page'

/** The folder's pages: one's own sections, and the folders of the family members one may open. */
export const folderRoutes: RouteObject[] = [
  {
    path: 'area-personale/fascicolo/:section',
    element: (
      <RequireCitizen>
        <FolderSectionPage />
      </RequireCitizen>
    ),
  },
  {
    path: 'area-personale/familiari/:fiscalCode',
    element: (
      <RequireCitizen>
        <FamilyMemberPage />
      </RequireCitizen>
    ),
  },
  {
    path: 'area-personale/familiari/:fiscalCode/:section',
    element: (
      <RequireCitizen>
        <FolderSectionPage />
      </RequireCitizen>
    ),
  },
]
