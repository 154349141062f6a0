import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { apiRequest } from '../../app/api/api-client'
import {
  asRecord,
  readBoolean,
  readList,
  readNullableString,
  readNumber,
  readOneOf,
  readString,
  readStringArray,
} from '../../app/api/parse'

export interface DeskTopic {
  id: string
  title: { it: string; en: string }
  active: boolean
  subscribers: number
}

export interface Campaign {
  id: string
  subject: { it: string; en?: string }
  body: { it: string; en?: string }
  previewHtml: string
  topics: string[]
  status: 'draft' | 'sending' | 'sent'
  recipients: number | null
  counts: { queued: number; sent: number; failed: number; skipped: number; unsubscribed: number }
  createdAt: string
  startedAt: string | null
  finishedAt: string | null
}

export interface CampaignInput {
  subject: { it: string; en?: string }
  body: { it: string; en?: string }
  topics: string[]
}

const TOPICS_KEY = ['newsletter-desk', 'topics'] as const
const CAMPAIGNS_KEY = ['newsletter-desk', 'campaigns'] as const

function localised(value: unknown, what: string): { it: string; en?: string } {
  const record = asRecord(value, what)
  const en = record.en
  return { it: readString(record, 'it'), ...(typeof en === 'string' ? { en } : {}) }
}

function parseTopic(value: unknown): DeskTopic {
  const record = asRecord(value, 'topic')
  const title = localised(record.title, 'title')
  return {
    id: readString(record, 'id'),
    title: { it: title.it, en: title.en ?? title.it },
    active: readBoolean(record, 'active'),
    subscribers: readNumber(record, 'subscribers'),
  }
}

function parseCampaign(value: unknown): Campaign {
  const record = asRecord(value, 'campaign')
  const counts = asRecord(record.counts, 'counts')
  return {
    id: readString(record, 'id'),
    subject: localised(record.subject, 'subject'),
    body: localised(record.body, 'body'),
    previewHtml: readString(record, 'previewHtml'),
    topics: readStringArray(record, 'topics'),
    status: readOneOf(record, 'status', ['draft', 'sending', 'sent'] as const),
    recipients: record.recipients === null ? null : readNumber(record, 'recipients'),
    counts: {
      queued: readNumber(counts, 'queued'),
      sent: readNumber(counts, 'sent'),
      failed: readNumber(counts, 'failed'),
      skipped: readNumber(counts, 'skipped'),
      unsubscribed: readNumber(counts, 'unsubscribed'),
    },
    createdAt: readString(record, 'createdAt'),
    startedAt: readNullableString(record, 'startedAt'),
    finishedAt: readNullableString(record, 'finishedAt'),
  }
}

export function useDeskTopics() {
  return useQuery({
    queryKey: TOPICS_KEY,
    queryFn: ({ signal }) =>
      apiRequest({
        path: '/staff/newsletter/topics',
        signal,
        parse: (v) => readList(v, 'topics', parseTopic),
      }),
  })
}

export function useCampaigns() {
  return useQuery({
    queryKey: CAMPAIGNS_KEY,
    queryFn: ({ signal }) =>
      apiRequest({
        path: '/staff/newsletter/campaigns',
        signal,
        parse: (v) => readList(v, 'campaigns', parseCampaign),
      }),
  })
}

/** One campaign; while it is going out, its counts are read again every two seconds. */
export function useCampaign(id: string) {
  return useQuery({
    queryKey: [...CAMPAIGNS_KEY, id],
    queryFn: ({ signal }) =>
      apiRequest({
        path: `/staff/newsletter/campaigns/${encodeURIComponent(id)}`,
        signal,
        parse: parseCampaign,
      }),
    refetchInterval: (query) => (query.state.data?.status === 'sending' ? 2000 : false),
  })
}

export function useCreateCampaign() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (input: CampaignInput) =>
      apiRequest({ path: '/staff/newsletter/campaigns', method: 'POST', body: input, parse: parseCampaign }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: CAMPAIGNS_KEY }),
  })
}

export function useSendCampaign(id: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: () =>
      apiRequest({
        path: `/staff/newsletter/campaigns/${encodeURIComponent(id)}/send`,
        method: 'POST',
        parse: parseCampaign,
      }),
    onSuccess: (campaign) => {
      queryClient.setQueryData([...CAMPAIGNS_KEY, id], campaign)
      void queryClient.invalidateQueries({ queryKey: CAMPAIGNS_KEY })
    },
  })
}

export interface TopicInput {
  id: string
  title: { it: string; en: string }
  description: { it: string; en: string }
}

export function useCreateTopic() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (input: TopicInput) =>
      apiRequest({ path: '/staff/newsletter/topics', method: 'POST', body: input, parse: parseTopic }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: TOPICS_KEY }),
  })
}

export function useSwitchTopic() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (topic: DeskTopic) =>
      apiRequest({
        path: `/staff/newsletter/topics/${encodeURIComponent(topic.id)}`,
        method: 'PATCH',
        body: { active: !topic.active },
        parse: parseTopic,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: TOPICS_KEY }),
  })
}
