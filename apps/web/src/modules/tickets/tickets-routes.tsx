import type { RouteObject } from 'react-router'
import { RequireCitizen } from '../identity/require-session'
import { TicketPage } from './ticket-page'
import { WriteRequestPage } from './write-page'

/** Writing is open to everybody (with SPID, CIE or a verified e-mail); a request's page is its citizen's. */
export const ticketsRoutes: RouteObject[] = [
  { path: 'scrivi/nuova-richiesta', element: <WriteRequestPage kind="city" /> },
  { path: 'scrivi/sindaco', element: <WriteRequestPage kind="mayor" /> },
  {
    path: 'area-personale/richieste/:code',
    element: (
      <RequireCitizen>
        <TicketPage />
      </RequireCitizen>
    ),
  },
]
