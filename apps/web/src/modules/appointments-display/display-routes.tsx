import type { RouteObject } from 'react-router'
import { OFFICE_DISPLAY_PATH } from '../../app/paths'
import { OfficeDisplayPage } from './office-display-page'

/** The office's display has no site around it: it runs full screen in the waiting room. */
export const appointmentsDisplayRoutes: RouteObject[] = [
  { path: `${OFFICE_DISPLAY_PATH}/:officeId`, element: <OfficeDisplayPage /> },
]
