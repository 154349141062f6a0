import type { RouteObject } from 'react-router'
import { RequireCitizen } from '../identity/require-session'
import { CertificateRequestPage } from './certificate-request-page'
import { VerificationPage } from './verification-page'

/** Requesting a certificate is the citizen's; checking one is anybody's, from its QR code. */
export const certificatesRoutes: RouteObject[] = [
  {
    path: 'area-personale/certificati',
    element: (
      <RequireCitizen>
        <CertificateRequestPage />
      </RequireCitizen>
    ),
  },
  { path: 'verifica/:code', element: <VerificationPage /> },
]
