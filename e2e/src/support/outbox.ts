import { expect } from 'vitest'
import { baseUrl } from './journey'

export interface OutboxMessage {
  channel: 'email' | 'sms'
  recipient: string
  subject: string | null
  text: string
  createdAt: string
}

/**
 * The newest message to `recipient` in the development outbox that `accept` takes. Messages arrive
 * through the job queue, so the outbox is asked a few times.
 */
export async function readOutbox(
  recipient: string,
  accept: (message: OutboxMessage) => boolean,
  timeoutMs = 20_000,
): Promise<OutboxMessage> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    const response = await fetch(`${baseUrl()}/dev/outbox.json?to=${encodeURIComponent(recipient)}`)
    expect(response.status, 'the development outbox answers').toBe(200)
    const messages = (await response.json()) as OutboxMessage[]
    const found = [...messages].sort((a, b) => b.createdAt.localeCompare(a.createdAt)).find(accept)
    if (found) return found
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  throw new Error(`no matching message reached ${recipient} in the development outbox`)
}
