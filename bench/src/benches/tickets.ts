import pg from 'pg'
import { ensureDatabase } from '../support/database.js'
import { signInStaff } from '../support/dev-login.js'
import { progress } from '../support/log.js'
import { preparePopulation } from '../support/population.js'
import { startCivico } from '../support/processes.js'
import { compareInRounds } from '../support/rounds.js'

const TICKETS = Number(process.env.BENCH_TICKETS ?? 5_000_000)
const CALLS = Number(process.env.BENCH_CALLS ?? 1_000_000)
const CITIZENS = Number(process.env.BENCH_CITIZENS ?? 200_000)
const CONNECTIONS = 20
const CHUNK = 250_000
const DATABASE = 'civico_bench_tickets'
/** The open share of a historical CRM: one ticket in fifty is still being worked. */
const OPEN_EVERY = 50

async function count(client: pg.Client, table: string): Promise<number> {
  return Number((await client.query(`select count(*)::bigint as n from ${table}`)).rows[0]?.n ?? 0)
}

/** A level-3 category for each team when the seeded taxonomy has none. */
async function ensureCategories(client: pg.Client): Promise<void> {
  const details = await client.query('select 1 from ticket_categories where level = 3 limit 1')
  if (details.rowCount) return
  const area = await client.query(
    `insert into ticket_categories (level, code, name_it, name_en) values (1, 'bench-area', 'Banco', 'Bench')
     on conflict (code) do update set name_it = excluded.name_it returning id`,
  )
  const topic = await client.query(
    `insert into ticket_categories (parent_id, level, code, name_it, name_en) values ($1, 2, 'bench-topic', 'Banco', 'Bench')
     on conflict (code) do update set name_it = excluded.name_it returning id`,
    [area.rows[0].id],
  )
  for (const team of ['anagrafe', 'contact-center', 'tributi', 'polizia-locale', 'posta-sindaco']) {
    await client.query(
      `insert into ticket_categories (parent_id, level, code, name_it, name_en, team_code, first_response_minutes, resolution_minutes)
       values ($1, 3, $2, $3, $3, $4, 480, 2700) on conflict (code) do nothing`,
      [topic.rows[0].id, `bench-${team}`, `Banco ${team}`, team],
    )
  }
}

/**
 * Ticket ids are time-ordered from their creation instant (as the platform writes them), which the
 * dashboard relies on to find a period's tickets through the primary key.
 *
 * Five million tickets over three years for the citizens of the seeded city, one in fifty still
 * open and recent, spread over every channel and triplet; and a million logged calls. Written in
 * set-based chunks so a rerun only tops up what is missing.
 */
async function generateHistory(url: string): Promise<{ tickets: number; calls: number }> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    await ensureCategories(client)
    await client.query(
      `insert into ticket_contacts (fiscal_code, display_name)
       select fiscal_code, given_name || ' ' || family_name from registry_persons
       on conflict (fiscal_code) do nothing`,
    )
    await client.query(
      `create temp table bench_contacts as
       select id, row_number() over (order by id) as rn from ticket_contacts where fiscal_code is not null`,
    )
    await client.query(
      `create temp table bench_categories as
       select id, team_code, row_number() over (order by code) as rn from ticket_categories where level = 3 and active`,
    )
    const contacts = await count(client, 'bench_contacts')
    const categories = await count(client, 'bench_categories')
    const operator = (await client.query("select id from staff_accounts where subject = 'dev-operator'"))
      .rows[0]?.id
    if (!operator) throw new Error('the demo staff is not seeded')
    let present = await count(client, 'tickets')
    while (present < TICKETS) {
      const from = present + 1
      const to = Math.min(TICKETS, present + CHUNK)
      await client.query(
        `insert into tickets (id, code, contact_id, channel, category_id, team_code, assignee_staff_id, status, subject,
           created_at, last_activity_at, first_response_due_at, resolution_due_at, first_responded_at, resolved_at, closed_at)
         select (lpad(to_hex((extract(epoch from t.at) * 1000)::bigint), 12, '0') || '7' || substr(md5(g::text), 1, 3)
                  || '8' || substr(md5(g::text), 4, 15))::uuid,
           'B' || lpad(g::text, 9, '0'), c.id,
           (array['web','phone','email','social','chatbot','mayor','report'])[1 + g % 7],
           k.id, k.team_code,
           case when g % $3 = 0 and (g / $3) % 5 in (1, 2) then $6::uuid end,
           case when g % $3 = 0 then (array['new','assigned','in-progress','waiting-citizen','waiting-office'])[1 + (g / $3) % 5]
                when g % $3 = 1 then 'resolved' else 'closed' end,
           'Richiesta numero ' || g, t.at, t.at + interval '1 day', t.at + interval '8 hours', t.at + interval '5 days',
           case when g % $3 <> 0 then t.at + interval '4 hours' end,
           case when g % $3 <> 0 then t.at + interval '3 days' end,
           case when g % $3 > 1 then t.at + interval '13 days' end
         from generate_series($1::bigint, $2::bigint) as g
         cross join lateral (select now() - ((g * 7919) % (case when g % $3 = 0 then 2592000 else 94608000 end)) * interval '1 second' as at) t
         join bench_contacts c on c.rn = 1 + (g * 2654435761) % $4
         join bench_categories k on k.rn = 1 + ((g * 48271) % 2147483647) % $5`,
        [from, to, OPEN_EVERY, contacts, categories, operator],
      )
      present = to
      progress(`tickets: ${present.toLocaleString('en')} / ${TICKETS.toLocaleString('en')}`)
    }
    let calls = await count(client, 'contact_calls')
    while (calls < CALLS) {
      const to = Math.min(CALLS, calls + CHUNK)
      await client.query(
        `insert into contact_calls (id, contact_id, operator_staff_id, category_id, outcome, started_at, duration_seconds, wait_seconds)
         select gen_random_uuid(), c.id, $4::uuid, k.id,
           (array['solved','ticket','appointment','transferred','dropped'])[1 + g % 5],
           now() - ((g * 104729) % 94608000) * interval '1 second', 60 + g % 600, g % 240
         from generate_series($1::bigint, $2::bigint) as g
         join bench_contacts c on c.rn = 1 + (g * 40503) % $3
         join bench_categories k on k.rn = 1 + g % $5`,
        [calls + 1, to, contacts, operator, categories],
      )
      calls = to
      progress(`calls: ${calls.toLocaleString('en')} / ${CALLS.toLocaleString('en')}`)
    }
    await client.query('analyze tickets')
    await client.query('analyze contact_calls')
    await client.query('analyze ticket_contacts')
    return { tickets: await count(client, 'tickets'), calls }
  } finally {
    await client.end()
  }
}

