import { randomUUID } from 'node:crypto'
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { EmailMessage } from '../../platform/outbox/message-sender.js'
import { createTestApp, type TestApp } from '../../test/app.js'
import { createStaffSession } from '../../test/identity.js'
import { uniqueTopic } from '../../test/newsletter.js'
import { sendCampaignBatch } from './sending.js'
import { newsletterSends, newsletterSubscribers } from './tables.js'

describe('a campaign batch', () => {
  let t: TestApp
  beforeAll(async () => {
    // No workers: the test runs the batch itself, as a worker would, twice.
    t = await createTestApp({ work: false })
  })
  afterAll(async () => {
    await t?.close()
  })

  it('sends each queued recipient once, skips who left meanwhile, and is safe to run again', async () => {
    const topic = await uniqueTopic(t.runtime.db)
    const analyst = await createStaffSession(t.runtime, { roles: ['analyst'] })
    const tokens = Array.from({ length: 5 }, () => randomUUID())
    await t.runtime.db.insert(newsletterSubscribers).values(
      tokens.map((token, n) => ({
        email: `b${n}-${token}@example.it`,
        status: 'active',
        topics: [topic],
        unsubscribeToken: token,
      })),
    )
    const draft = await t.app.inject({
      method: 'POST',
      url: '/api/v1/staff/newsletter/campaigns',
      headers: analyst.headers,
      payload: { subject: { it: 'Iscrizioni' }, body: { it: 'Si aprono a gennaio.' }, topics: [topic] },
    })
    const id = draft.json().id
    const started = await t.app.inject({
      method: 'POST',
      url: `/api/v1/staff/newsletter/campaigns/${id}/send`,
      headers: analyst.headers,
    })
    expect(started.json().recipients).toBe(5)
    // One reader leaves after the campaign started and before their batch runs.
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/newsletter/unsubscribe',
      payload: { token: tokens[0] },
    })

    const sent: EmailMessage[] = []
    const deps = {
      db: t.runtime.db,
      clock: t.runtime.clock,
      publicUrl: 'https://comune.example.it',
      email: { adapter: 'memory', send: async (message: EmailMessage) => void sent.push(message) },
    }
    await sendCampaignBatch(deps, { campaignId: id, batch: 0 }, { lastAttempt: false })
    await sendCampaignBatch(deps, { campaignId: id, batch: 0 }, { lastAttempt: false })
    expect(sent).toHaveLength(4)
    expect(sent[0]?.headers?.['List-Unsubscribe']).toMatch(
      /^<https:\/\/comune\.example\.it\/api\/v1\/newsletter\/one-click-unsubscribe\?token=/,
    )
    const rows = await t.runtime.db.select().from(newsletterSends).where(eq(newsletterSends.campaignId, id))
    expect(rows.map((row) => row.status).sort()).toEqual(['sent', 'sent', 'sent', 'sent', 'skipped'])
    const view = await t.app.inject({
      method: 'GET',
      url: `/api/v1/staff/newsletter/campaigns/${id}`,
      headers: analyst.headers,
    })
    expect(view.json()).toMatchObject({ status: 'sent', counts: { sent: 4, skipped: 1, queued: 0 } })
  })

  it('keeps a temporarily refused recipient queued for the retry, then marks it failed on the last attempt', async () => {
    const topic = await uniqueTopic(t.runtime.db)
    const analyst = await createStaffSession(t.runtime, { roles: ['analyst'] })
    const token = randomUUID()
    await t.runtime.db.insert(newsletterSubscribers).values({
      email: `busy-${token}@example.it`,
      status: 'active',
      topics: [topic],
      unsubscribeToken: token,
    })
    const draft = await t.app.inject({
      method: 'POST',
      url: '/api/v1/staff/newsletter/campaigns',
      headers: analyst.headers,
      payload: { subject: { it: 'Bandi' }, body: { it: 'Nuovi contributi.' }, topics: [topic] },
    })
    const id = draft.json().id
    await t.app.inject({
      method: 'POST',
      url: `/api/v1/staff/newsletter/campaigns/${id}/send`,
      headers: analyst.headers,
    })
    const deps = {
      db: t.runtime.db,
      clock: t.runtime.clock,
      publicUrl: 'https://comune.example.it',
      email: {
        adapter: 'down',
        send: async () => {
          throw Object.assign(new Error('421 try later'), { cause: { responseCode: 421 } })
        },
      },
    }
    await expect(
      sendCampaignBatch(deps, { campaignId: id, batch: 0 }, { lastAttempt: false }),
    ).rejects.toThrow(/to retry/)
    let [row] = await t.runtime.db.select().from(newsletterSends).where(eq(newsletterSends.campaignId, id))
    expect(row).toMatchObject({ status: 'queued', attempts: 1, lastError: '421 try later' })
    await sendCampaignBatch(deps, { campaignId: id, batch: 0 }, { lastAttempt: true })
    ;[row] = await t.runtime.db.select().from(newsletterSends).where(eq(newsletterSends.campaignId, id))
    expect(row).toMatchObject({ status: 'failed', attempts: 2 })
  })
})
