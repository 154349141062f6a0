import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { apiRequest } from '../../app/api/api-client'
import {
  asRecord,
  type JsonRecord,
  readList,
  readNullableString,
  readNumber,
  readOneOf,
  readString,
} from '../../app/api/parse'

export const REPORT_STATUSES = ['open', 'in-progress', 'closed'] as const
export type ReportStatus = (typeof REPORT_STATUSES)[number]

export interface ReportCategory {
  code: string
  name: string
  group: string
}

export interface LatLong {
  lat: number
  long: number
}

export interface MapSettings {
  tilesUrl: string | null
  attribution: string | null
  center: LatLong
  zoom: number
}

export interface Street extends LatLong {
  name: string
}

export interface PublicReport {
  code: string
  category: ReportCategory
  status: ReportStatus
  description: string
  address: string | null
  lat: number | null
  long: number | null
  supportCount: number
  createdAt: string
  updatedAt: string
  photos: { position: number; thumbnailUrl: string }[]
}

export interface NearbyReport extends PublicReport {
  distanceMetres: number
}

export interface ReportHistoryEntry {
  status: ReportStatus
  note: string | null
  at: string
}

export interface PublicReportPage extends PublicReport {
  history: ReportHistoryEntry[]
}

export interface MapMarker extends LatLong {
  code: string
  status: ReportStatus
  categoryCode: string
  createdAt: string
}

export interface PhotoUpload {
  name: string
  type?: string
  data: string
}

export interface ReportInput {
  categoryCode: string
  lat?: number
  long?: number
  address?: string
  description: string
  photos: PhotoUpload[]
  email?: string
  proof?: string
  name?: string
}

export interface FiledReport {
  code: string
  status: ReportStatus
  ticketCode: string
  createdAt: string
}

/** south,west,north,east, as the API reads a viewport. */
export type Bounds = [number, number, number, number]

const readStatus = (record: JsonRecord, key: string) => readOneOf(record, key, REPORT_STATUSES)

function readNullableNumber(record: JsonRecord, key: string): number | null {
  const value = record[key]
  return value === null || value === undefined ? null : readNumber(record, key)
}

function parseCategory(value: unknown): ReportCategory {
  const record = asRecord(value, 'category')
  return {
    code: readString(record, 'code'),
    name: readString(record, 'name'),
    group: readString(record, 'group'),
  }
}

function parsePoint(value: unknown): LatLong {
  const record = asRecord(value, 'point')
  return { lat: readNumber(record, 'lat'), long: readNumber(record, 'long') }
}

function parseStreet(value: unknown): Street {
  const record = asRecord(value, 'street')
  return { name: readString(record, 'name'), ...parsePoint(record) }
}

function parseReport(value: unknown): PublicReport {
  const record = asRecord(value, 'report')
  return {
    code: readString(record, 'code'),
    category: parseCategory(record.category),
    status: readStatus(record, 'status'),
    description: readString(record, 'description'),
    address: readNullableString(record, 'address'),
    lat: readNullableNumber(record, 'lat'),
    long: readNullableNumber(record, 'long'),
    supportCount: readNumber(record, 'supportCount'),
    createdAt: readString(record, 'createdAt'),
    updatedAt: readString(record, 'updatedAt'),
    photos: readList(record.photos, 'photos', (photo) => {
      const entry = asRecord(photo, 'photo')
      return { position: readNumber(entry, 'position'), thumbnailUrl: readString(entry, 'thumbnailUrl') }
    }),
  }
}

function parseReportPage(value: unknown): PublicReportPage {
  const record = asRecord(value, 'report')
  return {
    ...parseReport(record),
    history: readList(record.history, 'history', (item) => {
      const entry = asRecord(item, 'history entry')
      return {
        status: readStatus(entry, 'status'),
        note: readNullableString(entry, 'note'),
        at: readString(entry, 'at'),
      }
    }),
  }
}

const itemsOf = <T>(value: unknown, parse: (item: unknown) => T): T[] =>
  readList(asRecord(value, 'answer').items, 'items', parse)

export function useReportCategories() {
  const { i18n } = useTranslation()
  return useQuery({
    queryKey: ['reports', 'categories', i18n.language],
    queryFn: ({ signal }) =>
      apiRequest({ path: '/reports/categories', signal, parse: (value) => itemsOf(value, parseCategory) }),
    staleTime: 5 * 60_000,
  })
}

export function useMapSettings() {
  return useQuery({
    queryKey: ['reports', 'map-settings'],
    queryFn: ({ signal }) =>
      apiRequest({
        path: '/reports/map-settings',
        signal,
        parse: (value): MapSettings => {
          const record = asRecord(value, 'map settings')
          return {
            tilesUrl: readNullableString(record, 'tilesUrl'),
            attribution: readNullableString(record, 'attribution'),
            center: parsePoint(record.center),
            zoom: readNumber(record, 'zoom'),
          }
        },
      }),
    staleTime: 60 * 60_000,
  })
}

