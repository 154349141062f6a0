import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { listLatestDevOutboxMessages } from '../../platform/outbox/dev-outbox-repo.js'
import { createTestApp, type TestApp } from '../../test/app.js'
import { createStaffSession, type TestSession } from '../../test/identity.js'
import { createTestDetail } from '../tickets/intake-fixtures.js'
import { emailProof, injector, nearDuomo } from './test-fixtures.js'

let t: TestApp
let category: string
let operator: TestSession
const inject = injector(() => t)

beforeAll(async () => {
  t = await createTestApp({ work: true })
  category = (await createTestDetail(t.runtime.db, { process: 'problem-report' })).code
  operator = await createStaffSession(t.runtime, { roles: ['operator'] })
})
afterAll(async () => t?.close())

async function eventually<T>(read: () => Promise<T | undefined>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await read()
    if (value !== undefined) return value
    if (Date.now() > deadline) throw new Error('nothing arrived in time')
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
}

describe('status e-mails to reporters without SPID', () => {
  it('writes to the verified address on each public change, with the note and the public page', async () => {
    const email = `reporter-${Date.now()}@example.org`
    const proof = await emailProof(t, email)
    const filed = await inject({
      method: 'POST',
      url: '/api/v1/reports',
      payload: {
        categoryCode: category,
        ...nearDuomo(Math.random() * 40_000, Math.random() * 40_000),
        description: 'Lampione spento da una settimana',
        email,
        proof,
      },
    })
    expect(filed.statusCode, filed.body).toBe(201)
    const code = filed.json().code as string
    const changed = await inject({
      method: 'POST',
      url: `/api/v1/staff/reports/${code}/status`,
      headers: operator.headers,
      payload: { status: 'in-progress', publicNote: 'Intervento programmato per lunedì.' },
    })
    expect(changed.statusCode, changed.body).toBe(200)

    // The CRM's own acknowledgement of the ticket goes to the same address; this is the other one.
    const mail = await eventually(async () => {
      const sent = await listLatestDevOutboxMessages(t.runtime.db, { limit: 10, recipient: email })
      return sent.find((message) => message.subject?.startsWith('La tua segnalazione'))
    })
    expect(mail.subject).toBe(`La tua segnalazione ${code} è in lavorazione`)
    expect(mail.text).toContain('Intervento programmato per lunedì.')
    expect(mail.text).toContain(`/segnalazioni/${code}`)
  })
})
