import autocannon from 'autocannon'
import { progress } from './log.js'

export interface LoadResult {
  rps: number
  p50Ms: number
  p99Ms: number
  errors: number
  non2xx: number
}

export async function load(
  url: string,
  options: {
    connections?: number
    durationSeconds?: number
    headers?: Record<string, string>
    /** Headers to choose from at random for each request (e.g. many citizens' cookies). */
    headerRotation?: readonly Record<string, string>[]
    /** Paths to choose from at random for each request (e.g. many citizens' pages). */
    pathRotation?: readonly string[]
    label: string
  },
): Promise<LoadResult> {
  const connections = options.connections ?? 50
  const duration = options.durationSeconds ?? 10
  progress(`loading ${options.label}: ${connections} connections for ${duration} s`)
  const rotation = options.headerRotation
  const paths = options.pathRotation
  const pick = <T>(list: readonly T[]) => list[Math.floor(Math.random() * list.length)] as T
  // Each request picks its caller and path at random, so connections do not march through the list in step.
  const requests =
    rotation?.length || paths?.length
      ? [
          {
            method: 'GET' as const,
            setupRequest: (request: autocannon.Request) => ({
              ...request,
              ...(paths?.length ? { path: pick(paths) } : {}),
              headers: { ...request.headers, ...(rotation?.length ? pick(rotation) : {}) },
            }),
          },
        ]
      : undefined
  const result = await autocannon({ url, connections, duration, headers: options.headers, requests })
  const figures = {
    rps: Math.round(result.requests.average),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  }
  progress(
    `${options.label}: ${figures.rps} req/s, p99 ${figures.p99Ms} ms, errors ${figures.errors}, non-2xx ${figures.non2xx}`,
  )
  return figures
}
