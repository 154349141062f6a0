import { load } from '../support/load.js'
import { startBaseline, startCivico } from '../support/processes.js'

/** What the platform's hooks cost: Civico's liveness probe against a bare Fastify hello-world. */
export async function httpBench(): Promise<Record<string, unknown>> {
  const durationSeconds = Number(process.env.BENCH_DURATION_SECONDS ?? 10)
  const baseline = await startBaseline()
  let baselineFigures: Awaited<ReturnType<typeof load>>
  try {
    await load(`${baseline.url}/health/live`, { label: 'warm-up baseline', durationSeconds: 2 })
    baselineFigures = await load(`${baseline.url}/health/live`, { label: 'baseline', durationSeconds })
  } finally {
    await baseline.stop()
  }
  const civico = await startCivico()
  try {
    await load(`${civico.url}/health/live`, { label: 'warm-up civico', durationSeconds: 2 })
    const civicoFigures = await load(`${civico.url}/health/live`, {
      label: 'civico /health/live',
      durationSeconds,
    })
    if (civicoFigures.errors > 0 || civicoFigures.non2xx > 0)
      throw new Error('Civico answered with errors under load')
    return {
      bench: 'http',
      baseline_rps: baselineFigures.rps,
      civico_health_rps: civicoFigures.rps,
      ratio: Number((civicoFigures.rps / baselineFigures.rps).toFixed(3)),
      p99_ms: civicoFigures.p99Ms,
      baseline_p99_ms: baselineFigures.p99Ms,
      connections: 50,
      duration_s: durationSeconds,
      database: process.env.DATABASE_URL ? 'postgres' : 'pglite',
    }
  } finally {
    await civico.stop()
  }
}
