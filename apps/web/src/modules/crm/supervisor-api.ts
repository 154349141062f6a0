import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { apiRequest } from '../../app/api/api-client'
import {
  asRecord,
  readBoolean,
  readList,
  readNullableString,
  readNumber,
  readString,
} from '../../app/api/parse'
import { type CategoryNode, parseCategory, TAXONOMY_KEY, type TicketProcess } from './taxonomy-api'
import { parseQueueItem, type QueueItem } from './tickets-api'

export interface CannedReply {
  id: string
  categoryCode: string | null
  title: string
  bodyIt: string
  bodyEn: string
  active: boolean
}

export type AssignmentRule = 'claim' | 'least-loaded'

export interface TeamSettings {
  teamCode: string
  assignment: AssignmentRule
  escalationEmail: string | null
}

export interface Dashboard {
  period: { from: string; to: string }
  backlog: { teamCode: string; status: string; count: number }[]
  atRisk: QueueItem[]
  breached: QueueItem[]
  volumesByChannel: { channel: string; count: number }[]
  volumesByTriplet: {
    detailCode: string | null
    detail: string | null
    topic: string | null
    area: string | null
    count: number
  }[]
}

const CANNED_KEY = ['crm', 'canned-replies'] as const
const TEAMS_KEY = ['crm', 'team-settings'] as const
const DASHBOARD_KEY = ['crm', 'dashboard'] as const

function parseCanned(value: unknown): CannedReply {
  const record = asRecord(value, 'canned reply')
  return {
    id: readString(record, 'id'),
    categoryCode: readNullableString(record, 'categoryCode'),
    title: readString(record, 'title'),
    bodyIt: readString(record, 'bodyIt'),
    bodyEn: readString(record, 'bodyEn'),
    active: readBoolean(record, 'active'),
  }
}

function parseTeamSettings(value: unknown): TeamSettings {
  const record = asRecord(value, 'team settings')
  const assignment = readString(record, 'assignment')
  if (assignment !== 'claim' && assignment !== 'least-loaded') throw new TypeError('unknown rule')
  return {
    teamCode: readString(record, 'teamCode'),
    assignment,
    escalationEmail: readNullableString(record, 'escalationEmail'),
  }
}

function parseDashboard(value: unknown): Dashboard {
  const record = asRecord(value, 'dashboard')
  const period = asRecord(record.period, 'period')
  return {
    period: { from: readString(period, 'from'), to: readString(period, 'to') },
    backlog: readList(record.backlog, 'backlog', (item) => {
      const row = asRecord(item, 'backlog row')
      return {
        teamCode: readString(row, 'teamCode'),
        status: readString(row, 'status'),
        count: readNumber(row, 'count'),
      }
    }),
    atRisk: readList(record.atRisk, 'atRisk', parseQueueItem),
    breached: readList(record.breached, 'breached', parseQueueItem),
    volumesByChannel: readList(record.volumesByChannel, 'volumesByChannel', (item) => {
      const row = asRecord(item, 'channel volume')
      return { channel: readString(row, 'channel'), count: readNumber(row, 'count') }
    }),
    volumesByTriplet: readList(record.volumesByTriplet, 'volumesByTriplet', (item) => {
      const row = asRecord(item, 'triplet volume')
      return {
        detailCode: readNullableString(row, 'detailCode'),
        detail: readNullableString(row, 'detail'),
        topic: readNullableString(row, 'topic'),
        area: readNullableString(row, 'area'),
        count: readNumber(row, 'count'),
      }
    }),
  }
}

/** The dashboard for a period (the server's last 30 days when none is given). */
export function useDashboard(period: { from: string; to: string } | null) {
  return useQuery({
    queryKey: [...DASHBOARD_KEY, period],
    refetchInterval: 60_000,
    queryFn: ({ signal }) => {
      const params = period ? `?${new URLSearchParams(period).toString()}` : ''
      return apiRequest({ path: `/staff/crm/dashboard${params}`, signal, parse: parseDashboard })
    },
  })
}

export function useCannedReplies() {
  return useQuery({
    queryKey: CANNED_KEY,
    queryFn: ({ signal }) =>
      apiRequest({
        path: '/staff/crm/canned-replies',
        signal,
        parse: (value) => readList(value, 'canned replies', parseCanned),
      }),
  })
}

export function useTeamSettings() {
  return useQuery({
    queryKey: TEAMS_KEY,
    queryFn: ({ signal }) =>
      apiRequest({
        path: '/staff/crm/teams',
        signal,
        parse: (value) => readList(value, 'teams', parseTeamSettings),
      }),
  })
}

export interface NewCategory {
  code: string
  level: 1 | 2 | 3
  parentCode?: string
  nameIt: string
  nameEn: string
  teamCode?: string
  process?: TicketProcess
  firstResponseMinutes?: number
  resolutionMinutes?: number
  citizenVisible?: boolean
}

export type CategoryChange = Partial<
  Pick<CategoryNode, 'nameIt' | 'nameEn' | 'citizenVisible' | 'active' | 'position'> & {
    teamCode: string
    process: TicketProcess
    firstResponseMinutes: number
    resolutionMinutes: number
  }
>

function useSupervisorMutation<I, O>(
  request: (input: I) => Promise<O>,
  keys: readonly (readonly string[])[],
) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: request,
    onSuccess: async () => {
      for (const key of keys) await queryClient.invalidateQueries({ queryKey: key })
    },
  })
}

export function useCreateCategory() {
  return useSupervisorMutation(
    (input: NewCategory) =>
      apiRequest({ path: '/staff/crm/categories', method: 'POST', body: input, parse: parseCategory }),
    [TAXONOMY_KEY],
  )
}

export function useUpdateCategory() {
  return useSupervisorMutation(
    ({ code, change }: { code: string; change: CategoryChange }) =>
      apiRequest({
        path: `/staff/crm/categories/${encodeURIComponent(code)}`,
        method: 'PATCH',
        body: change,
        parse: parseCategory,
      }),
    [TAXONOMY_KEY],
  )
}

export function useCreateCannedReply() {
  return useSupervisorMutation(
    (input: { categoryCode: string | null; title: string; bodyIt: string; bodyEn: string }) =>
      apiRequest({ path: '/staff/crm/canned-replies', method: 'POST', body: input, parse: parseCanned }),
    [CANNED_KEY, ['crm', 'ticket']],
  )
}

export function useUpdateCannedReply() {
  return useSupervisorMutation(
    ({ id, change }: { id: string; change: Partial<Omit<CannedReply, 'id' | 'categoryCode'>> }) =>
      apiRequest({
        path: `/staff/crm/canned-replies/${encodeURIComponent(id)}`,
        method: 'PATCH',
        body: change,
        parse: parseCanned,
      }),
    [CANNED_KEY, ['crm', 'ticket']],
  )
}

export function useSaveTeamSettings() {
  return useSupervisorMutation(
    ({ teamCode, ...body }: TeamSettings) =>
      apiRequest({
        path: `/staff/crm/teams/${encodeURIComponent(teamCode)}`,
        method: 'PUT',
        body,
        parse: parseTeamSettings,
      }),
    [TEAMS_KEY],
  )
}
