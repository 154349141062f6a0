import type { RouteObject } from 'react-router'
import { RequireCitizen } from '../identity/require-session'
import { PaymentsPage } from './payments-page'
import { PersonalAreaPage } from './personal-area-page'
import { ProfilePage } from './profile-page'

/** The citizen's own pages; anonymous visitors are sent to the login page and brought back. */
export const profileRoutes: RouteObject[] = [
  {
    path: 'area-personale',
    children: [
      {
        index: true,
        element: (
          <RequireCitizen>
            <PersonalAreaPage />
          </RequireCitizen>
        ),
      },
      {
        path: 'profilo',
        element: (
          <RequireCitizen>
            <ProfilePage />
          </RequireCitizen>
        ),
      },
      {
        path: 'pagamenti',
        element: (
          <RequireCitizen>
            <PaymentsPage />
          </RequireCitizen>
        ),
      },
    ],
  },
]
