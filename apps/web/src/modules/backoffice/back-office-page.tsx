import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'

interface BackOfficePageProps {
  title: string
  lead?: ReactNode
  children: ReactNode
  testId?: string
}

/** A back office page: its only h1, a short lead, the content. */
export function BackOfficePage({ title, lead, children, testId }: BackOfficePageProps) {
  return (
    <div className="civico-bo-content" data-testid={testId}>
      <h1 className="h2">{title}</h1>
      {lead ? <p className="lead">{lead}</p> : null}
      {children}
    </div>
  )
}

/** "<page> - Back office" as the page part of the document title. */
export function useBackOfficeTitle(page: string): string {
  const { t } = useTranslation()
  return `${page} - ${t('backOffice.name')}`
}
