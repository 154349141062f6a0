import type { RouteObject } from 'react-router'

/**
 * All public: anyone may look; filing asks for SPID, CIE or a verified e-mail inside the flow.
 * Loaded on demand, so the map library is fetched only by those who open these pages.
 */
export const reportsRoutes: RouteObject[] = [
  {
    path: 'segnalazioni',
    lazy: async () => ({ Component: (await import('./reports-list-page')).ReportsListPage }),
  },
  {
    path: 'segnalazioni/nuova',
    lazy: async () => ({ Component: (await import('./new-report-page')).NewReportPage }),
  },
  {
    path: 'segnalazioni/:code',
    lazy: async () => ({ Component: (await import('./report-detail-page')).ReportDetailPage }),
  },
]
