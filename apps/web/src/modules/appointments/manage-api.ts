import { useMutation, useQuery } from '@tanstack/react-query'
import { apiRequest } from '../../app/api/api-client'
import { asRecord } from '../../app/api/parse'
import {
  APPOINTMENTS_KEY,
  type ManagedAppointment,
  parseAppointmentCore,
  useRefreshAppointments,
} from './appointments-api'

// The e-mail's manage link: the code and its secret token stand in for a session.

function parseManaged(value: unknown): ManagedAppointment {
  const record = asRecord(value, 'appointment')
  if (typeof record.changeable !== 'boolean') throw new TypeError('changeable is not a boolean')
  return { ...parseAppointmentCore(record), changeable: record.changeable }
}

const managePath = (code: string) => `/appointments/manage/${encodeURIComponent(code)}`
const MANAGED_KEY = [...APPOINTMENTS_KEY, 'managed'] as const

export function useManagedAppointment(code: string, token: string) {
  return useQuery({
    queryKey: [...MANAGED_KEY, code, token],
    enabled: token !== '',
    retry: false,
    queryFn: ({ signal }) =>
      apiRequest({
        path: `${managePath(code)}?${new URLSearchParams({ token })}`,
        signal,
        parse: parseManaged,
      }),
  })
}

export function useManageCancel(code: string, token: string) {
  const refresh = useRefreshAppointments()
  return useMutation({
    mutationFn: () =>
      apiRequest({
        path: `${managePath(code)}/cancel`,
        method: 'POST',
        body: { token },
        parse: () => undefined,
      }),
    onSettled: refresh,
  })
}

export function useManageReschedule(code: string, token: string) {
  const refresh = useRefreshAppointments()
  return useMutation({
    mutationFn: (start: string) =>
      apiRequest({
        path: `${managePath(code)}/reschedule`,
        method: 'POST',
        body: { token, start },
        parse: () => undefined,
      }),
    onSettled: refresh,
  })
}
