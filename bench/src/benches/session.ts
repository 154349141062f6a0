import { signInCitizen } from '../support/dev-login.js'
import { progress } from '../support/log.js'
import { startCivico } from '../support/processes.js'
import { compareInRounds } from '../support/rounds.js'

/**
 * The cost of being signed in: a session-checked route against an unauthenticated trivial route of
 * the same server. The session is opened through the real sign-in flow.
 */
export async function sessionBench(): Promise<Record<string, unknown>> {
  const totalSeconds = Number(process.env.BENCH_DURATION_SECONDS ?? 10)
  const civico = await startCivico({ citizens: 200 })
  try {
    progress('signing in as a test citizen through the bundled identity provider')
    const { cookie } = await signInCitizen(civico.url, { fiscalCode: 'LVLDAA85T50G702B', level: 2 })
    const result = await compareInRounds(
      { label: 'unauthenticated /health/live', url: `${civico.url}/health/live` },
      {
        label: 'authenticated /api/v1/session/heartbeat',
        url: `${civico.url}/api/v1/session/heartbeat`,
        headers: { cookie },
      },
      { totalSeconds },
    )
    if (result.candidate.errors > 0 || result.candidate.non2xx > 0) {
      throw new Error('authenticated requests failed under load')
    }
    return {
      bench: 'session',
      baseline_rps: result.baseline.rps,
      authed_rps: result.candidate.rps,
      ratio: Number((result.candidate.rps / result.baseline.rps).toFixed(3)),
      p99_ms: result.candidate.p99Ms,
      baseline_p99_ms: result.baseline.p99Ms,
      connections: 50,
      duration_s: result.roundSeconds * result.rounds,
      database: process.env.DATABASE_URL ? 'postgres' : 'pglite',
    }
  } finally {
    await civico.stop()
  }
}
