import type { RouteObject } from 'react-router'
import { ServicePage } from './service-page'
import { ServicesPage } from './services-page'

export const catalogueRoutes: RouteObject[] = [
  { path: 'servizi', element: <ServicesPage /> },
  { path: 'servizi/:slug', element: <ServicePage /> },
]
