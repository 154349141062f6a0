import { randomUUID } from 'node:crypto'

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
