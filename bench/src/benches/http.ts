import { type LoadResult, load } from '../support/load.js'
import { startBaseline, startCivico } from '../support/processes.js'

function combine(rounds: LoadResult[]): LoadResult {
  const sum = (pick: (r: LoadResult) => number) => rounds.reduce((total, r) => total + pick(r), 0)
  return {
    rps: Math.round(sum((r) => r.rps) / rounds.length),
    p50Ms: Math.max(...rounds.map((r) => r.p50Ms)),
    p99Ms: Math.max(...rounds.map((r) => r.p99Ms)),
    errors: sum((r) => r.errors),
    non2xx: sum((r) => r.non2xx),
  }
}

/**
 * What the platform's hooks cost: Civico's liveness probe against a bare Fastify hello-world.
 * Both servers run side by side and are loaded in alternating rounds, so a noisy neighbour or a
 * CPU frequency change hits both figures alike.
 */
export async function httpBench(): Promise<Record<string, unknown>> {
  const durationSeconds = Number(process.env.BENCH_DURATION_SECONDS ?? 10)
  const rounds = 5
  const baseline = await startBaseline()
  const civico = await startCivico().catch(async (error) => {
    await baseline.stop()
    throw error
  })
  try {
    const baselineUrl = `${baseline.url}/health/live`
    const civicoUrl = `${civico.url}/health/live`
    await load(baselineUrl, { label: 'warm-up baseline', durationSeconds: 2 })
    await load(civicoUrl, { label: 'warm-up civico', durationSeconds: 2 })
    const baselineRounds: LoadResult[] = []
    const civicoRounds: LoadResult[] = []
    const roundSeconds = Math.max(1, Math.round(durationSeconds / rounds))
    for (let round = 1; round <= rounds; round++) {
      baselineRounds.push(
        await load(baselineUrl, { label: `baseline round ${round}`, durationSeconds: roundSeconds }),
      )
      civicoRounds.push(
        await load(civicoUrl, { label: `civico round ${round}`, durationSeconds: roundSeconds }),
      )
    }
    const baselineFigures = combine(baselineRounds)
    const civicoFigures = combine(civicoRounds)
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
      duration_s: roundSeconds * rounds,
      database: process.env.DATABASE_URL ? 'postgres' : 'pglite',
    }
  } finally {
    await Promise.all([baseline.stop(), civico.stop()])
  }
}
