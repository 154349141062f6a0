import fs from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import { sql } from 'drizzle-orm'
import { type DatabaseHandle, openDatabase } from '../../../apps/server/src/db/client.js'
import { migrateDatabase } from '../../../apps/server/src/db/migrate.js'
import { rowsOf } from '../../../apps/server/src/db/transaction.js'
import {
  insertClosure,
  insertCounter,
  insertHours,
  insertOffice,
  insertService,
  linkCounterServices,
} from '../../../apps/server/src/modules/appointments/calendar-repo.js'
import { holidayCalendar, patronDayOf } from '../../../apps/server/src/modules/city/holidays.js'
import { computeFiscalCode } from '../../../apps/server/src/modules/identity/codice-fiscale.js'
import { romeCalendarDate } from '../../../apps/server/src/modules/registry/calendar-days.js'
import { addDays, isoWeekday, romeInstant } from '../../../apps/server/src/platform/rome-time.js'
import { recreateDatabase } from '../support/database.js'
import { progress } from '../support/log.js'
import { startCivico } from '../support/processes.js'

const ATTEMPTS = Number(process.env.BENCH_BOOKING_ATTEMPTS ?? 1000)
/** Five counters, ten 30-minute starts on one day: fifty seats, a hundred racers for each start. */
const COUNTERS = 5
const STARTS = 10
const SEATS = COUNTERS * STARTS
const SIGN_IN_CONCURRENCY = 16
const DATABASE = 'civico_bench_booking'

interface Seats {
  serviceId: string
  officeId: string
  starts: string[]
}

/** The next weekday that is not a holiday, two days or more ahead: the only day with seats. */
function bookingDay(): string {
  const isHoliday = holidayCalendar(patronDayOf(null))
  let day = addDays(romeCalendarDate(new Date()), 2)
  while (isoWeekday(day) > 5 || isHoliday(day)) day = addDays(day, 1)
  return day
}

async function createSeats(handle: DatabaseHandle): Promise<Seats> {
  const day = bookingDay()
  const db = handle.db
  const office = await insertOffice(db, { name: `Sede del banco ${Date.now()}`, address: 'Via Larga 12' })
  const service = await insertService(db, {
    name: `Servizio del banco ${Date.now()}`,
    durationMinutes: 30,
    maxActivePerCitizen: 1,
    minNoticeHours: 0,
    maxDaysAhead: 30,
  })
  for (let n = 1; n <= COUNTERS; n++) {
    const counter = await insertCounter(db, { officeId: office.id, name: `Sportello ${n}` })
    await linkCounterServices(db, [{ counterId: counter.id, serviceId: service.id }])
  }
  await insertHours(db, [
    {
      officeId: office.id,
      serviceId: service.id,
      weekday: isoWeekday(day),
      opensAt: '09:00',
      closesAt: '14:00',
    },
  ])
  // Closed on every later day of the window, so these fifty seats are all there are.
  await insertClosure(db, {
    officeId: office.id,
    fromDate: addDays(day, 1),
    toDate: addDays(day, 60),
    reason: 'banco',
  })
  const starts = Array.from({ length: STARTS }, (_, n) =>
    new Date(romeInstant(day, 9 * 60 + n * 30) as number).toISOString(),
  )
  return { serviceId: service.id, officeId: office.id, starts }
}

function fiscalCodeOf(n: number): string {
  return computeFiscalCode({
    familyName: ['ROSSI', 'BIANCHI', 'COLOMBO', 'FERRARI'][n % 4] as string,
    givenName: ['MARIA', 'LUCA', 'ANNA', 'PAOLO'][(n >> 2) % 4] as string,
    sex: n % 2 === 0 ? 'F' : 'M',
    birthDate: `${1940 + ((n >> 4) % 60)}-${String(1 + ((n >> 10) % 12)).padStart(2, '0')}-${String(1 + (n % 28)).padStart(2, '0')}`,
    birthPlaceCode: 'F205',
  })
}

