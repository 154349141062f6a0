import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { apiRequest } from '../../app/api/api-client'
import {
  asRecord,
  type JsonRecord,
  readList,
  readNullableString,
  readOneOf,
  readString,
  readStringArray,
} from '../../app/api/parse'

export const DELEGATION_SCOPES = ['folder', 'certificates', 'appointments', 'payments', 'tickets'] as const
export type DelegationScope = (typeof DELEGATION_SCOPES)[number]

/** Someone the citizen may act for: a minor child in the household, or an adult who delegated them. */
export interface RepresentedPerson {
  fiscalCode: string
  givenName: string
  familyName: string
  birthDate: string | null
  basis: 'minor-child' | 'delegation'
  scopes: DelegationScope[]
  validUntil: string | null
}

export interface RepresentedList {
  actingFor: string | null
  people: RepresentedPerson[]
}

export function readScopes(record: JsonRecord, key: string): DelegationScope[] {
  // Scopes added by a newer server are left out rather than breaking the page.
  return readStringArray(record, key).filter((scope): scope is DelegationScope =>
    (DELEGATION_SCOPES as readonly string[]).includes(scope),
  )
}

function parseRepresentedPerson(value: unknown): RepresentedPerson {
  const record = asRecord(value, 'represented person')
  return {
    fiscalCode: readString(record, 'fiscalCode'),
    givenName: readString(record, 'givenName'),
    familyName: readString(record, 'familyName'),
    birthDate: readNullableString(record, 'birthDate'),
    basis: readOneOf(record, 'basis', ['minor-child', 'delegation'] as const),
    scopes: readScopes(record, 'scopes'),
    validUntil: readNullableString(record, 'validUntil'),
  }
}

function parseRepresentedList(value: unknown): RepresentedList {
  const record = asRecord(value, 'represented list')
  return {
    actingFor: readNullableString(record, 'actingFor'),
    people: readList(record.people, 'people', parseRepresentedPerson),
  }
}

export const REPRESENTED_QUERY_KEY = ['me', 'represented'] as const

export const representedQuery = queryOptions({
  queryKey: REPRESENTED_QUERY_KEY,
  queryFn: ({ signal }) => apiRequest({ path: '/me/represented', signal, parse: parseRepresentedList }),
})

export function useRepresented(options: { enabled?: boolean } = {}) {
  return useQuery({ ...representedQuery, enabled: options.enabled ?? true })
}

export function fullName(person: { givenName: string; familyName: string }): string {
  return `${person.givenName} ${person.familyName}`
}

/** Switches whose folder the session works on; `null` goes back to one's own. */
export function useChangeActingFor() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (fiscalCode: string | null) =>
      apiRequest({
        path: '/session/acting-for',
        method: 'PUT',
        body: { fiscalCode },
        parse: (value) => asRecord(value, 'acting for'),
      }),
    // Everything read so far belongs to the previous person: read it again for the new one.
    onSuccess: () => queryClient.invalidateQueries({ predicate: (query) => query.queryKey[0] !== 'city' }),
  })
}
