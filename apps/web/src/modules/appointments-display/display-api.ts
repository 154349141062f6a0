import { useQuery } from '@tanstack/react-query'
import { apiRequest } from '../../app/api/api-client'
import { asRecord, readList, readNumber, readString } from '../../app/api/parse'

export interface DisplayCall {
  ticket: string
  counter: string
  calledAt: string
}

export interface OfficeDisplay {
  office: { id: string; name: string }
  /** Today's latest calls, the latest first. */
  called: DisplayCall[]
  waiting: number
}

const REFRESH_MS = 5_000

function parseDisplay(value: unknown): OfficeDisplay {
  const record = asRecord(value, 'display')
  const office = asRecord(record.office, 'office')
  return {
    office: { id: readString(office, 'id'), name: readString(office, 'name') },
    called: readList(record.called, 'called', (item) => {
      const call = asRecord(item, 'call')
      return {
        ticket: readString(call, 'ticket'),
        counter: readString(call, 'counter'),
        calledAt: readString(call, 'calledAt'),
      }
    }),
    waiting: readNumber(record, 'waiting'),
  }
}

/** The office's display, read again every few seconds; a failed read keeps the last one shown. */
export function useOfficeDisplay(officeId: string) {
  return useQuery({
    queryKey: ['office-display', officeId],
    refetchInterval: REFRESH_MS,
    refetchIntervalInBackground: true,
    queryFn: ({ signal }) =>
      apiRequest({ path: `/appointments/display/${officeId}`, signal, parse: parseDisplay }),
  })
}
