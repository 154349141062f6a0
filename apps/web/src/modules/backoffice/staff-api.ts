import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { apiRequest } from '../../app/api/api-client'
import {
  asRecord,
  readBoolean,
  readList,
  readNullableString,
  readString,
  readStringArray,
} from '../../app/api/parse'

export const STAFF_ROLES = ['operator', 'supervisor', 'analyst', 'admin'] as const
export type StaffRole = (typeof STAFF_ROLES)[number]

export interface TeamRef {
  code: string
  name: string
}

export interface StaffMember {
  id: string
  subject: string
  email: string
  displayName: string
  roles: StaffRole[]
  active: boolean
  teams: TeamRef[]
  lastLoginAt: string | null
}

export interface NewStaffMember {
  subject: string
  email: string
  displayName: string
  roles: StaffRole[]
  teamCodes: string[]
}

export interface StaffChanges {
  roles?: StaffRole[]
  active?: boolean
  displayName?: string
}

export function isStaffRole(value: string): value is StaffRole {
  return (STAFF_ROLES as readonly string[]).includes(value)
}

function parseTeamRef(value: unknown): TeamRef {
  const record = asRecord(value, 'team')
  return { code: readString(record, 'code'), name: readString(record, 'name') }
}

function parseStaffMember(value: unknown): StaffMember {
  const record = asRecord(value, 'staff member')
  return {
    id: readString(record, 'id'),
    subject: readString(record, 'subject'),
    email: readString(record, 'email'),
    displayName: readString(record, 'displayName'),
    roles: readStringArray(record, 'roles').filter(isStaffRole),
    active: readBoolean(record, 'active'),
    teams: readList(record.teams, 'teams', parseTeamRef),
    lastLoginAt: readNullableString(record, 'lastLoginAt'),
  }
}

const STAFF_QUERY_KEY = ['admin', 'staff'] as const

export const staffQuery = queryOptions({
  queryKey: STAFF_QUERY_KEY,
  queryFn: ({ signal }) =>
    apiRequest({
      path: '/admin/staff',
      signal,
      parse: (value) => readList(asRecord(value, 'staff list').staff, 'staff', parseStaffMember),
    }),
})

export function useStaff() {
  return useQuery(staffQuery)
}

/** Staff changes move people between teams too: both lists are read again. */
function useStaffMutation<Input>(request: (input: Input) => Promise<StaffMember>) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: request,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['admin'] }),
  })
}

export function useCreateStaffMember() {
  return useStaffMutation((input: NewStaffMember) =>
    apiRequest({ path: '/admin/staff', method: 'POST', body: input, parse: parseStaffMember }),
  )
}

/** Roles and active flag, then teams: two calls, because the API keeps memberships separate. */
export function useUpdateStaffMember() {
  return useStaffMutation(
    async (input: { id: string; changes: StaffChanges; teamCodes?: string[] }): Promise<StaffMember> => {
      const path = `/admin/staff/${encodeURIComponent(input.id)}`
      let member = await apiRequest({ path, method: 'PATCH', body: input.changes, parse: parseStaffMember })
      if (input.teamCodes) {
        member = await apiRequest({
          path: `${path}/teams`,
          method: 'PUT',
          body: { teamCodes: input.teamCodes },
          parse: parseStaffMember,
        })
      }
      return member
    },
  )
}
