import type { ReactNode } from 'react'
import { Breadcrumb, type BreadcrumbStep } from './breadcrumb'

interface PageHeaderProps {
  title: string
  lead?: ReactNode
  parents?: BreadcrumbStep[]
}

/** Breadcrumb, the page's only h1 and an optional lead paragraph. */
export function PageHeader({ title, lead, parents }: PageHeaderProps) {
  return (
    <div className="pt-4 pb-2">
      <Breadcrumb parents={parents} current={title} />
      <h1 className="mb-3">{title}</h1>
      {lead ? <p className="lead">{lead}</p> : null}
    </div>
  )
}
