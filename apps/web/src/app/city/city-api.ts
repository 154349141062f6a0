import { queryOptions, useQuery } from '@tanstack/react-query'
import { apiRequest } from '../api/api-client'

/** The municipality this installation serves, as `GET /api/v1/city` describes it. */
export interface City {
  name: string
  region: string
  provinceCode: string
  contactPhone: string
  contactEmail: string
  websiteUrl: string
  /** True when the installation runs on synthetic data and must say so. */
  demo: boolean
}

function readString(record: Record<string, unknown>, key: keyof City): string {
  const value = record[key]
  if (typeof value !== 'string') throw new TypeError(`city.${key} is not a string`)
  return value
}

export function parseCity(value: unknown): City {
  if (typeof value !== 'object' || value === null) throw new TypeError('city is not an object')
  const record = value as Record<string, unknown>
  return {
    name: readString(record, 'name'),
    region: readString(record, 'region'),
    provinceCode: readString(record, 'provinceCode'),
    contactPhone: readString(record, 'contactPhone'),
    contactEmail: readString(record, 'contactEmail'),
    websiteUrl: readString(record, 'websiteUrl'),
    demo: record.demo === true,
  }
}

export const cityQuery = queryOptions({
  queryKey: ['city'],
  queryFn: ({ signal }) => apiRequest({ path: '/city', signal, parse: parseCity }),
  // The city profile changes a few times a year at most.
  staleTime: 10 * 60_000,
})

export function useCity() {
  return useQuery(cityQuery)
}
