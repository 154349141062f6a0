import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { apiRequest } from '../../app/api/api-client'
import { asRecord, readBoolean, readList, readNumber, readOneOf, readString } from '../../app/api/parse'

export const SERVICE_STATUSES = ['active', 'inactive'] as const
export const SERVICE_CHANNELS = ['online', 'appointment', 'counter'] as const
export type ServiceChannel = (typeof SERVICE_CHANNELS)[number]

export interface EditorServiceItem {
  slug: string
  title: string
  categoryName: string
  status: (typeof SERVICE_STATUSES)[number]
  featured: boolean
  featuredOrder: number
  updatedAt: string
}

export interface ServiceSectionsDraft {
  whoIsItFor: string
  howTo: string[]
  whatYouNeed: string[]
  whatYouGet: string
  timesAndDeadlines: string
  access: { url: string; label: string }
  conditions: string
  contacts: { office: string; phone?: string; email?: string }
}

/** A service in both languages, as the API's EditableService describes it. */
export interface EditableService {
  slug: string
  title: { it: string; en: string }
  summary: { it: string; en: string }
  categorySlug: string
  audience: string[]
  channels: ServiceChannel[]
  status: (typeof SERVICE_STATUSES)[number]
  onlineAccessLevel: 1 | 2 | 3 | null
  sections: { it: ServiceSectionsDraft; en: ServiceSectionsDraft }
  featured: boolean
  featuredOrder: number
  updatedAt: string
}

function parseItem(value: unknown): EditorServiceItem {
  const record = asRecord(value, 'service')
  return {
    slug: readString(record, 'slug'),
    title: readString(record, 'title'),
    categoryName: readString(record, 'categoryName'),
    status: readOneOf(record, 'status', SERVICE_STATUSES),
    featured: readBoolean(record, 'featured'),
    featuredOrder: readNumber(record, 'featuredOrder'),
    updatedAt: readString(record, 'updatedAt'),
  }
}

function parseEditable(value: unknown): EditableService {
  const record = asRecord(value, 'editable service')
  readString(record, 'slug')
  readOneOf(record, 'status', SERVICE_STATUSES)
  asRecord(record.sections, 'sections')
  // The server validates the whole shape against its schema before sending it.
  return record as unknown as EditableService
}

const EDITOR_QUERY_KEY = ['admin', 'catalogue'] as const

export function useEditorServices() {
  return useQuery({
    queryKey: [...EDITOR_QUERY_KEY, 'list'],
    queryFn: ({ signal }) =>
      apiRequest({
        path: '/catalogue/editor/services',
        signal,
        parse: (value) => readList(value, 'services', parseItem),
      }),
  })
}

export function useEditableService(slug: string | undefined) {
  return useQuery({
    queryKey: [...EDITOR_QUERY_KEY, 'service', slug],
    enabled: slug !== undefined,
    queryFn: ({ signal }) =>
      apiRequest({
        path: `/catalogue/editor/services/${encodeURIComponent(slug ?? '')}`,
        signal,
        parse: parseEditable,
      }),
  })
}

/** Saves every editable field at once; the public catalogue answers change with it. */
export function useSaveService(slug: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (service: EditableService) => {
      const { slug: _slug, updatedAt: _updatedAt, ...changes } = service
      return apiRequest({
        path: `/catalogue/services/${encodeURIComponent(slug)}`,
        method: 'PATCH',
        body: changes,
        parse: (value) => asRecord(value, 'service page'),
      })
    },
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: EDITOR_QUERY_KEY }),
        queryClient.invalidateQueries({ queryKey: ['catalogue'] }),
      ]),
  })
}
