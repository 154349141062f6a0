import { signInCitizen } from '../support/dev-login.js'
import { progress } from '../support/log.js'
import { preparePopulation } from '../support/population.js'
import { startCivico } from '../support/processes.js'
import { compareInRounds } from '../support/rounds.js'

const SIGNED_IN_CITIZENS = Number(process.env.BENCH_SIGNED_IN ?? 200)
const SIGN_IN_CONCURRENCY = 4

/**
 * The personal home under load: signed-in requests to the folder summary for many random citizens
 * of a large seeded city, against the unauthenticated liveness probe of the same server.
 */
export async function folderBench(): Promise<Record<string, unknown>> {
  const totalSeconds = Number(process.env.BENCH_DURATION_SECONDS ?? 10)
  const onPostgres = Boolean(process.env.DATABASE_URL)
  const citizens = Number(process.env.BENCH_CITIZENS ?? (onPostgres ? 1_000_000 : 50_000))
  const population = await preparePopulation(citizens)
  const fiscalCodes = await population.sampleAdults(SIGNED_IN_CITIZENS)
  const civico = await startCivico({
    dataDir: population.dataDir,
    env: { SIGN_IN_RATE_LIMIT_PER_MINUTE: '10000' },
  })
  try {
    progress(`signing in ${fiscalCodes.length} random citizens through the bundled identity provider`)
    const cookies: string[] = []
    for (let start = 0; start < fiscalCodes.length; start += SIGN_IN_CONCURRENCY) {
      const batch = fiscalCodes.slice(start, start + SIGN_IN_CONCURRENCY)
      const sessions = await Promise.all(
        batch.map((fiscalCode) => signInCitizen(civico.url, { fiscalCode, level: 2 })),
      )
      cookies.push(...sessions.map((session) => session.cookie))
    }
    const check = await fetch(`${civico.url}/api/v1/folder/summary`, {
      headers: { cookie: cookies[0] ?? '' },
    })
    const sample = (await check.json()) as { owner?: { registered?: boolean } }
    if (check.status !== 200 || sample.owner?.registered !== true) {
      throw new Error(`the folder summary is not served for a registered citizen (${check.status})`)
    }
    const result = await compareInRounds(
      { label: 'unauthenticated /health/live', url: `${civico.url}/health/live` },
      {
        label: 'signed-in /api/v1/folder/summary',
        url: `${civico.url}/api/v1/folder/summary`,
        headerRotation: cookies.map((cookie) => ({ cookie })),
      },
      { totalSeconds },
    )
    if (result.candidate.errors > 0 || result.candidate.non2xx > 0) {
      throw new Error('folder requests failed under load')
    }
    return {
      bench: 'folder',
      citizens: population.citizens,
      signed_in_citizens: cookies.length,
      baseline_rps: result.baseline.rps,
      folder_rps: result.candidate.rps,
      ratio: Number((result.candidate.rps / result.baseline.rps).toFixed(3)),
      p99_ms: result.candidate.p99Ms,
      baseline_p99_ms: result.baseline.p99Ms,
      connections: 50,
      duration_s: result.roundSeconds * result.rounds,
      database: onPostgres ? 'postgres' : 'pglite',
    }
  } finally {
    await civico.stop()
  }
}
