import { useMutation, useQuery } from '@tanstack/react-query'
import { apiRequest } from '../../app/api/api-client'
import { asRecord, readList, readOneOf, readString, readStringArray } from '../../app/api/parse'
import type { Language } from '../../app/i18n/languages'

export interface PublicTopic {
  id: string
  title: string
  description: string
}

export interface Subscription {
  email: string
  status: 'pending' | 'active' | 'unsubscribed'
  topics: string[]
}

function parseTopic(value: unknown): PublicTopic {
  const record = asRecord(value, 'topic')
  return {
    id: readString(record, 'id'),
    title: readString(record, 'title'),
    description: readString(record, 'description'),
  }
}

function parseSubscription(value: unknown): Subscription {
  const record = asRecord(value, 'subscription')
  return {
    email: readString(record, 'email'),
    status: readOneOf(record, 'status', ['pending', 'active', 'unsubscribed'] as const),
    topics: readStringArray(record, 'topics'),
  }
}

export function usePublicTopics(language: string) {
  return useQuery({
    queryKey: ['newsletter', 'topics', language],
    queryFn: ({ signal }) =>
      apiRequest({
        path: '/newsletter/topics',
        signal,
        parse: (value) => readList(value, 'topics', parseTopic),
      }),
  })
}

export function useSubscribe() {
  return useMutation({
    mutationFn: (input: { email: string; topics: string[]; locale: Language }) =>
      apiRequest({
        path: '/newsletter/subscriptions',
        method: 'POST',
        body: { ...input, privacyAccepted: true },
        parse: () => undefined,
      }),
  })
}

export function useConfirmSubscription() {
  return useMutation({
    mutationFn: (token: string) =>
      apiRequest({
        path: '/newsletter/subscriptions/confirm',
        method: 'POST',
        body: { token },
        parse: parseSubscription,
      }),
  })
}

export function useSubscriptionByToken(token: string) {
  return useQuery({
    queryKey: ['newsletter', 'subscription', token],
    enabled: token.length > 0,
    retry: false,
    queryFn: ({ signal }) =>
      apiRequest({
        path: '/newsletter/subscription',
        method: 'POST',
        body: { token },
        signal,
        parse: parseSubscription,
      }),
  })
}

export function useUnsubscribe() {
  return useMutation({
    mutationFn: (input: { token: string; campaignId?: string }) =>
      apiRequest({
        path: '/newsletter/unsubscribe',
        method: 'POST',
        body: input,
        parse: parseSubscription,
      }),
  })
}
