import { randomInt } from 'node:crypto'
import type { InjectOptions } from 'fastify'
import { listLatestDevOutboxMessages } from '../../platform/outbox/dev-outbox-repo.js'
import type { TestApp } from '../../test/app.js'

/** Each test speaks from its own address, so the per-address limits of one do not touch another. */
export const newAddress = () => `10.${randomInt(0, 255)}.${randomInt(0, 255)}.${randomInt(1, 254)}`

/** A point near Milan's cathedral, moved `north` and `east` metres. */
export function nearDuomo(north = 0, east = 0, base = { lat: 45.4642, long: 9.19 }) {
  return {
    lat: base.lat + north / 111_320,
    long: base.long + east / (111_320 * Math.cos((base.lat * Math.PI) / 180)),
  }
}

export function injector(t: () => TestApp) {
  return (options: InjectOptions & { from?: string }) =>
    t().app.inject({ remoteAddress: options.from ?? newAddress(), ...options })
}

/** Asks for an e-mail code, reads it in the dev outbox and trades it for a proof. */
export async function emailProof(t: TestApp, email: string): Promise<string> {
  const from = newAddress()
  await t.app.inject({
    method: 'POST',
    url: '/api/v1/tickets/email-challenges',
    payload: { email },
    remoteAddress: from,
  })
  const [message] = await listLatestDevOutboxMessages(t.runtime.db, { limit: 1, recipient: email })
  const code = /\b(\d{6})\b/.exec(message?.text ?? '')?.[1]
  if (!code) throw new Error(`no code sent to ${email}`)
  const verified = await t.app.inject({
    method: 'POST',
    url: '/api/v1/tickets/email-challenges/verify',
    payload: { email, code },
    remoteAddress: from,
  })
  return verified.json().proof
}
