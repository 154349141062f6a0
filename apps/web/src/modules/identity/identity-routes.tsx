import type { RouteObject } from 'react-router'
import { LoginPage } from './login-page'

export const identityRoutes: RouteObject[] = [{ path: 'login', element: <LoginPage /> }]