/** The city's streets whose name contains the words typed, for the address search. */
export function useStreets(text: string) {
  const q = text.trim()
  return useQuery({
    queryKey: ['reports', 'streets', q],
    enabled: q.length >= 2,
    queryFn: ({ signal }) =>
      apiRequest({
        path: `/reports/streets?${new URLSearchParams({ q, limit: '8' })}`,
        signal,
        parse: (value) => itemsOf(value, parseStreet),
      }),
    placeholderData: keepPreviousData,
    staleTime: 5 * 60_000,
  })
}

/** The street nearest a point, or null when the point is far from every street the city knows. */
export async function nearestStreet(point: LatLong): Promise<(Street & { distanceMetres: number }) | null> {
  try {
    return await apiRequest({
      path: `/reports/streets/nearest?${new URLSearchParams({ lat: String(point.lat), long: String(point.long) })}`,
      parse: (value) => ({
        ...parseStreet(value),
        distanceMetres: readNumber(asRecord(value, 'street'), 'distanceMetres'),
      }),
    })
  } catch {
    // No address for the point is not an error: the pin alone places the report.
    return null
  }
}

export function useNearbyReports(categoryCode: string, point: LatLong | null) {
  return useQuery({
    queryKey: ['reports', 'nearby', categoryCode, point?.lat, point?.long],
    enabled: Boolean(categoryCode) && point !== null,
    queryFn: ({ signal }) =>
      apiRequest({
        path: `/reports/nearby?${new URLSearchParams({
          categoryCode,
          lat: String(point?.lat),
          long: String(point?.long),
          limit: '5',
        })}`,
        signal,
        parse: (value) =>
          itemsOf(value, (item) => ({
            ...parseReport(item),
            distanceMetres: readNumber(asRecord(item, 'report'), 'distanceMetres'),
          })),
      }),
    staleTime: 15_000,
  })
}

export function useFileReport() {
  return useMutation({
    mutationFn: (input: ReportInput) =>
      apiRequest({
        path: '/reports',
        method: 'POST',
        body: input,
        parse: (value): FiledReport => {
          const record = asRecord(value, 'report')
          return {
            code: readString(record, 'code'),
            status: readStatus(record, 'status'),
            ticketCode: readString(record, 'ticketCode'),
            createdAt: readString(record, 'createdAt'),
          }
        },
      }),
  })
}

export function useSupportReport() {
  return useMutation({
    mutationFn: ({ code, email, proof }: { code: string; email?: string; proof?: string }) =>
      apiRequest({
        path: `/reports/${encodeURIComponent(code)}/supports`,
        method: 'POST',
        body: email && proof ? { email, proof } : {},
        parse: (value) => {
          const record = asRecord(value, 'support')
          return { code: readString(record, 'code'), supportCount: readNumber(record, 'supportCount') }
        },
      }),
  })
}

export interface ReportFilters {
  categories: string[]
  statuses: ReportStatus[]
}

function filterQuery(bounds: Bounds, filters: ReportFilters, limit: number): URLSearchParams {
  const query = new URLSearchParams({
    bbox: bounds.map((value) => value.toFixed(6)).join(','),
    limit: String(limit),
  })
  if (filters.categories.length > 0) query.set('category', filters.categories.join(','))
  if (filters.statuses.length > 0) query.set('status', filters.statuses.join(','))
  return query
}

export function useReportList(bounds: Bounds | null, filters: ReportFilters) {
  const { i18n } = useTranslation()
  return useQuery({
    queryKey: ['reports', 'list', bounds, filters, i18n.language],
    enabled: bounds !== null,
    queryFn: ({ signal }) =>
      apiRequest({
        path: `/reports?${filterQuery(bounds as Bounds, filters, 50)}`,
        signal,
        parse: (value) => itemsOf(value, parseReport),
      }),
    placeholderData: keepPreviousData,
    staleTime: 15_000,
  })
}

export function useReportMarkers(bounds: Bounds | null, filters: ReportFilters) {
  return useQuery({
    queryKey: ['reports', 'map', bounds, filters],
    enabled: bounds !== null,
    queryFn: ({ signal }) =>
      apiRequest({
        path: `/reports/map?${filterQuery(bounds as Bounds, filters, 300)}`,
        signal,
        parse: (value) =>
          itemsOf(value, (item): MapMarker => {
            const record = asRecord(item, 'pin')
            return {
              code: readString(record, 'code'),
              ...parsePoint(record),
              status: readStatus(record, 'status'),
              categoryCode: readString(record, 'categoryCode'),
              createdAt: readString(record, 'createdAt'),
            }
          }),
      }),
    placeholderData: keepPreviousData,
    staleTime: 15_000,
  })
}

export function usePublicReport(code: string | undefined) {
  const { i18n } = useTranslation()
  return useQuery({
    queryKey: ['reports', 'one', code, i18n.language],
    enabled: Boolean(code),
    queryFn: ({ signal }) =>
      apiRequest({ path: `/reports/${encodeURIComponent(code ?? '')}`, signal, parse: parseReportPage }),
    staleTime: 10_000,
  })
}
