import { createBrowserRouter } from 'react-router'
import { appointmentsRoutes } from '../modules/appointments/appointments-routes'
import { appointmentsDisplayRoutes } from '../modules/appointments-display/display-routes'
import { backOfficeRoutes } from '../modules/backoffice/back-office-routes'
import { catalogueRoutes } from '../modules/catalogue/catalogue-routes'
import { certificatesRoutes } from '../modules/certificates/certificates-routes'
import { contactRoutes } from '../modules/contact/contact-routes'
import { folderRoutes } from '../modules/folder/folder-routes'
import { HomePage } from '../modules/home/home-page'
import { identityRoutes } from '../modules/identity/identity-routes'
import { newsletterRoutes } from '../modules/newsletter/newsletter-routes'
import { notificationsRoutes } from '../modules/notifications/notifications-routes'
import { profileRoutes } from '../modules/profile/profile-routes'
import { reportsRoutes } from '../modules/reports/reports-routes'
import { ticketsRoutes } from '../modules/tickets/tickets-routes'
import { NotFoundPage } from './not-found-page'
import { sectionRoutes } from './section-page'
import { AppShell } from './shell/app-shell'

export function createAppRouter() {
  return createBrowserRouter([
    {
      element: <AppShell />,
      children: [
        { index: true, element: <HomePage /> },
        ...catalogueRoutes,
        ...identityRoutes,
        ...profileRoutes,
        ...folderRoutes,
        ...certificatesRoutes,
        ...appointmentsRoutes,
        ...notificationsRoutes,
        ...contactRoutes,
        ...ticketsRoutes,
        ...reportsRoutes,
        ...newsletterRoutes,
        ...sectionRoutes,
        { path: '*', element: <NotFoundPage /> },
      ],
    },
    ...backOfficeRoutes,
    ...appointmentsDisplayRoutes,
  ])
}
