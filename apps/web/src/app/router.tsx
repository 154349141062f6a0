import { createBrowserRouter } from 'react-router'
import { catalogueRoutes } from '../modules/catalogue/catalogue-routes'
import { HomePage } from '../modules/home/home-page'
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
        ...sectionRoutes,
        { path: '*', element: <NotFoundPage /> },
      ],
    },
  ])
}
