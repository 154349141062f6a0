import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { apiRequest } from '../../app/api/api-client'
import {
  asRecord,
  type JsonRecord,
  readBoolean,
  readList,
  readNullableString,
  readNumber,
  readOneOf,
  readString,
} from '../../app/api/parse'
import type { SignedInSession } from '../../app/session/session-api'

export const DESK_BOOKING_STATUSES = [
  'booked',
  'cancelled',
  'checked-in',
  'called',
  'served',
  'no-show',
  'offered',
  'expired',
] as const
export type DeskBookingStatus = (typeof DESK_BOOKING_STATUSES)[number]
export const DESK_CHANNELS = ['web', '020202', 'counter'] as const

export interface Named {
  id: string
  name: string
}

export interface DeskOffice extends Named {
  address: string
  counters: (Named & { services: Named[] })[]
}

export interface DeskBooking {
  code: string
  status: DeskBookingStatus
  channel: (typeof DESK_CHANNELS)[number]
  startsAt: string
  endsAt: string
  service: Named
  counter: Named
  calledTo: Named | null
  ticket: string | null
  citizen: { fiscalCode: string; name: string | null }
  reason: string
  notes: string
  checkedInAt: string | null
  calledAt: string | null
}

export interface Agenda {
  office: Named
  date: string
  today: boolean
  /** The server's time, which the desk's choices follow. */
  now: string
  bookings: DeskBooking[]
}

export type DeskAction = 'recall' | 'served' | 'no-show'

const DESK_KEY = ['counter-desk'] as const
const AGENDA_REFRESH_MS = 15_000

/** Operators, supervisors and administrators work at the counter, as the server allows. */
export function isCounterStaff(session: SignedInSession): boolean {
  return (
    session.kind === 'staff' &&
    ['operator', 'supervisor', 'admin'].some((role) => session.roles.includes(role))
  )
}

function parseNamed(value: unknown, what: string): Named {
  const record = asRecord(value, what)
  return { id: readString(record, 'id'), name: readString(record, 'name') }
}

function parseOffice(value: unknown): DeskOffice {
  const record = asRecord(value, 'office')
  return {
    ...parseNamed(record, 'office'),
    address: readString(record, 'address'),
    counters: readList(record.counters, 'counters', (item) => {
      const counter = asRecord(item, 'counter')
      return {
        ...parseNamed(counter, 'counter'),
        services: readList(counter.services, 'services', (service) => parseNamed(service, 'service')),
      }
    }),
  }
}

function parseBooking(value: unknown): DeskBooking {
  const record: JsonRecord = asRecord(value, 'booking')
  const citizen = asRecord(record.citizen, 'citizen')
  return {
    code: readString(record, 'code'),
    status: readOneOf(record, 'status', DESK_BOOKING_STATUSES),
    channel: readOneOf(record, 'channel', DESK_CHANNELS),
    startsAt: readString(record, 'startsAt'),
    endsAt: readString(record, 'endsAt'),
    service: parseNamed(record.service, 'service'),
    counter: parseNamed(record.counter, 'counter'),
    calledTo: record.calledTo === null ? null : parseNamed(record.calledTo, 'calledTo'),
    ticket: readNullableString(record, 'ticket'),
    citizen: { fiscalCode: readString(citizen, 'fiscalCode'), name: readNullableString(citizen, 'name') },
    reason: readString(record, 'reason'),
    notes: readString(record, 'notes'),
    checkedInAt: readNullableString(record, 'checkedInAt'),
    calledAt: readNullableString(record, 'calledAt'),
  }
}

function parseAgenda(value: unknown): Agenda {
  const record = asRecord(value, 'agenda')
  return {
    office: parseNamed(record.office, 'office'),
    date: readString(record, 'date'),
    today: readBoolean(record, 'today'),
    now: readString(record, 'now'),
    bookings: readList(record.bookings, 'bookings', parseBooking),
  }
}

export function useDeskOffices() {
  return useQuery({
    queryKey: [...DESK_KEY, 'offices'],
    queryFn: ({ signal }) =>
      apiRequest({ path: '/staff/desk/offices', signal, parse: (v) => readList(v, 'offices', parseOffice) }),
  })
}

/** An office's day, today when no date is given; today's refreshes itself while the desk is open. */
export function useOfficeAgenda(officeId: string | null, date: string | null) {
  return useQuery({
    queryKey: [...DESK_KEY, 'agenda', officeId, date],
    enabled: officeId !== null,
    refetchInterval: (query: { state: { data?: Agenda } }) =>
      query.state.data?.today ? AGENDA_REFRESH_MS : false,
    queryFn: ({ signal }) =>
      apiRequest({
        path: `/staff/desk/offices/${officeId}/agenda${date ? `?date=${date}` : ''}`,
        signal,
        parse: parseAgenda,
      }),
  })
}

function useDeskMutation<Input, Output>(mutationFn: (input: Input) => Promise<Output>) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...DESK_KEY, 'agenda'] }),
  })
}

export function useCheckIn() {
  return useDeskMutation((input: { officeId: string; code: string }) =>
    apiRequest({
      path: '/staff/desk/check-in',
      method: 'POST',
      body: input,
      parse: (value) => {
        const record = asRecord(value, 'check-in')
        return {
          booking: parseBooking(record.booking),
          alreadyCheckedIn: readBoolean(record, 'alreadyCheckedIn'),
        }
      },
    }),
  )
}

export function useCallNext() {
  return useDeskMutation((counterId: string) =>
    apiRequest({
      path: `/staff/desk/counters/${counterId}/call-next`,
      method: 'POST',
      parse: (value) => {
        const record = asRecord(value, 'call')
        return {
          called: record.called === null ? null : parseBooking(record.called),
          waiting: readNumber(record, 'waiting'),
        }
      },
    }),
  )
}

/** Recall, served or no-show on one booking. */
export function useDeskAction() {
  return useDeskMutation((input: { code: string; action: DeskAction }) =>
    apiRequest({
      path: `/staff/desk/bookings/${encodeURIComponent(input.code)}/${input.action}`,
      method: 'POST',
      parse: parseBooking,
    }),
  )
}
