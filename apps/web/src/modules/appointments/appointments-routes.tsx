import { Navigate, type RouteObject } from 'react-router'
import { BOOK_APPOINTMENT_PATH } from '../../app/paths'
import { RequireCitizen } from '../identity/require-session'
import { BookingPage } from './booking-page'
import { ManageAppointmentPage } from './manage-page'

/** Booking is the signed-in citizen's; the e-mail's manage link works without signing in. */
export const appointmentsRoutes: RouteObject[] = [
  {
    path: 'prenota-appuntamento',
    element: (
      <RequireCitizen>
        <BookingPage />
      </RequireCitizen>
    ),
  },
  // The address the service catalogue has long linked to.
  { path: 'appuntamenti/nuovo', element: <Navigate to={BOOK_APPOINTMENT_PATH} replace /> },
  { path: 'appuntamenti/gestisci/:code', element: <ManageAppointmentPage /> },
]
