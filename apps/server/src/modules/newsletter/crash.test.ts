import { type ChildProcess, spawn } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import path from 'node:path'
import { eq, sql } from 'drizzle-orm'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadConfig } from '../../config.js'
import type { ServiceContext } from '../../platform/context.js'
import { createLogger } from '../../platform/logger.js'
import { openRuntime, type Runtime } from '../../platform/runtime.js'
import { eventually } from '../../test/eventually.js'
import { startSmtpSink } from '../../test/smtp-sink.js'
import { createCampaign, sendCampaign } from './campaign-service.js'
import { seedNewsletterTopics } from './seed.js'
import { BATCHES_PER_WORKER, PARALLEL_SENDS, RECORD_EVERY } from './sending.js'
import { newsletterCampaigns, newsletterSends, newsletterSubscribers } from './tables.js'

const RECIPIENTS = 3000
const MAIN = path.resolve(import.meta.dirname, '../../main.ts')

/** Waits until `check` holds. */
function until(check: () => Promise<boolean> | boolean, timeoutMs: number, what: string) {
  return eventually(async () => ((await check()) ? true : undefined), timeoutMs, what)
}

/**
 * A worker process is killed with SIGKILL in the middle of a campaign and another is started: the
 * campaign still reaches everyone, and only the few messages in flight at the kill go out twice,
 * with the same Message-ID so mail systems drop the copy. Needs a PostgreSQL server: processes
 * cannot share an embedded database.
 */
describe.skipIf(!process.env.DATABASE_URL)('a worker killed during a campaign', () => {
  const databaseName = `civico_crash_${randomUUID().replace(/-/g, '').slice(0, 12)}`
  let databaseUrl = ''
  let runtime: Runtime
  let sink: Awaited<ReturnType<typeof startSmtpSink>>
  const workers: ChildProcess[] = []

  async function admin(statement: string) {
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL })
    await client.connect()
    try {
      await client.query(statement)
    } finally {
      await client.end()
    }
  }

  function startWorker(): ChildProcess {
    const worker = spawn(process.execPath, ['--import', 'tsx', MAIN, 'worker'], {
      env: {
        ...process.env,
        NODE_ENV: 'test',
        DATABASE_URL: databaseUrl,
        SMTP_URL: sink.url,
        MAIL_FROM: 'Comune <informami@comune.example.it>',
        LOG_LEVEL: 'error',
        LOG_FORMAT: 'json',
        JOBS_MAINTENANCE_SECONDS: '2',
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    })
    workers.push(worker)
    return worker
  }

  beforeAll(async () => {
    await admin(`create database ${databaseName}`)
    const url = new URL(process.env.DATABASE_URL as string)
    url.pathname = `/${databaseName}`
    databaseUrl = url.toString()
    sink = await startSmtpSink()
    const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DATABASE_URL: databaseUrl })
    runtime = await openRuntime(config, createLogger(config.log), { work: false })
  })

  afterAll(async () => {
    for (const worker of workers) if (worker.exitCode === null) worker.kill('SIGKILL')
    await runtime?.close()
    await sink?.close()
    await admin(`drop database if exists ${databaseName} with (force)`)
  })

  it('reaches every recipient, repeating at most what was in flight', async () => {
    await seedNewsletterTopics(runtime)
    await runtime.db.insert(newsletterSubscribers).values(
      Array.from({ length: RECIPIENTS }, (_, n) => ({
        email: `reader${n}@example.it`,
        status: 'active',
        topics: ['eventi-cultura'],
        unsubscribeToken: randomUUID(),
      })),
    )
    const ctx: ServiceContext = {
      db: runtime.db,
      jobs: runtime.jobs,
      clock: runtime.clock,
      logger: runtime.logger,
      actor: { type: 'staff', id: randomUUID(), roles: ['analyst'], teams: [] },
      meta: { ip: null, requestId: null, locale: 'it' },
    }
    const draft = await createCampaign(ctx, {
      subject: { it: 'Natale in città' },
      body: { it: 'Mercatini, concerti e luci.' },
      topics: ['eventi-cultura'],
    })
    startWorker()
    await sendCampaign(ctx, draft.id, { maxPerSecond: 10_000 })

    await until(() => sink.received.length >= RECIPIENTS / 3, 60_000, 'a third delivered')
    workers[0]?.kill('SIGKILL')
    await until(() => workers[0]?.exitCode !== null || workers[0]?.signalCode !== null, 5000, 'worker dead')
    const atKill = sink.received.length
    expect(atKill).toBeLessThan(RECIPIENTS)
    startWorker()

    await until(
      async () => {
        const [campaign] = await runtime.db
          .select({ status: newsletterCampaigns.status })
          .from(newsletterCampaigns)
          .where(eq(newsletterCampaigns.id, draft.id))
        return campaign?.status === 'sent'
      },
      120_000,
      'campaign sent',
    )
    const statuses = await runtime.db
      .select({ status: newsletterSends.status, count: sql<number>`count(*)::int` })
      .from(newsletterSends)
      .where(eq(newsletterSends.campaignId, draft.id))
      .groupBy(newsletterSends.status)
    expect(statuses).toEqual([{ status: 'sent', count: RECIPIENTS }])

    const copies = new Map<string, number>()
    for (const mail of sink.received)
      copies.set(mail.messageId ?? '', (copies.get(mail.messageId ?? '') ?? 0) + 1)
    expect(copies.size).toBe(RECIPIENTS)
    const duplicates = sink.received.length - RECIPIENTS
    // What a killed worker can have sent without recording: per batch in hand, one unrecorded
    // group plus the messages on the wire.
    expect(duplicates).toBeLessThanOrEqual(BATCHES_PER_WORKER * (RECORD_EVERY + PARALLEL_SENDS))
    expect([...copies.values()].every((count) => count <= 2)).toBe(true)
  }, 180_000)
})
