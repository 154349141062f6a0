import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { apiRequest } from '../../app/api/api-client'
import {
  asRecord,
  type JsonRecord,
  readList,
  readNumber,
  readOneOf,
  readString,
  readStringArray,
} from '../../app/api/parse'

export const SERVICE_CHANNELS = ['online', 'appointment', 'counter'] as const
export type ServiceChannel = (typeof SERVICE_CHANNELS)[number]

export interface Category {
  slug: string
  name: string
}

export interface ServiceSummary {
  slug: string
  title: string
  summary: string
  category: Category
  channels: ServiceChannel[]
  status: 'active' | 'inactive'
}

export interface ServiceSections {
  whoIsItFor: string
  howTo: string[]
  whatYouNeed: string[]
  whatYouGet: string
  timesAndDeadlines: string
  access: { url: string; label: string }
  conditions: string
  contacts: { office: string; phone?: string; email?: string }
}

export interface ServicePage extends ServiceSummary {
  onlineAccessLevel: 1 | 2 | 3 | null
  sections: ServiceSections
  updatedAt: string
  jsonLd: JsonRecord
}

export interface ServiceList {
  items: ServiceSummary[]
  page: number
  pageSize: number
  total: number
}

function parseCategory(value: unknown): Category {
  const record = asRecord(value, 'category')
  return { slug: readString(record, 'slug'), name: readString(record, 'name') }
}

export function parseServiceSummary(value: unknown): ServiceSummary {
  const record = asRecord(value, 'service')
  return {
    slug: readString(record, 'slug'),
    title: readString(record, 'title'),
    summary: readString(record, 'summary'),
    category: parseCategory(record.category),
    channels: readStringArray(record, 'channels').filter((channel): channel is ServiceChannel =>
      (SERVICE_CHANNELS as readonly string[]).includes(channel),
    ),
    status: readOneOf(record, 'status', ['active', 'inactive'] as const),
  }
}

function parseSections(value: unknown): ServiceSections {
  const record = asRecord(value, 'sections')
  const access = asRecord(record.access, 'access')
  const contacts = asRecord(record.contacts, 'contacts')
  return {
    whoIsItFor: readString(record, 'whoIsItFor'),
    howTo: readStringArray(record, 'howTo'),
    whatYouNeed: readStringArray(record, 'whatYouNeed'),
    whatYouGet: readString(record, 'whatYouGet'),
    timesAndDeadlines: readString(record, 'timesAndDeadlines'),
    access: { url: readString(access, 'url'), label: readString(access, 'label') },
    conditions: readString(record, 'conditions'),
    contacts: {
      office: readString(contacts, 'office'),
      phone: typeof contacts.phone === 'string' ? contacts.phone : undefined,
      email: typeof contacts.email === 'string' ? contacts.email : undefined,
    },
  }
}

function parseServicePage(value: unknown): ServicePage {
  const record = asRecord(value, 'service page')
  const level = record.onlineAccessLevel
  return {
    ...parseServiceSummary(value),
    onlineAccessLevel: level === 1 || level === 2 || level === 3 ? level : null,
    sections: parseSections(record.sections),
    updatedAt: readString(record, 'updatedAt'),
    jsonLd: asRecord(record.jsonLd, 'jsonLd'),
  }
}

function parseServiceList(value: unknown): ServiceList {
  const record = asRecord(value, 'service list')
  return {
    items: readList(record.items, 'items', parseServiceSummary),
    page: readNumber(record, 'page'),
    pageSize: readNumber(record, 'pageSize'),
    total: readNumber(record, 'total'),
  }
}

/** The server answers in the request's language: each language is cached on its own. */
function useCatalogueKey(...parts: unknown[]): unknown[] {
  const { i18n } = useTranslation()
  return ['catalogue', i18n.language, ...parts]
}

export function useCategories() {
  return useQuery({
    queryKey: useCatalogueKey('categories'),
    staleTime: 5 * 60_000,
    queryFn: ({ signal }) =>
      apiRequest({
        path: '/catalogue/categories',
        signal,
        parse: (v) => readList(v, 'categories', parseCategory),
      }),
  })
}

export function useServiceList(options: { category?: string; q?: string; page: number }) {
  const params = new URLSearchParams({ page: String(options.page), pageSize: '12' })
  if (options.category) params.set('category', options.category)
  if (options.q) params.set('q', options.q)
  return useQuery({
    queryKey: useCatalogueKey('services', options),
    placeholderData: keepPreviousData,
    queryFn: ({ signal }) =>
      apiRequest({ path: `/catalogue/services?${params}`, signal, parse: parseServiceList }),
  })
}

export function useServicePage(slug: string | undefined) {
  return useQuery({
    queryKey: useCatalogueKey('service', slug),
    enabled: slug !== undefined,
    queryFn: ({ signal }) =>
      apiRequest({
        path: `/catalogue/services/${encodeURIComponent(slug ?? '')}`,
        signal,
        parse: parseServicePage,
      }),
  })
}

function useServiceSummaries(path: string, key: string, enabled = true) {
  return useQuery({
    queryKey: useCatalogueKey(key),
    enabled,
    queryFn: ({ signal }) =>
      apiRequest({ path, signal, parse: (value) => readList(value, key, parseServiceSummary) }),
  })
}

export const useFeaturedServices = () => useServiceSummaries('/catalogue/featured', 'featured')
export const useMostVisitedServices = () =>
  useServiceSummaries('/catalogue/most-visited?limit=9', 'most-visited')
export const useRecentlyViewedServices = (enabled: boolean) =>
  useServiceSummaries('/catalogue/recently-viewed', 'recently-viewed', enabled)

/** Counts a visit to a service page (no cookie needed) and, when signed in, remembers it. */
export function useCountServiceView() {
  return useMutation({
    mutationFn: (slug: string) =>
      apiRequest({
        path: `/catalogue/services/${encodeURIComponent(slug)}/views`,
        method: 'POST',
        parse: () => undefined,
      }),
  })
}
