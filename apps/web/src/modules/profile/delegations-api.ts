import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { apiRequest } from '../../app/api/api-client'
import { asRecord, readList, readNullableString, readOneOf, readString } from '../../app/api/parse'
import { type DelegationScope, REPRESENTED_QUERY_KEY, readScopes } from '../identity/represented-api'

export interface DelegationParty {
  fiscalCode: string
  name: string | null
}

/** A delega: one adult lets another act for them within some scopes until a day. */
export interface Delegation {
  id: string
  direction: 'given' | 'received'
  delegator: DelegationParty
  delegate: DelegationParty
  scopes: DelegationScope[]
  validFrom: string
  validUntil: string
  revokedAt: string | null
  status: 'active' | 'expired' | 'revoked'
}

export interface DelegationList {
  given: Delegation[]
  received: Delegation[]
}

export interface NewDelegation {
  delegateFiscalCode: string
  scopes: DelegationScope[]
  /** Last day the delegation works, YYYY-MM-DD. */
  validUntil: string
}

function parseParty(value: unknown): DelegationParty {
  const record = asRecord(value, 'party')
  return { fiscalCode: readString(record, 'fiscalCode'), name: readNullableString(record, 'name') }
}

function parseDelegation(value: unknown): Delegation {
  const record = asRecord(value, 'delegation')
  return {
    id: readString(record, 'id'),
    direction: readOneOf(record, 'direction', ['given', 'received'] as const),
    delegator: parseParty(record.delegator),
    delegate: parseParty(record.delegate),
    scopes: readScopes(record, 'scopes'),
    validFrom: readString(record, 'validFrom'),
    validUntil: readString(record, 'validUntil'),
    revokedAt: readNullableString(record, 'revokedAt'),
    status: readOneOf(record, 'status', ['active', 'expired', 'revoked'] as const),
  }
}

function parseDelegationList(value: unknown): DelegationList {
  const record = asRecord(value, 'delegations')
  return {
    given: readList(record.given, 'given', parseDelegation),
    received: readList(record.received, 'received', parseDelegation),
  }
}

const DELEGATIONS_QUERY_KEY = ['me', 'delegations'] as const

export const delegationsQuery = queryOptions({
  queryKey: DELEGATIONS_QUERY_KEY,
  queryFn: ({ signal }) => apiRequest({ path: '/me/delegations', signal, parse: parseDelegationList }),
})

export function useDelegations() {
  return useQuery(delegationsQuery)
}

/** Delegations change whom people may act for: both lists are read again. */
function useDelegationMutation<Input>(request: (input: Input) => Promise<Delegation>) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: request,
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: DELEGATIONS_QUERY_KEY }),
        queryClient.invalidateQueries({ queryKey: REPRESENTED_QUERY_KEY }),
      ])
    },
  })
}

export function useCreateDelegation() {
  return useDelegationMutation((input: NewDelegation) =>
    apiRequest({ path: '/me/delegations', method: 'POST', body: input, parse: parseDelegation }),
  )
}

export function useRevokeDelegation() {
  return useDelegationMutation((id: string) =>
    apiRequest({
      path: `/me/delegations/${encodeURIComponent(id)}`,
      method: 'DELETE',
      parse: parseDelegation,
    }),
  )
}
