import { startBaseline, startCivico } from '../support/processes.js'
import { compareInRounds } from '../support/rounds.js'

/** What the platform's hooks cost: Civico's liveness probe against a bare Fastify hello-world beside it. */
export async function httpBench(): Promise<Record<string, unknown>> {
  const totalSeconds = Number(process.env.BENCH_DURATION_SECONDS ?? 10)
  const baseline = await startBaseline()
  const civico = await startCivico().catch(async (error) => {
    await baseline.stop()
    throw error
  })
  try {
    const result = await compareInRounds(
      { label: 'baseline', url: `${baseline.url}/health/live` },
      { label: 'civico /health/live', url: `${civico.url}/health/live` },
      { totalSeconds },
    )
    if (result.candidate.errors > 0 || result.candidate.non2xx > 0) {
      throw new Error('Civico answered with errors under load')
    }
    return {
      bench: 'http',
      baseline_rps: result.baseline.rps,
      civico_health_rps: result.candidate.rps,
      ratio: Number((result.candidate.rps / result.baseline.rps).toFixed(3)),
      p99_ms: result.candidate.p99Ms,
      baseline_p99_ms: result.baseline.p99Ms,
      connections: 50,
      duration_s: result.roundSeconds * result.rounds,
      database: process.env.DATABASE_URL ? 'postgres' : 'pglite',
    }
  } finally {
    await Promise.all([baseline.stop(), civico.stop()])
  }
}
