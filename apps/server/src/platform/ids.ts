import { createHash, randomBytes, randomInt, randomUUID } from 'node:crypto'

/**
 * A time-ordered UUID (version 7, RFC 9562): 48 bits of milliseconds, then randomness. Rows written
 * in bulk with these ids land at the end of their indexes instead of all over them, which keeps a
 * large import's index pages in memory.
 */
export function timeOrderedUuid(now = Date.now()): string {
  const time = now.toString(16).padStart(12, '0')
  const random = randomUUID()
  return `${time.slice(0, 8)}-${time.slice(8, 12)}-7${random.slice(15, 18)}-${random.slice(19)}`
}

/** Letters and digits without look-alikes (no I, O, 0, 1): codes read out at a counter or on the phone. */
const READABLE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'

/** A random code of `length` readable characters, 5 bits each. */
export function readableCode(length: number): string {
  return Array.from({ length }, () => READABLE_ALPHABET[randomInt(READABLE_ALPHABET.length)]).join('')
}

/** A random URL-safe secret for a link or a feed; keep only its `hashSecret`. */
export function newSecret(bytes: number): string {
  return randomBytes(bytes).toString('base64url')
}

/** What is stored of a secret: its SHA-256, so a leaked table opens nothing. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex')
}