/** Signs a citizen in with identity data typed on the bundled provider's page, as a tester would. */
async function signInTyped(
  baseUrl: string,
  fiscalCode: string,
): Promise<{ cookie: string; csrfToken: string }> {
  const cookies = new Map<string, string>()
  const jar = () => [...cookies].map(([name, value]) => `${name}=${value}`).join('; ')
  const follow = async (start: string) => {
    let url = start
    for (let hop = 0; hop < 15; hop++) {
      const response = await fetch(url, { redirect: 'manual', headers: { cookie: jar() } })
      for (const header of response.headers.getSetCookie()) {
        const [pair = ''] = header.split(';')
        const index = pair.indexOf('=')
        if (index > 0) cookies.set(pair.slice(0, index).trim(), pair.slice(index + 1).trim())
      }
      const location = response.headers.get('location')
      if (response.status >= 300 && response.status < 400 && location) {
        await response.arrayBuffer()
        url = new URL(location, url).toString()
        continue
      }
      return { url, html: await response.text() }
    }
    throw new Error('too many redirects')
  }
  const page = await follow(`${baseUrl}/auth/citizen/login?method=spid&level=2&returnTo=/area-personale`)
  const action = /<form method="get" action="([^"]+)" id="custom-identity">/.exec(page.html)?.[1]
  if (!action) throw new Error(`no identity form on the provider page (${page.url})`)
  const choice = new URL(action.replace(/&amp;/g, '&'), page.url)
  for (const [name, value] of Object.entries({
    identity: 'custom',
    fiscalCode,
    givenName: 'Prova',
    familyName: 'Banco',
    level: '2',
  }))
    choice.searchParams.set(name, value)
  await follow(choice.toString())
  const session = cookies.get('civico_session')
  if (!session) throw new Error('signed in but no session cookie came back')
  const cookie = `civico_session=${session}`
  const me = (await (await fetch(`${baseUrl}/api/v1/session`, { headers: { cookie } })).json()) as {
    csrfToken?: string
  }
  if (!me.csrfToken) throw new Error('the session cookie is not recognised')
  return { cookie, csrfToken: me.csrfToken }
}

/** One request over a connection of its own (no keep-alive, no pooling): what a thousand browsers do. */
function requestAlone(
  url: string,
  headers: Record<string, string>,
  body?: string,
): Promise<{ status: number; ms: number }> {
  return new Promise((resolve) => {
    const started = performance.now()
    const request = http.request(
      url,
      {
        method: body === undefined ? 'GET' : 'POST',
        agent: false,
        headers: {
          ...headers,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          connection: 'close',
        },
      },
      (response) => {
        response.resume()
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, ms: performance.now() - started }),
        )
      },
    )
    request.on('error', () => resolve({ status: 0, ms: performance.now() - started }))
    request.end(body)
  })
}

function percentile99(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.99) - 1)] ?? 0
}

async function race(baseUrl: string, seats: Seats) {
  progress(`signing in ${ATTEMPTS} citizens through the bundled identity provider`)
  const sessions: { cookie: string; csrfToken: string }[] = []
  for (let start = 0; start < ATTEMPTS; start += SIGN_IN_CONCURRENCY) {
    const batch = Array.from({ length: Math.min(SIGN_IN_CONCURRENCY, ATTEMPTS - start) }, (_, n) => start + n)
    sessions.push(...(await Promise.all(batch.map((n) => signInTyped(baseUrl, fiscalCodeOf(n))))))
  }
  // The baseline: as many simultaneous signed-in reads of one's session, the cheapest route that
  // checks a session, over connections of their own like the bookings.
  progress(`${ATTEMPTS} session reads at once (baseline)`)
  const baseline = await Promise.all(
    sessions.map((session) => requestAlone(`${baseUrl}/api/v1/session`, { cookie: session.cookie })),
  )
  const baselineP99 = percentile99(baseline.map((answer) => answer.ms))
  progress(`${ATTEMPTS} booking attempts at once for ${SEATS} seats`)
  const answers = await Promise.all(
    sessions.map((session, n) =>
      requestAlone(
        `${baseUrl}/api/v1/appointments`,
        { cookie: session.cookie, 'x-csrf-token': session.csrfToken },
        JSON.stringify({ service: seats.serviceId, office: seats.officeId, start: seats.starts[n % STARTS] }),
      ),
    ),
  )
  const p99 = percentile99(answers.map((answer) => answer.ms))
  const statuses = answers.map((answer) => answer.status)
  return {
    created: statuses.filter((status) => status === 201).length,
    conflicts: statuses.filter((status) => status === 409).length,
    errors5xx: statuses.filter((status) => status >= 500 || status === 0).length,
    p99Ms: Math.round(p99),
    baselineP99Ms: Math.round(baselineP99),
    baselineErrors: baseline.filter((answer) => answer.status !== 200).length,
  }
}

