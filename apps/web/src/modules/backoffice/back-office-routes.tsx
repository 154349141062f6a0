import type { RouteObject } from 'react-router'
import { crmRoutes } from '../crm/crm-routes'
import { ApiClientsPage } from './api-clients-page'
import { AppointmentAdminPage } from './appointment-admin-page'
import { BackOfficeHomePage } from './back-office-home-page'
import { BackOfficeShell } from './back-office-shell'
import { CampaignPage } from './campaign-page'
import { CampaignsPage } from './campaigns-page'
import { ContactCentreBookingPage } from './contact-centre-booking-page'
import { CounterDeskPage } from './counter-desk-page'
import { NotificationRulesPage } from './notification-rules-page'
import { PaymentsDeskPage } from './payments-desk-page'
import {
  RequireAdmin,
  RequireCalendarReader,
  RequireCatalogueEditor,
  RequireCommunication,
  RequireContactCentre,
  RequireCounterStaff,
  RequireOperator,
  RequirePaymentsOffice,
} from './require-admin'
import { ServiceEditorPage } from './service-editor-page'
import { ServicesEditorPage } from './services-editor-page'
import { StaffFolderPage } from './staff-folder-page'
import { StaffPage } from './staff-page'
import { TeamsPage } from './teams-page'

/** The back office has its own layout; the shell lets only staff in, these pages only administrators. */
export const backOfficeRoutes: RouteObject[] = [
  {
    path: 'backoffice',
    element: <BackOfficeShell />,
    children: [
      { index: true, element: <BackOfficeHomePage /> },
      {
        path: 'fascicolo',
        element: (
          <RequireOperator>
            <StaffFolderPage />
          </RequireOperator>
        ),
      },
      {
        path: 'servizi',
        element: (
          <RequireCatalogueEditor>
            <ServicesEditorPage />
          </RequireCatalogueEditor>
        ),
      },
      {
        path: 'servizi/:slug',
        element: (
          <RequireCatalogueEditor>
            <ServiceEditorPage />
          </RequireCatalogueEditor>
        ),
      },
      {
        path: 'regole-notifiche',
        element: (
          <RequireCatalogueEditor>
            <NotificationRulesPage />
          </RequireCatalogueEditor>
        ),
      },
      {
        path: 'informami',
        element: (
          <RequireCommunication>
            <CampaignsPage />
          </RequireCommunication>
        ),
      },
      {
        path: 'informami/:id',
        element: (
          <RequireCommunication>
            <CampaignPage />
          </RequireCommunication>
        ),
      },
      {
        path: 'sportello',
        element: (
          <RequireCounterStaff>
            <CounterDeskPage />
          </RequireCounterStaff>
        ),
      },
      {
        path: 'appuntamenti/:section?',
        element: (
          <RequireCalendarReader>
            <AppointmentAdminPage />
          </RequireCalendarReader>
        ),
      },
      {
        path: 'prenotazioni-020202',
        element: (
          <RequireContactCentre>
            <ContactCentreBookingPage />
          </RequireContactCentre>
        ),
      },
      ...crmRoutes,
      {
        path: 'pagamenti',
        element: (
          <RequirePaymentsOffice>
            <PaymentsDeskPage />
          </RequirePaymentsOffice>
        ),
      },
      {
        path: 'operatori',
        element: (
          <RequireAdmin>
            <StaffPage />
          </RequireAdmin>
        ),
      },
      {
        path: 'team',
        element: (
          <RequireAdmin>
            <TeamsPage />
          </RequireAdmin>
        ),
      },
      {
        path: 'client-api',
        element: (
          <RequireAdmin>
            <ApiClientsPage />
          </RequireAdmin>
        ),
      },
    ],
  },
]
