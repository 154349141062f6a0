import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { apiRequest } from '../../app/api/api-client'
import { asRecord, readList, readNullableString, readString, readStringArray } from '../../app/api/parse'

/** What an integration may be allowed to do; the server lists the same scopes. */
export const API_SCOPES = ['telephony', 'open311:write', 'social', 'chatbot', 'email-inbound'] as const
export type ApiScope = (typeof API_SCOPES)[number]

/** Translation keys of the scopes: a colon in a key would read as an i18n namespace. */
export const API_SCOPE_LABEL_KEYS = {
  telephony: 'telephony',
  'open311:write': 'open311Write',
  social: 'social',
  chatbot: 'chatbot',
  'email-inbound': 'emailInbound',
} as const satisfies Record<ApiScope, string>

export interface ApiClient {
  id: string
  name: string
  keyPrefix: string
  scopes: string[]
  createdAt: string
  revokedAt: string | null
  lastUsedAt: string | null
}

function parseApiClient(value: unknown): ApiClient {
  const record = asRecord(value, 'API client')
  return {
    id: readString(record, 'id'),
    name: readString(record, 'name'),
    keyPrefix: readString(record, 'keyPrefix'),
    scopes: readStringArray(record, 'scopes'),
    createdAt: readString(record, 'createdAt'),
    revokedAt: readNullableString(record, 'revokedAt'),
    lastUsedAt: readNullableString(record, 'lastUsedAt'),
  }
}

const API_CLIENTS_QUERY_KEY = ['admin', 'api-clients'] as const

export const apiClientsQuery = queryOptions({
  queryKey: API_CLIENTS_QUERY_KEY,
  queryFn: ({ signal }) =>
    apiRequest({
      path: '/admin/api-clients',
      signal,
      parse: (value) => readList(asRecord(value, 'API client list').apiClients, 'apiClients', parseApiClient),
    }),
})

export function useApiClients() {
  return useQuery(apiClientsQuery)
}

export function useCreateApiClient() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (input: { name: string; scopes: ApiScope[] }) =>
      apiRequest({
        path: '/admin/api-clients',
        method: 'POST',
        body: input,
        parse: (value) => {
          const record = asRecord(value, 'created API client')
          return { client: parseApiClient(record.client), key: readString(record, 'key') }
        },
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: API_CLIENTS_QUERY_KEY }),
  })
}

export function useRevokeApiClient() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (id: string) =>
      apiRequest({
        path: `/admin/api-clients/${encodeURIComponent(id)}`,
        method: 'DELETE',
        parse: parseApiClient,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: API_CLIENTS_QUERY_KEY }),
  })
}
