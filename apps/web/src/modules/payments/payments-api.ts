import { useMutation, useQuery } from '@tanstack/react-query'
import { apiRequest } from '../../app/api/api-client'
import {
  asRecord,
  readBoolean,
  readList,
  readNullableString,
  readNumber,
  readOneOf,
  readString,
} from '../../app/api/parse'

export interface PaymentOption {
  id: string
  nav: string
  kind: 'single' | 'instalment'
  instalment: number | null
  amountCents: number
  dueDate: string
  description: string
  status: 'unpaid' | 'paid' | 'cancelled'
  payable: boolean
  paidAt: string | null
  psp: string | null
  receiptId: string | null
  refundedCents: number
}

const POSITION_STATUSES = ['draft', 'published', 'partially-paid', 'paid', 'expired', 'cancelled'] as const

export interface PaymentPosition {
  id: string
  description: string
  status: (typeof POSITION_STATUSES)[number]
  options: PaymentOption[]
}

function parseOption(value: unknown): PaymentOption {
  const record = asRecord(value, 'option')
  const receipt = record.receipt === null ? null : asRecord(record.receipt, 'receipt')
  const refunds = readList(record.refunds, 'refunds', (item) =>
    readNumber(asRecord(item, 'refund'), 'amountCents'),
  )
  return {
    id: readString(record, 'id'),
    nav: readString(record, 'nav'),
    kind: readOneOf(record, 'kind', ['single', 'instalment'] as const),
    instalment: record.instalment === null ? null : readNumber(record, 'instalment'),
    amountCents: readNumber(record, 'amountCents'),
    dueDate: readString(record, 'dueDate'),
    description: readString(record, 'description'),
    status: readOneOf(record, 'status', ['unpaid', 'paid', 'cancelled'] as const),
    payable: readBoolean(record, 'payable'),
    paidAt: readNullableString(record, 'paidAt'),
    psp: receipt ? readNullableString(receipt, 'psp') : null,
    receiptId: receipt ? readString(receipt, 'id') : null,
    refundedCents: refunds.reduce((sum, cents) => sum + cents, 0),
  }
}

function parsePosition(value: unknown): PaymentPosition {
  const record = asRecord(value, 'position')
  return {
    id: readString(record, 'id'),
    description: readString(record, 'description'),
    status: readOneOf(record, 'status', POSITION_STATUSES),
    options: readList(record.options, 'options', parseOption),
  }
}

export function useMyPayments() {
  return useQuery({
    queryKey: ['payments'],
    queryFn: ({ signal }) =>
      apiRequest({ path: '/payments', signal, parse: (value) => readList(value, 'payments', parsePosition) }),
  })
}

/** Hands the chosen notices to the payment page; the browser leaves for it. */
export function useStartCheckout() {
  return useMutation({
    mutationFn: (optionIds: string[]) =>
      apiRequest({
        path: '/payments/checkouts',
        method: 'POST',
        body: { optionIds },
        parse: (value) => readString(asRecord(value, 'checkout'), 'redirectUrl'),
      }),
    onSuccess: (redirectUrl) => window.location.assign(redirectUrl),
  })
}

export interface PaymentReceipt {
  id: string
  description: string
  amountCents: number
  paidAt: string
  psp: string | null
}

function parseReceipt(value: unknown): PaymentReceipt {
  const record = asRecord(value, 'receipt')
  return {
    id: readString(record, 'id'),
    description: readString(record, 'description'),
    amountCents: readNumber(record, 'amountCents'),
    paidAt: readString(record, 'paidAt'),
    psp: readNullableString(record, 'psp'),
  }
}

export function useMyReceipts() {
  return useQuery({
    queryKey: ['payments', 'receipts'],
    queryFn: ({ signal }) =>
      apiRequest({
        path: '/payments/receipts',
        signal,
        parse: (value) => readList(value, 'receipts', parseReceipt),
      }),
  })
}

export const receiptPdfPath = (receiptId: string) => `/api/v1/payments/receipts/${receiptId}/receipt.pdf`
export const PAYMENTS_LIST_PDF_PATH = '/api/v1/payments/list.pdf'
