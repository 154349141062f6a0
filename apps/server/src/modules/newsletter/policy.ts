/** Pure rules of the "Informami" newsletter: throttling, tokens' lifetimes, how addresses show. */

/** How long a confirmation link works. */
export const CONFIRMATION_TTL_MS = 48 * 3600 * 1000

/** A second confirmation mail to the same address within this time is not sent (no mail bombing). */
export const CONFIRMATION_RESEND_MS = 2 * 60 * 1000

/** Recipients per sending job: small enough that a crash repeats little, large enough to be cheap. */
export const BATCH_SIZE = 500

/**
 * When each batch may start so that the relay never gets more than `maxPerSecond` messages a
 * second on average, whatever the number of workers: batch k waits k × size / rate seconds.
 */
export function batchStartOffsetsMs(batchCount: number, batchSize: number, maxPerSecond: number): number[] {
  const spacingMs = (batchSize / maxPerSecond) * 1000
  return Array.from({ length: batchCount }, (_, batch) => Math.floor(batch * spacingMs))
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase()
}

/** m•••@example.it: enough for the owner to recognise, too little for anyone else. */
export function maskEmail(email: string): string {
  const [local = '', domain = ''] = email.split('@')
  return `${local.slice(0, 1)}•••@${domain}`
}

export function mayResendConfirmation(lastSentAt: Date | null, now: Date): boolean {
  return lastSentAt === null || now.getTime() - lastSentAt.getTime() >= CONFIRMATION_RESEND_MS
}

/**
 * An SMTP refusal with a 5xx code is final for that address (no such mailbox); anything else —
 * timeouts, 4xx, a relay that is down — is worth another try.
 */
export function isPermanentRefusal(error: unknown): boolean {
  const cause = (error as { cause?: { responseCode?: number } })?.cause
  const code = cause?.responseCode ?? (error as { responseCode?: number })?.responseCode
  return typeof code === 'number' && code >= 500 && code < 600
}

/** A campaign's words for a reader: their language when the campaign has it, Italian otherwise. */
export function campaignWordsFor(
  campaign: { subject: { it: string; en?: string }; body: { it: string; en?: string } },
  locale: string,
): { subject: string; body: string; locale: 'it' | 'en' } {
  if (locale === 'en' && campaign.subject.en && campaign.body.en) {
    return { subject: campaign.subject.en, body: campaign.body.en, locale: 'en' }
  }
  return { subject: campaign.subject.it, body: campaign.body.it, locale: 'it' }
}
