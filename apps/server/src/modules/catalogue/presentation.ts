import type { Locale } from '../../platform/i18n.js'
import type { CategoryRecord, ServiceRecord } from './repo.js'
import type { Category, ServicePage, ServiceSummary } from './schema.js'

const TIME_ZONE = 'Europe/Rome'

/** The calendar day in Rome, so a view at 00:30 Italian time counts for that Italian day. */
export function romeDay(at: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE }).format(at)
}

export function daysBefore(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`)
  date.setUTCDate(date.getUTCDate() - days)
  return date.toISOString().slice(0, 10)
}

export function localiseCategory(category: CategoryRecord, locale: Locale): Category {
  return { slug: category.slug, name: locale === 'en' ? category.nameEn : category.nameIt }
}

export function localiseSummary(service: ServiceRecord, locale: Locale): ServiceSummary {
  return {
    slug: service.slug,
    title: locale === 'en' ? service.titleEn : service.titleIt,
    summary: locale === 'en' ? service.summaryEn : service.summaryIt,
    category: localiseCategory(service.category, locale),
    channels: service.channels as ServiceSummary['channels'],
    status: service.status as ServiceSummary['status'],
  }
}

export interface PageContext {
  locale: Locale
  /** The public address of the service page in the web app. */
  pageUrl: string
  cityName: string | null
}

export function localisePage(service: ServiceRecord, context: PageContext): ServicePage {
  const summary = localiseSummary(service, context.locale)
  const sections = context.locale === 'en' ? service.sectionsEn : service.sectionsIt
  const page = {
    ...summary,
    audience: service.audience as ServicePage['audience'],
    onlineAccessLevel: service.onlineAccessLevel as ServicePage['onlineAccessLevel'],
    sections,
    featured: service.featured,
    updatedAt: service.updatedAt.toISOString(),
  }
  return { ...page, jsonLd: governmentServiceJsonLd(page, context) }
}

/** The schema.org metadata the *modello Comuni* validator looks for in a service page's `metatag`. */
function governmentServiceJsonLd(
  page: Omit<ServicePage, 'jsonLd'>,
  context: PageContext,
): Record<string, unknown> {
  const provider = context.cityName
    ? { '@type': 'GovernmentOrganization', name: `Comune di ${context.cityName}` }
    : undefined
  return {
    '@context': 'https://schema.org',
    '@type': 'GovernmentService',
    name: page.title,
    description: page.summary,
    serviceType: page.category.name,
    url: context.pageUrl,
    inLanguage: context.locale,
    ...(provider ? { provider, serviceOperator: provider } : {}),
    ...(context.cityName ? { areaServed: { '@type': 'City', name: context.cityName } } : {}),
    audience: { '@type': 'Audience', audienceType: page.sections.whoIsItFor },
    availableChannel: {
      '@type': 'ServiceChannel',
      name: page.sections.access.label,
      serviceUrl: page.sections.access.url,
      availableLanguage: ['it', 'en'],
    },
  }
}
