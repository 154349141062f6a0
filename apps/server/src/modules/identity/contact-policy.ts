import type { ContactChannel } from './contact-schema.js'

export const CODE_LENGTH = 6
export const CODE_TTL_MS = 10 * 60_000
export const MAX_CODES_PER_WINDOW = 5
export const CODE_REQUEST_WINDOW_MS = 60 * 60_000
export const MAX_ATTEMPTS_PER_CODE = 5

export interface ContactFields {
  email: string | null
  emailVerifiedAt: Date | null
  mobilePhone: string | null
  mobilePhoneVerifiedAt: Date | null
}

/** A contact may carry notifications only once its owner proved they receive messages there. */
export function isContactVerified(account: ContactFields, channel: ContactChannel): boolean {
  return channel === 'email'
    ? account.email !== null && account.emailVerifiedAt !== null
    : account.mobilePhone !== null && account.mobilePhoneVerifiedAt !== null
}

/** The verified contacts of an account: what notifications may use. */
export function verifiedContactsOf(account: ContactFields): { email: string | null; mobile: string | null } {
  return {
    email: isContactVerified(account, 'email') ? account.email : null,
    mobile: isContactVerified(account, 'sms') ? account.mobilePhone : null,
  }
}

/**
 * May one more code be sent? At most five an hour per account: enough for typos and slow mail,
 * too few to spam someone else's inbox or phone through us.
 */
export function codeRequestAllowance(
  recentRequests: readonly Date[],
  now: Date,
): { allowed: true } | { allowed: false; retryAfterSeconds: number } {
  const windowStart = now.getTime() - CODE_REQUEST_WINDOW_MS
  const inWindow = recentRequests.map((at) => at.getTime()).filter((at) => at > windowStart)
  if (inWindow.length < MAX_CODES_PER_WINDOW) return { allowed: true }
  // The request that frees a slot is the oldest one still in the window.
  const oldest = Math.min(...inWindow)
  return {
    allowed: false,
    retryAfterSeconds: Math.max(1, Math.ceil((oldest + CODE_REQUEST_WINDOW_MS - now.getTime()) / 1000)),
  }
}

export type CodeState = 'usable' | 'expired' | 'burnt'

export function codeState(
  verification: { expiresAt: Date; attempts: number; consumedAt: Date | null },
  now: Date,
): CodeState {
  if (verification.attempts >= MAX_ATTEMPTS_PER_CODE) return 'burnt'
  if (verification.consumedAt !== null || verification.expiresAt <= now) return 'expired'
  return 'usable'
}

/** Whether an already-verified contact is being set again: nothing to prove then. */
export function isSameVerifiedContact(
  account: ContactFields,
  channel: ContactChannel,
  value: string,
): boolean {
  const current = channel === 'email' ? account.email : account.mobilePhone
  return current === value && isContactVerified(account, channel)
}