async function countInSql(handle: DatabaseHandle, serviceId: string) {
  const [row] = rowsOf<{ booked: number; double_booked: number }>(
    await handle.db.execute(sql`
      select
        (select count(*)::int from appointment_bookings where service_id = ${serviceId} and status <> 'cancelled') as booked,
        (select count(*)::int from appointment_bookings a join appointment_bookings b
           on a.counter_id = b.counter_id and a.id < b.id and a.starts_at < b.ends_at and b.starts_at < a.ends_at
         where a.status <> 'cancelled' and b.status <> 'cancelled' and a.service_id = ${serviceId}) as double_booked`),
  )
  return row as { booked: number; double_booked: number }
}

async function onPostgres(base: string) {
  const url = await recreateDatabase(base, DATABASE)
  const civico = await startCivico({ env: { DATABASE_URL: url, SIGN_IN_RATE_LIMIT_PER_MINUTE: '10000' } })
  const handle = await openDatabase({ kind: 'postgres', url, poolSize: 2 })
  try {
    const seats = await createSeats(handle)
    const result = await race(civico.url, seats)
    return { ...result, ...(await countInSql(handle, seats.serviceId)) }
  } finally {
    await handle.close()
    await civico.stop()
  }
}

/** The same race on the embedded engine: the seats are written before the server opens the directory. */
async function onPglite() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'civico-bench-booking-'))
  const target = { kind: 'pglite' as const, dataDir: path.join(dataDir, 'db') }
  let handle = await openDatabase(target)
  await migrateDatabase(target, handle)
  const seats = await createSeats(handle)
  await handle.close()
  // The child inherits this process's environment: without DATABASE_URL it runs on PGlite.
  const postgresUrl = process.env.DATABASE_URL
  delete process.env.DATABASE_URL
  const civico = await startCivico({ dataDir, env: { SIGN_IN_RATE_LIMIT_PER_MINUTE: '10000' } }).finally(
    () => {
      process.env.DATABASE_URL = postgresUrl
    },
  )
  try {
    const result = await race(civico.url, seats)
    // Stop the server to read its directory, which only one process may open.
    const exited = new Promise((resolve) => civico.child.once('exit', resolve))
    civico.child.kill('SIGTERM')
    await exited
    handle = await openDatabase(target)
    const counted = await countInSql(handle, seats.serviceId)
    await handle.close()
    return { ...result, ...counted }
  } finally {
    await civico.stop()
  }
}

export async function bookingBench(): Promise<Record<string, unknown>> {
  const base = process.env.DATABASE_URL
  if (!base) throw new Error('the booking benchmark runs on PostgreSQL: set DATABASE_URL')
  const postgres = await onPostgres(base)
  progress(`PostgreSQL: ${JSON.stringify(postgres)}`)
  const pglite = process.env.BENCH_SKIP_PGLITE ? null : await onPglite()
  if (pglite) progress(`PGlite: ${JSON.stringify(pglite)}`)
  return {
    bench: 'booking',
    attempts: ATTEMPTS,
    seats: SEATS,
    booked: postgres.booked,
    double_booked: postgres.double_booked,
    errors_5xx: postgres.errors5xx,
    p99_ms: postgres.p99Ms,
    baseline_p99_ms: postgres.baselineP99Ms,
    ratio: Math.round((postgres.p99Ms / Math.max(1, postgres.baselineP99Ms)) * 100) / 100,
    ...(pglite
      ? {
          pglite_booked: pglite.booked,
          pglite_double_booked: pglite.double_booked,
          pglite_errors_5xx: pglite.errors5xx,
          pglite_p99_ms: pglite.p99Ms,
          pglite_baseline_p99_ms: pglite.baselineP99Ms,
        }
      : {}),
  }
}
