import type { ChildProcess } from 'node:child_process'
import nodemailer from 'nodemailer'
import pg from 'pg'
import { recreateDatabase } from '../support/database.js'
import { signInStaff } from '../support/dev-login.js'
import { progress } from '../support/log.js'
import { startCivico, startCivicoWorker } from '../support/processes.js'
import { startSmtpSink } from '../support/smtp-sink.js'

const RECIPIENTS = Number(process.env.BENCH_RECIPIENTS ?? 500_000)
const BASELINE_MESSAGES = Number(process.env.BENCH_BASELINE_MESSAGES ?? 20_000)
const MAX_PER_SECOND = Number(process.env.BENCH_MAX_PER_SECOND ?? 5_000)
const TOPIC = 'servizi-online'

/** The yardstick: the same HTML e-mail sent straight to the sink by one pooled SMTP client. */
async function measureBaseline(sinkUrl: string, messages: number): Promise<number> {
  const transport = nodemailer.createTransport(
    { url: sinkUrl, pool: true, maxConnections: 8, maxMessages: 1000 },
    { from: 'Comune <informami@comune.example.it>' },
  )
  const html = `<!doctype html><html><body><h1>Novità</h1><p>${'Il Comune informa. '.repeat(20)}</p></body></html>`
  let next = 0
  const started = Date.now()
  const lane = async () => {
    while (next < messages) {
      const n = next++
      await transport.sendMail({
        to: `baseline${n}@bench.example.it`,
        subject: 'Novità dal Comune',
        text: 'Il Comune informa. '.repeat(20),
        html,
        messageId: `<baseline.${n}@bench>`,
        headers: { 'List-Unsubscribe': '<https://comune.example.it/u>' },
      })
    }
  }
  await Promise.all(Array.from({ length: 16 }, lane))
  const seconds = (Date.now() - started) / 1000
  transport.close()
  return messages / seconds
}

async function api(
  url: string,
  session: { cookie: string; csrfToken: string },
  method: string,
  body?: unknown,
) {
  const response = await fetch(url, {
    method,
    headers: {
      cookie: session.cookie,
      'x-csrf-token': session.csrfToken,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const json = (await response.json()) as Record<string, unknown>
  if (!response.ok) throw new Error(`${method} ${url}: ${response.status} ${JSON.stringify(json)}`)
  return json
}

/**
 * An "Informami" campaign to 500,000 subscribers on PostgreSQL, delivered by two worker processes
 * to a local SMTP server; one worker is killed with SIGKILL half-way and started again.
 */
export async function notificationsBench(): Promise<Record<string, unknown>> {
  const base = process.env.DATABASE_URL
  if (!base) throw new Error('the notifications benchmark runs on PostgreSQL: set DATABASE_URL')
  const databaseUrl = await recreateDatabase(base, 'civico_bench_newsletter')
  const sink = await startSmtpSink()
  progress(`baseline: ${BASELINE_MESSAGES} e-mails straight to the SMTP sink`)
  const baselinePerSecond = await measureBaseline(sink.url, BASELINE_MESSAGES)
  sink.reset()

  const mailEnv = {
    DATABASE_URL: databaseUrl,
    SMTP_URL: sink.url,
    MAIL_FROM: 'Comune di Milano <informami@comune.example.it>',
    NEWSLETTER_MAX_PER_SECOND: String(MAX_PER_SECOND),
    // A dead worker's batch runs again within this many seconds of its expiry.
    JOBS_MAINTENANCE_SECONDS: '10',
  }
  const civico = await startCivico({ citizens: 0, env: { ...mailEnv, SEED_ON_START: 'true' } })
  const workers: ChildProcess[] = []
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 })
  try {
    progress(`writing ${RECIPIENTS.toLocaleString('en')} confirmed subscribers`)
    await pool.query(
      `insert into newsletter_subscribers (email, status, topics, unsubscribe_token, confirmed_at)
       select 'reader' || n || '@bench.example.it', 'active', array[$2], md5(n::text) || n, now()
       from generate_series(1, $1::int) n`,
      [RECIPIENTS, TOPIC],
    )
    await pool.query('analyze newsletter_subscribers')
    const staff = await signInStaff(civico.url, 'dev-analyst')
    const campaign = await api(`${civico.url}/api/v1/staff/newsletter/campaigns`, staff, 'POST', {
      subject: { it: 'Novità dal Comune', en: 'News from the city' },
      body: { it: `## Dicembre in città\n\n${'Il Comune informa. '.repeat(20)}`, en: 'December in the city' },
      topics: [TOPIC],
    })
    for (let i = 0; i < 2; i++) workers.push(startCivicoWorker(mailEnv))
    await new Promise((resolve) => setTimeout(resolve, 8000))

    progress('sending the campaign')
    const enqueueStarted = Date.now()
    const sent = await api(
      `${civico.url}/api/v1/staff/newsletter/campaigns/${campaign.id}/send`,
      staff,
      'POST',
    )
    const sendingSince = Date.now()
    const enqueueSeconds = (sendingSince - enqueueStarted) / 1000
    if (sent.recipients !== RECIPIENTS) throw new Error(`campaign has ${sent.recipients} recipients`)
    progress(`queued in ${enqueueSeconds.toFixed(1)} s`)

    let killedAt: number | null = null
    const deadline = Date.now() + 60 * 60_000
    for (;;) {
      await new Promise((resolve) => setTimeout(resolve, 1000))
      if (killedAt === null && sink.unique >= RECIPIENTS / 2) {
        killedAt = sink.unique
        progress(`SIGKILL to one worker at ${killedAt.toLocaleString('en')} delivered; starting it again`)
        workers[0]?.kill('SIGKILL')
        workers[0] = startCivicoWorker(mailEnv)
      }
      const { rows } = await pool.query(`select status from newsletter_campaigns where id = $1`, [
        campaign.id,
      ])
      if (rows[0]?.status === 'sent' && sink.unique >= RECIPIENTS) break
      if (rows[0]?.status === 'sent' || Date.now() > deadline) break
      const elapsed = Math.round((Date.now() - sendingSince) / 1000)
      if (elapsed % 5 === 0) progress(`${elapsed} s: ${sink.unique.toLocaleString('en')} delivered`)
    }
    const seconds = (sink.lastAt - sendingSince) / 1000
    const { rows: counts } = await pool.query(
      'select status, count(*)::int as n from newsletter_sends where campaign_id = $1 group by status',
      [campaign.id],
    )
    const byStatus = Object.fromEntries(counts.map((row) => [row.status, row.n]))
    const delivered = sink.unique
    return {
      bench: 'notifications',
      recipients: RECIPIENTS,
      enqueue_s: Number(enqueueSeconds.toFixed(2)),
      delivered,
      lost: RECIPIENTS - delivered,
      duplicates: sink.received - delivered,
      per_s: Math.round(delivered / seconds),
      baseline_per_s: Math.round(baselinePerSecond),
      ratio: Number((delivered / seconds / baselinePerSecond).toFixed(3)),
      killed_at: killedAt,
      workers: 2,
      max_per_second: MAX_PER_SECOND,
      recorded: byStatus,
    }
  } finally {
    for (const worker of workers) worker.kill('SIGTERM')
    await pool.end()
    await civico.stop()
    await sink.close()
  }
}
