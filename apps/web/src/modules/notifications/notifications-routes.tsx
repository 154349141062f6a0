import type { RouteObject } from 'react-router'
import { RequireCitizen } from '../identity/require-session'
import { InboxPage } from './inbox-page'
import { MessagePage } from './message-page'

export const notificationsRoutes: RouteObject[] = [
  {
    path: 'area-personale/notifiche',
    element: (
      <RequireCitizen>
        <InboxPage />
      </RequireCitizen>
    ),
  },
  {
    path: 'area-personale/notifiche/:id',
    element: (
      <RequireCitizen>
        <MessagePage />
      </RequireCitizen>
    ),
  },
]
