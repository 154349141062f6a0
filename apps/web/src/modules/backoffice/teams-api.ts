import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { apiRequest } from '../../app/api/api-client'
import { asRecord, readList, readNumber, readString } from '../../app/api/parse'

export interface Team {
  id: string
  code: string
  name: string
  memberCount: number
}

function parseTeam(value: unknown): Team {
  const record = asRecord(value, 'team')
  return {
    id: readString(record, 'id'),
    code: readString(record, 'code'),
    name: readString(record, 'name'),
    memberCount: readNumber(record, 'memberCount'),
  }
}

export const teamsQuery = queryOptions({
  queryKey: ['admin', 'teams'] as const,
  queryFn: ({ signal }) =>
    apiRequest({
      path: '/admin/teams',
      signal,
      parse: (value) => readList(asRecord(value, 'team list').teams, 'teams', parseTeam),
    }),
})

export function useTeams(options: { enabled?: boolean } = {}) {
  return useQuery({ ...teamsQuery, enabled: options.enabled ?? true })
}

export function useCreateTeam() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (input: { code: string; name: string }) =>
      apiRequest({ path: '/admin/teams', method: 'POST', body: input, parse: parseTeam }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['admin'] }),
  })
}

/** A team code from its name: "Servizi sociali" → "servizi-sociali", the shape the API accepts. */
export function teamCodeFromName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '')
}
