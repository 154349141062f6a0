import type { IconName } from '../../app/ui/icon'

/** Slugs of the services shown before the catalogue comes from the server. */
export const SERVICE_SLUGS = [
  'certificati-anagrafici',
  'appuntamenti',
  'pagamenti',
  'segnalazioni',
  'area-b',
  'tari',
] as const

export type ServiceSlug = (typeof SERVICE_SLUGS)[number]

export interface ServiceSummary {
  slug: ServiceSlug
  icon: IconName
}

/** The services in evidence on the home page, most requested first. */
export const FEATURED_SERVICES: ServiceSummary[] = [
  { slug: 'certificati-anagrafici', icon: 'it-files' },
  { slug: 'appuntamenti', icon: 'it-calendar' },
  { slug: 'pagamenti', icon: 'it-card' },
  { slug: 'segnalazioni', icon: 'it-map-marker' },
  { slug: 'area-b', icon: 'it-car' },
  { slug: 'tari', icon: 'it-delete' },
]

export function isServiceSlug(value: string | undefined): value is ServiceSlug {
  return value !== undefined && (SERVICE_SLUGS as readonly string[]).includes(value)
}

export function servicePath(slug: ServiceSlug): string {
  return `/servizi/${slug}`
}
