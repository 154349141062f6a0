import { QueryClientProvider } from '@tanstack/react-query'
import { useEffect, useState } from 'react'
import { I18nextProvider } from 'react-i18next'
import { RouterProvider } from 'react-router'
import { createQueryClient } from './api/query-client'
import { i18n } from './i18n/i18n'
import { createAppRouter } from './router'

export function App() {
  const [queryClient] = useState(createQueryClient)
  const [router] = useState(createAppRouter)
  useEffect(() => {
    // Server messages come in the Accept-Language of the request: ask again in the new language.
    const refetchInNewLanguage = () => void queryClient.invalidateQueries()
    i18n.on('languageChanged', refetchInNewLanguage)
    return () => i18n.off('languageChanged', refetchInNewLanguage)
  }, [queryClient])
  return (
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </I18nextProvider>
  )
}
