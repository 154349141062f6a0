import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { apiRequest } from '../../app/api/api-client'
import {
  asRecord,
  type JsonRecord,
  readList,
  readNullableString,
  readNumber,
  readOneOf,
  readString,
} from '../../app/api/parse'
import type { SignedInSession } from '../../app/session/session-api'

export interface ImportedRoll {
  id: string
  source: string
  positions: number
  options: number
  totalCents: number
  importedAt: string
  importedBy: string
}

export interface DeskRefund {
  amountCents: number
  reason: string
  at: string
}

export interface DeskOption {
  id: string
  nav: string
  kind: 'single' | 'instalment'
  instalment: number | null
  amountCents: number
  dueDate: string
  status: 'unpaid' | 'paid' | 'cancelled'
  receipt: { psp: string | null; paidAt: string; amountCents: number } | null
  refunds: DeskRefund[]
  refundableCents: number
}

export const POSITION_STATUSES = [
  'draft',
  'published',
  'partially-paid',
  'paid',
  'expired',
  'cancelled',
] as const

export interface DeskPosition {
  id: string
  iupd: string
  debtorFiscalCode: string
  debtorName: string
  description: string
  status: (typeof POSITION_STATUSES)[number]
  source: string
  options: DeskOption[]
}

/** One code typed at the desk: a debtor's fiscal code or a notice number. */
export type PositionLookup = { fiscalCode: string } | { noticeNumber: string }

const ROLLS_KEY = ['payments-desk', 'rolls'] as const
const POSITIONS_KEY = ['payments-desk', 'positions'] as const

/** Administrators and supervisors work the payments office, as the server allows. */
export function isPaymentsOffice(session: SignedInSession): boolean {
  return session.kind === 'staff' && (session.roles.includes('admin') || session.roles.includes('supervisor'))
}

function parseRoll(value: unknown): ImportedRoll {
  const record = asRecord(value, 'roll')
  return {
    id: readString(record, 'id'),
    source: readString(record, 'source'),
    positions: readNumber(record, 'positions'),
    options: readNumber(record, 'options'),
    totalCents: readNumber(record, 'totalCents'),
    importedAt: readString(record, 'importedAt'),
    importedBy: readString(record, 'importedBy'),
  }
}

function parseReceipt(record: JsonRecord): DeskOption['receipt'] {
  if (record.receipt === null) return null
  const receipt = asRecord(record.receipt, 'receipt')
  return {
    psp: readNullableString(receipt, 'psp'),
    paidAt: readString(receipt, 'paidAt'),
    amountCents: readNumber(receipt, 'amountCents'),
  }
}

function parseOption(value: unknown): DeskOption {
  const record = asRecord(value, 'option')
  return {
    id: readString(record, 'id'),
    nav: readString(record, 'nav'),
    kind: readOneOf(record, 'kind', ['single', 'instalment'] as const),
    instalment: record.instalment === null ? null : readNumber(record, 'instalment'),
    amountCents: readNumber(record, 'amountCents'),
    dueDate: readString(record, 'dueDate'),
    status: readOneOf(record, 'status', ['unpaid', 'paid', 'cancelled'] as const),
    receipt: parseReceipt(record),
    refunds: readList(record.refunds, 'refunds', (item) => {
      const refund = asRecord(item, 'refund')
      return {
        amountCents: readNumber(refund, 'amountCents'),
        reason: readString(refund, 'reason'),
        at: readString(refund, 'at'),
      }
    }),
    refundableCents: readNumber(record, 'refundableCents'),
  }
}

function parsePosition(value: unknown): DeskPosition {
  const record = asRecord(value, 'position')
  return {
    id: readString(record, 'id'),
    iupd: readString(record, 'iupd'),
    debtorFiscalCode: readString(record, 'debtorFiscalCode'),
    debtorName: readString(record, 'debtorName'),
    description: readString(record, 'description'),
    status: readOneOf(record, 'status', POSITION_STATUSES),
    source: readString(record, 'source'),
    options: readList(record.options, 'options', parseOption),
  }
}

export function useImportedRolls() {
  return useQuery({
    queryKey: ROLLS_KEY,
    queryFn: ({ signal }) =>
      apiRequest({ path: '/staff/payments/imports', signal, parse: (v) => readList(v, 'rolls', parseRoll) }),
  })
}

/** Sends a roll as the CSV it is; a refusal's field errors name each bad line. */
function sendRoll(input: { source: string; csv: string }): Promise<{ positions: number; options: number }> {
  return apiRequest({
    path: `/staff/payments/imports?source=${encodeURIComponent(input.source)}`,
    method: 'POST',
    rawBody: { contentType: 'text/csv', data: input.csv },
    parse: (value) => {
      const record = asRecord(value, 'import')
      return { positions: readNumber(record, 'positions'), options: readNumber(record, 'options') }
    },
  })
}

export function useImportRoll() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: sendRoll,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ROLLS_KEY }),
  })
}

/** The positions found for one code; nothing is asked until a code is given. */
export function usePositionLookup(lookup: PositionLookup | null) {
  return useQuery({
    queryKey: [...POSITIONS_KEY, lookup],
    enabled: lookup !== null,
    queryFn: ({ signal }) =>
      apiRequest({
        path: `/staff/payments/positions?${new URLSearchParams(lookup ?? {}).toString()}`,
        signal,
        parse: (v) => readList(v, 'positions', parsePosition),
      }),
  })
}

export function useRecordRefund() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (input: { optionId: string; amountCents: number; reason: string }) =>
      apiRequest({
        path: '/staff/payments/refunds',
        method: 'POST',
        body: input,
        parse: (v) => readNumber(asRecord(v, 'refund'), 'refundedCents'),
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: POSITIONS_KEY }),
  })
}
