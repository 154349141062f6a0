import type { RouteObject } from 'react-router'
import { ConfirmPage } from './confirm-page'
import { SubscribePage } from './subscribe-page'
import { UnsubscribePage } from './unsubscribe-page'

export const newsletterRoutes: RouteObject[] = [
  { path: 'informami', element: <SubscribePage /> },
  { path: 'informami/conferma', element: <ConfirmPage /> },
  { path: 'informami/disiscrizione', element: <UnsubscribePage /> },
]
