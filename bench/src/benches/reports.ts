import pg from 'pg'
import { ensureDatabase } from '../support/database.js'
import { progress } from '../support/log.js'
import { startCivico } from '../support/processes.js'
import { compareInRounds } from '../support/rounds.js'

const REPORTS = Number(process.env.BENCH_REPORTS ?? 1_000_000)
const CONNECTIONS = 20
const CHUNK = 250_000
const DATABASE = 'civico_bench_reports'
const CATEGORIES = 8
/** Milan, roughly: the box the generated reports fall in. */
const CITY = { south: 45.4, west: 9.08, north: 45.53, east: 9.28 }

/** Problem-report details of the CRM taxonomy, as a supervisor would mark them. */
async function ensureCategories(client: pg.Client): Promise<string[]> {
  const area = await client.query(
    `insert into ticket_categories (level, code, name_it, name_en) values (1, 'bench-reports', 'Segnalazioni', 'Reports')
     on conflict (code) do update set name_it = excluded.name_it returning id`,
  )
  const topic = await client.query(
    `insert into ticket_categories (parent_id, level, code, name_it, name_en)
     values ($1, 2, 'bench-reports-topic', 'Strade e decoro', 'Streets') on conflict (code) do update set name_it = excluded.name_it returning id`,
    [area.rows[0].id],
  )
  const codes = Array.from({ length: CATEGORIES }, (_, index) => `bench-report-${index + 1}`)
  for (const code of codes) {
    await client.query(
      `insert into ticket_categories (parent_id, level, code, name_it, name_en, team_code, process, first_response_minutes, resolution_minutes)
       values ($1, 3, $2, $2, $2, 'contact-center', 'problem-report', 240, 2700) on conflict (code) do nothing`,
      [topic.rows[0].id, code],
    )
  }
  return codes
}

/**
 * A million reports over three years across the city, in set-based chunks (a rerun tops up what
 * is missing): most closed, one in five open and one in ten being worked, eight categories.
 */
async function generateReports(url: string): Promise<{ reports: number; categories: string[] }> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    const categories = await ensureCategories(client)
    let present = Number((await client.query('select count(*)::bigint as n from reports')).rows[0]?.n ?? 0)
    while (present < REPORTS) {
      const to = Math.min(REPORTS, present + CHUNK)
      await client.query(
        `insert into reports (id, code, ticket_id, category_code, location, address, description, status, source,
           reporter_fiscal_code, support_count, created_at, updated_at)
         select gen_random_uuid(),
           'S' || to_char(t.at, 'YYYY') || '-' || (select string_agg(substr('0123456789ABCDEFGHJKLMNPQRSTUVWXYZ',
             1 + ((g / (34 ^ k)::bigint) % 34)::int, 1), '' order by k desc) from generate_series(0, 5) as k),
           gen_random_uuid(), 'bench-report-' || (1 + g % $3::int),
           point($4::float8 + random() * ($5::float8 - $4::float8), $6::float8 + random() * ($7::float8 - $6::float8)),
           null, 'Segnalazione numero ' || g,
           case when g % 10 < 2 then 'open' when g % 10 = 2 then 'in-progress' else 'closed' end,
           'web', null, (g % 7)::int, t.at, t.at + interval '2 days'
         from generate_series($1::bigint, $2::bigint) as g
         cross join lateral (select now() - ((g * 7919) % 94608000) * interval '1 second' as at) t`,
        [present + 1, to, CATEGORIES, CITY.west, CITY.east, CITY.south, CITY.north],
      )
      present = to
      progress(`reports: ${present.toLocaleString('en')} / ${REPORTS.toLocaleString('en')}`)
    }
    // As autovacuum leaves a table that has settled: the map's index-only reads need the visibility map.
    await client.query('vacuum (analyze) reports')
    return { reports: present, categories }
  } finally {
    await client.end()
  }
}

/** Random points and viewports (0.5 to 2 km across, a street-level map) inside the city. */
function randomPaths(categories: readonly string[]) {
  const point = () => ({
    lat: CITY.south + Math.random() * (CITY.north - CITY.south),
    long: CITY.west + Math.random() * (CITY.east - CITY.west),
  })
  const nearby = Array.from({ length: 2000 }, () => {
    const at = point()
    const category = categories[Math.floor(Math.random() * categories.length)]
    return `/api/v1/reports/nearby?categoryCode=${category}&lat=${at.lat.toFixed(6)}&long=${at.long.toFixed(6)}`
  })
  const map = Array.from({ length: 2000 }, () => {
    const at = point()
    const km = 0.5 + Math.random() * 1.5
    const dLat = km / 111.32 / 2
    const dLong = km / (111.32 * Math.cos((at.lat * Math.PI) / 180)) / 2
    const bbox = [at.lat - dLat, at.long - dLong, at.lat + dLat, at.long + dLong].map((v) => v.toFixed(6))
    return `/api/v1/reports/map?bbox=${bbox.join(',')}`
  })
  return { nearby, map }
}

/**
 * The two reads a citizen's report form and the public map make, on a city with a million reports:
 * the nearby-duplicates check and the newest reports in a random viewport, each under 20
 * connections against the liveness probe of the same server, in alternating rounds.
 */
export async function reportsBench(): Promise<Record<string, unknown>> {
  const base = process.env.DATABASE_URL
  if (!base) throw new Error('the reports benchmark runs on PostgreSQL: set DATABASE_URL')
  const totalSeconds = Number(process.env.BENCH_DURATION_SECONDS ?? 10)
  const url = await ensureDatabase(base, DATABASE)
  process.env.DATABASE_URL = url
  try {
    // The server migrates the database as it starts; the reports are written next to it.
    const civico = await startCivico({ env: { DATABASE_URL: url } })
    try {
      const generated = await generateReports(url)
      const paths = randomPaths(generated.categories)
      for (const path of [paths.nearby[0], paths.map[0]] as string[]) {
        const response = await fetch(`${civico.url}${path}`)
        if (response.status !== 200) throw new Error(`${path} answered ${response.status}`)
      }
      const baseline = { label: 'unauthenticated /health/live', url: `${civico.url}/health/live` }
      const nearby = await compareInRounds(
        baseline,
        { label: 'nearby duplicates', url: `${civico.url}${paths.nearby[0]}`, pathRotation: paths.nearby },
        { totalSeconds, connections: CONNECTIONS },
      )
      const map = await compareInRounds(
        baseline,
        { label: 'public map', url: `${civico.url}${paths.map[0]}`, pathRotation: paths.map },
        { totalSeconds, connections: CONNECTIONS },
      )
      for (const run of [nearby, map]) {
        if (run.candidate.errors > 0 || run.candidate.non2xx > 0)
          throw new Error('report reads failed under load')
      }
      const baselineP99 = Math.max(1, nearby.baseline.p99Ms, map.baseline.p99Ms)
      return {
        bench: 'reports',
        reports: generated.reports,
        connections: CONNECTIONS,
        nearby_p99_ms: nearby.candidate.p99Ms,
        nearby_rps: nearby.candidate.rps,
        map_p99_ms: map.candidate.p99Ms,
        map_rps: map.candidate.rps,
        baseline_p99_ms: baselineP99,
        ratio: Math.round((Math.max(nearby.candidate.p99Ms, map.candidate.p99Ms) / baselineP99) * 100) / 100,
      }
    } finally {
      await civico.stop()
    }
  } finally {
    process.env.DATABASE_URL = base
  }
}
