/** Pure pagoPA rules: notice numbers, check digits, the QR payload, a position's status. */

/** The NAV check digits: the first 16 digits read as one number, modulo 93, on two digits. */
export function navCheckDigits(first16: string): string {
  if (!/^\d{16}$/.test(first16)) throw new Error('a notice number starts with 16 digits')
  return String(Number(BigInt(first16) % 93n)).padStart(2, '0')
}

/**
 * A notice number with aux digit 3, as a city issues them: `3` + segregation code (2) + IUV base
 * (13) + check digits (2). The IUV is the last 17 digits.
 */
export function noticeNumberFor(
  segregationCode: string,
  sequence: bigint | number,
): { nav: string; iuv: string } {
  if (!/^\d{2}$/.test(segregationCode) || Number(segregationCode) > 49) {
    throw new Error('the segregation code is two digits, 00 to 49')
  }
  const base = BigInt(sequence).toString().padStart(13, '0')
  if (base.length > 13) throw new Error('the IUV sequence is exhausted for this segregation code')
  const first16 = `3${segregationCode}${base}`
  const nav = `${first16}${navCheckDigits(first16)}`
  return { nav, iuv: nav.slice(1) }
}

/** Whether an 18-digit notice number is well formed (and its check digits right, for aux 0, 2, 3). */
export function isValidNoticeNumber(nav: string): boolean {
  if (!/^\d{18}$/.test(nav)) return false
  if (nav[0] === '1') return true
  return navCheckDigits(nav.slice(0, 16)) === nav.slice(16)
}

/** The notice number as printed: groups of four. */
export function formatNoticeNumber(nav: string): string {
  return nav.replace(/(\d{4})(?=\d)/g, '$1 ')
}

/** The text encoded in a notice's QR code. */
export function qrPayload(nav: string, creditorFiscalCode: string, amountCents: number): string {
  if (!isValidNoticeNumber(nav)) throw new Error('not a notice number')
  if (!/^\d{11}$/.test(creditorFiscalCode)) throw new Error('the creditor is an 11-digit fiscal code')
  if (!Number.isInteger(amountCents) || amountCents <= 0)
    throw new Error('the amount is a positive number of cents')
  return `PAGOPA|002|${nav}|${creditorFiscalCode}|${amountCents}`
}

export const POSITION_KINDS = ['tari', 'fine', 'canteen', 'stamp-duty', 'other'] as const
export type PositionKind = (typeof POSITION_KINDS)[number]

export const POSITION_STATUSES = [
  'draft',
  'published',
  'partially-paid',
  'paid',
  'expired',
  'cancelled',
] as const
export type PositionStatus = (typeof POSITION_STATUSES)[number]

export interface OptionState {
  kind: 'single' | 'instalment'
  status: 'unpaid' | 'paid' | 'cancelled'
  dueDate: string
}

/**
 * A published position's status from its options: paid when the single payment or every instalment
 * is paid; partially paid when some instalment is; expired when something is still owed and every
 * due date has passed; published otherwise.
 */
export function positionStatusOf(options: readonly OptionState[], today: string): PositionStatus {
  const single = options.filter((option) => option.kind === 'single')
  const instalments = options.filter((option) => option.kind === 'instalment')
  if (single.some((option) => option.status === 'paid')) return 'paid'
  if (instalments.length > 0 && instalments.every((option) => option.status === 'paid')) return 'paid'
  if (instalments.some((option) => option.status === 'paid')) return 'partially-paid'
  const open = options.filter((option) => option.status === 'unpaid')
  if (open.length === 0) return 'cancelled'
  if (open.every((option) => option.dueDate < today)) return 'expired'
  return 'published'
}

/**
 * What an option can still be paid as: once an instalment is paid the single payment is no longer
 * offered (it would pay the paid part twice), and once the single payment is paid nothing is.
 */
export function payableOptionIds(options: readonly (OptionState & { id: string })[]): string[] {
  const anyInstalmentPaid = options.some((option) => option.kind === 'instalment' && option.status === 'paid')
  const singlePaid = options.some((option) => option.kind === 'single' && option.status === 'paid')
  if (singlePaid) return []
  return options
    .filter((option) => option.status === 'unpaid' && !(option.kind === 'single' && anyInstalmentPaid))
    .map((option) => option.id)
}

/** pagoPA Checkout takes at most five notices in one cart. */
export const MAX_CART_NOTICES = 5

/** An amount written in a roll: "123,45", "123.45" or "123" euro, to cents; null when not one. */
export function centsFromEuro(text: string): number | null {
  const match = /^(\d{1,9})(?:[.,](\d{1,2}))?$/.exec(text.trim())
  if (!match) return null
  const cents = Number(match[1]) * 100 + Number((match[2] ?? '0').padEnd(2, '0'))
  return cents > 0 ? cents : null
}
