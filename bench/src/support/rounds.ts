import { type LoadResult, load } from './load.js'

export interface LoadTarget {
  label: string
  url: string
  headers?: Record<string, string>
  headerRotation?: readonly Record<string, string>[]
  pathRotation?: readonly string[]
}

function average(rounds: LoadResult[]): LoadResult {
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
 * Loads a baseline and a candidate in alternating rounds after a warm-up of each, so a noisy
 * neighbour or a CPU frequency change hits both figures alike. Throughput is averaged over the
 * rounds, latency is the worst round's.
 */
export async function compareInRounds(
  baseline: LoadTarget,
  candidate: LoadTarget,
  options: { totalSeconds: number; rounds?: number; connections?: number },
): Promise<{ baseline: LoadResult; candidate: LoadResult; roundSeconds: number; rounds: number }> {
  const rounds = options.rounds ?? 5
  const roundSeconds = Math.max(1, Math.round(options.totalSeconds / rounds))
  for (const target of [baseline, candidate]) {
    await load(target.url, {
      label: `warm-up ${target.label}`,
      connections: options.connections,
      durationSeconds: 2,
      headers: target.headers,
      headerRotation: target.headerRotation,
      pathRotation: target.pathRotation,
    })
  }
  const baselineRounds: LoadResult[] = []
  const candidateRounds: LoadResult[] = []
  for (let round = 1; round <= rounds; round++) {
    for (const [target, results] of [
      [baseline, baselineRounds],
      [candidate, candidateRounds],
    ] as const) {
      results.push(
        await load(target.url, {
          label: `${target.label} round ${round}`,
          connections: options.connections,
          durationSeconds: roundSeconds,
          headers: target.headers,
          headerRotation: target.headerRotation,
          pathRotation: target.pathRotation,
        }),
      )
    }
  }
  return { baseline: average(baselineRounds), candidate: average(candidateRounds), roundSeconds, rounds }
}