/**
 * The operator's two busiest reads on a CRM with five million historical tickets: the team queue
 * and the 360° timeline of random citizens, each under 20 connections against the liveness probe
 * of the same server, in alternating rounds.
 */
export async function ticketsBench(): Promise<Record<string, unknown>> {
  const base = process.env.DATABASE_URL
  if (!base) throw new Error('the tickets benchmark runs on PostgreSQL: set DATABASE_URL')
  const totalSeconds = Number(process.env.BENCH_DURATION_SECONDS ?? 10)
  const url = await ensureDatabase(base, DATABASE)
  process.env.DATABASE_URL = url
  try {
    const population = await preparePopulation(CITIZENS)
    const history = await generateHistory(url)
    const fiscalCodes = await population.sampleAdults(2_000)
    const civico = await startCivico({ env: { DATABASE_URL: url, SIGN_IN_RATE_LIMIT_PER_MINUTE: '10000' } })
    try {
      const operator = await signInStaff(civico.url, 'dev-operator')
      const headers = { cookie: operator.cookie }
      const queuePaths = ['contact-center', 'anagrafe'].flatMap((team) => [
        `/api/v1/staff/tickets?team=${team}`,
        `/api/v1/staff/tickets?team=${team}&assignee=none`,
      ])
      const timelinePaths = fiscalCodes.map((code) => `/api/v1/staff/citizens/${code}/timeline`)
      for (const path of [queuePaths[0], timelinePaths[0]] as string[]) {
        const response = await fetch(`${civico.url}${path}`, { headers })
        const body = (await response.json()) as { items?: unknown[]; entries?: unknown[] }
        if (response.status !== 200 || (body.items ?? body.entries ?? []).length === 0) {
          throw new Error(`${path} answered ${response.status} with nothing to show`)
        }
      }
      const baseline = { label: 'unauthenticated /health/live', url: `${civico.url}/health/live` }
      const queue = await compareInRounds(
        baseline,
        { label: 'team queue', url: `${civico.url}${queuePaths[0]}`, headers, pathRotation: queuePaths },
        { totalSeconds, connections: CONNECTIONS },
      )
      const timeline = await compareInRounds(
        baseline,
        {
          label: '360° timeline',
          url: `${civico.url}${timelinePaths[0]}`,
          headers,
          pathRotation: timelinePaths,
        },
        { totalSeconds, connections: CONNECTIONS },
      )
      for (const run of [queue, timeline]) {
        if (run.candidate.errors > 0 || run.candidate.non2xx > 0)
          throw new Error('CRM reads failed under load')
      }
      const baselineP99 = Math.max(1, queue.baseline.p99Ms, timeline.baseline.p99Ms)
      return {
        bench: 'tickets',
        tickets: history.tickets,
        calls: history.calls,
        citizens: population.citizens,
        connections: CONNECTIONS,
        queue_p99_ms: queue.candidate.p99Ms,
        queue_rps: queue.candidate.rps,
        timeline_p99_ms: timeline.candidate.p99Ms,
        timeline_rps: timeline.candidate.rps,
        baseline_p99_ms: baselineP99,
        baseline_rps: Math.round((queue.baseline.rps + timeline.baseline.rps) / 2),
        ratio:
          Math.round((Math.max(queue.candidate.p99Ms, timeline.candidate.p99Ms) / baselineP99) * 100) / 100,
      }
    } finally {
      await civico.stop()
    }
  } finally {
    process.env.DATABASE_URL = base
  }
}
