import { useMutation, useQueryClient } from '@tanstack/react-query'
import { apiRequest } from '../../app/api/api-client'
import { asRecord, readNullableString, readNumber, readString } from '../../app/api/parse'

export const CALL_OUTCOMES = ['solved', 'ticket', 'appointment', 'transferred', 'dropped'] as const
export type CallOutcome = (typeof CALL_OUTCOMES)[number]

export type Caller =
  | { fiscalCode: string; name?: string; phone?: string }
  | { phone: string; name?: string }
  | { anonymous: true; name?: string }

export interface LogCallInput {
  caller: Caller
  categoryCode?: string
  outcome: CallOutcome
  startedAt: string
  durationSeconds: number
  notes: string
  subject?: string
  bookingCode?: string
}

export interface LoggedCall {
  id: string
  contactName: string | null
  outcome: CallOutcome
  ticketCode: string | null
  bookingCode: string | null
  categoryName: string | null
  durationSeconds: number
}

function parseCall(value: unknown): LoggedCall {
  const record = asRecord(value, 'call')
  const outcome = readString(record, 'outcome')
  if (!(CALL_OUTCOMES as readonly string[]).includes(outcome)) throw new TypeError('unknown outcome')
  const category = record.category === null ? null : asRecord(record.category, 'category')
  return {
    id: readString(record, 'id'),
    contactName: readNullableString(record, 'contactName'),
    outcome: outcome as CallOutcome,
    ticketCode: readNullableString(record, 'ticketCode'),
    bookingCode: readNullableString(record, 'bookingCode'),
    categoryName: category ? readString(category, 'name') : null,
    durationSeconds: readNumber(record, 'durationSeconds'),
  }
}

/** Logs the call just answered; the timeline and the queues change with it. */
export function useLogCall() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (input: LogCallInput) =>
      apiRequest({ path: '/staff/calls', method: 'POST', body: input, parse: parseCall }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['crm'] }),
  })
}
