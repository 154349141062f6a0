import { type ChildProcess, spawn } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { progress } from './log.js'

export const REPO_ROOT = path.resolve(import.meta.dirname, '../../..')
const TSX = path.join(REPO_ROOT, 'node_modules/.bin/tsx')

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo
      server.close(() => resolve(port))
    })
  })
}

export interface RunningProcess {
  url: string
  child: ChildProcess
  stop(): Promise<void>
}

async function waitUntilReady(url: string, child: ChildProcess, stderr: () => string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`process exited early (${child.exitCode}):\n${stderr()}`)
    try {
      const response = await fetch(url)
      if (response.ok) return
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  throw new Error(`not ready after ${timeoutMs} ms:\n${stderr()}`)
}

function track(child: ChildProcess): () => string {
  let tail = ''
  child.stderr?.on('data', (chunk: Buffer) => {
    tail = (tail + chunk.toString()).slice(-4000)
  })
  return () => tail
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return
  const exited = new Promise((resolve) => child.once('exit', resolve))
  child.kill('SIGTERM')
  const timer = setTimeout(() => child.kill('SIGKILL'), 20_000)
  await exited
  clearTimeout(timer)
}

/**
 * Starts Civico as an API process runs in production: JSON logs, no in-process workers. With DATABASE_URL the
 * server migrates that database itself; without it a fresh PGlite directory is used.
 */
export async function startCivico(
  options: { env?: Record<string, string>; citizens?: number; dataDir?: string } = {},
): Promise<RunningProcess> {
  const port = await freePort()
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'civico-bench-'))
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    // Development mode only for the bundled sign-in provider; logging and workers are set as in production.
    NODE_ENV: 'development',
    HOST: '127.0.0.1',
    PORT: String(port),
    DATA_DIR: dataDir,
    LOG_FORMAT: 'json',
    LOG_LEVEL: 'info',
    WORKER_IN_PROCESS: 'false',
    SEED_ON_START: options.citizens ? 'true' : 'false',
    DEMO_CITIZENS: String(options.citizens ?? 0),
    ...options.env,
  }
  progress(`starting Civico on port ${port} (${env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`)
  const child = spawn(TSX, [path.join(REPO_ROOT, 'apps/server/src/main.ts'), 'serve'], {
    cwd: REPO_ROOT,
    env,
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  const stderr = track(child)
  const url = `http://127.0.0.1:${port}`
  await waitUntilReady(`${url}/health/ready`, child, stderr, 300_000)
  return {
    url,
    child,
    async stop() {
      await stopChild(child)
      fs.rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

/** A `civico worker` process: job handlers only, as the separate workers of production. */
export function startCivicoWorker(env: Record<string, string>): ChildProcess {
  // Node itself with the TypeScript loader, not the tsx launcher: a SIGKILL must reach the worker.
  return spawn(
    process.execPath,
    ['--import', 'tsx', path.join(REPO_ROOT, 'apps/server/src/main.ts'), 'worker'],
    {
      cwd: REPO_ROOT,
      env: { ...process.env, NODE_ENV: 'development', LOG_FORMAT: 'json', LOG_LEVEL: 'warn', ...env },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  )
}

/** A bare Fastify process answering the same JSON as Civico's liveness probe: the yardstick. */
export async function startBaseline(): Promise<RunningProcess> {
  const port = await freePort()
  progress(`starting bare Fastify baseline on port ${port}`)
  const child = spawn(TSX, [path.join(REPO_ROOT, 'bench/src/support/baseline-server.ts')], {
    cwd: REPO_ROOT,
    env: { ...process.env, PORT: String(port) },
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  const stderr = track(child)
  const url = `http://127.0.0.1:${port}`
  await waitUntilReady(`${url}/health/live`, child, stderr, 60_000)
  return { url, child, stop: () => stopChild(child) }
}
