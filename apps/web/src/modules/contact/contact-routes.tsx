import type { RouteObject } from 'react-router'
import { WriteToCityPage } from './write-to-city-page'

export const contactRoutes: RouteObject[] = [{ path: 'scrivi', element: <WriteToCityPage /> }]
