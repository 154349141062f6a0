import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { apiRequest } from '../../app/api/api-client'
import {
  asRecord,
  type JsonRecord,
  readBoolean,
  readNullableString,
  readOneOf,
  readString,
} from '../../app/api/parse'
import type { Language } from '../../app/i18n/languages'

export type ContactChannel = 'email' | 'sms'

/** An e-mail address or mobile number on the account, and the one waiting for its code, if any. */
export interface ContactState {
  value: string | null
  verified: boolean
  verifiedAt: string | null
  pending: { value: string; expiresAt: string } | null
}

/** The signed-in citizen's own account, as `GET /api/v1/me` describes it. */
export interface MyAccount {
  fiscalCode: string
  givenName: string
  familyName: string
  birthDate: string | null
  locale: Language
  /** True when the account is linked to a person in the city registry. */
  registryMatched: boolean
  email: ContactState
  mobile: ContactState
}

function parseContact(record: JsonRecord, key: string): ContactState {
  const contact = asRecord(record[key], key)
  const pending =
    contact.pending === null || contact.pending === undefined ? null : asRecord(contact.pending, 'pending')
  return {
    value: readNullableString(contact, 'value'),
    verified: readBoolean(contact, 'verified'),
    verifiedAt: readNullableString(contact, 'verifiedAt'),
    pending: pending
      ? { value: readString(pending, 'value'), expiresAt: readString(pending, 'expiresAt') }
      : null,
  }
}

export function parseMyAccount(value: unknown): MyAccount {
  const record = asRecord(value, 'account')
  return {
    fiscalCode: readString(record, 'fiscalCode'),
    givenName: readString(record, 'givenName'),
    familyName: readString(record, 'familyName'),
    birthDate: readNullableString(record, 'birthDate'),
    locale: readOneOf(record, 'locale', ['it', 'en'] as const),
    registryMatched: record.registryMatched === true,
    email: parseContact(record, 'email'),
    mobile: parseContact(record, 'mobile'),
  }
}

const ME_QUERY_KEY = ['me', 'account'] as const

export const meQuery = queryOptions({
  queryKey: ME_QUERY_KEY,
  queryFn: ({ signal }) => apiRequest({ path: '/me', signal, parse: parseMyAccount }),
})

export function useMe() {
  return useQuery(meQuery)
}

/** Every change to the account answers with the whole account: keep it as the cached copy. */
function useAccountMutation<Input>(request: (input: Input) => Promise<MyAccount>) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: request,
    onSuccess: (account) => queryClient.setQueryData(ME_QUERY_KEY, account),
  })
}

export function useRequestContactCode(channel: ContactChannel) {
  return useAccountMutation((value: string) =>
    apiRequest({
      path: channel === 'email' ? '/me/contacts/email' : '/me/contacts/mobile',
      method: 'PUT',
      body: channel === 'email' ? { email: value } : { mobile: value },
      parse: parseMyAccount,
    }),
  )
}

export function useVerifyContact(channel: ContactChannel) {
  return useAccountMutation((code: string) =>
    apiRequest({
      path: '/me/contacts/verify',
      method: 'POST',
      body: { channel, code },
      parse: parseMyAccount,
    }),
  )
}

export function useUpdateLocale() {
  return useAccountMutation((locale: Language) =>
    apiRequest({ path: '/me', method: 'PATCH', body: { locale }, parse: parseMyAccount }),
  )
}
