import { type ChildProcess, spawn } from 'node:child_process'
import fs from 'node:fs/promises'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { REPO_ROOT } from './paths'

const READY_TIMEOUT_MS = 120_000
const STOP_TIMEOUT_MS = 20_000
const OUTPUT_TAIL_CHARS = 8_000

export interface RunningServer {
  baseUrl: string
  stop: () => Promise<void>
}

/** Asks the OS for a port nobody is listening on. */
export async function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer()
    probe.unref()
    probe.on('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address()
      probe.close(() => {
        if (address && typeof address === 'object') resolve(address.port)
        else reject(new Error('could not read the port of the probe socket'))
      })
    })
  })
}

/** Keeps the last few kilobytes of a stream, enough to explain why a start failed. */
function tail(stream: NodeJS.ReadableStream | null) {
  let text = ''
  stream?.setEncoding('utf8')
  stream?.on('data', (chunk: string) => {
    text = (text + chunk).slice(-OUTPUT_TAIL_CHARS)
  })
  return () => text
}

function delay(ms: number) {
  return new Promise((resolve) => setTimeout(resolve, ms))
}

async function isReady(baseUrl: string): Promise<boolean> {
  try {
    const response = await fetch(`${baseUrl}/health/ready`, { signal: AbortSignal.timeout(2_000) })
    return response.status === 200
  } catch {
    return false
  }
}

function waitForExit(child: ChildProcess, timeoutMs: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true)
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), timeoutMs)
    child.once('exit', () => {
      clearTimeout(timer)
      resolve(true)
    })
  })
}

/** The environment of the test runner, minus what would make the server think it is under test. */
function serverEnvironment(overrides: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {}
  for (const [key, value] of Object.entries(process.env)) {
    if (key.startsWith('VITEST') || key === 'TEST') continue
    env[key] = value
  }
  return { ...env, ...overrides }
}

/**
 * Starts the real Civico server (`civico serve`) on a free port with a fresh embedded database and a
 * small synthetic population, and resolves once it reports ready. `env` adds to or overrides its
 * environment, e.g. CLOCK_START for a journey that needs a chosen day.
 */
export async function startCivicoServer(env: Record<string, string> = {}): Promise<RunningServer> {
  const port = await findFreePort()
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'civico-e2e-'))
  const baseUrl = `http://127.0.0.1:${port}`
  const child = spawn(process.execPath, ['--import', 'tsx', 'apps/server/src/main.ts', 'serve'], {
    cwd: REPO_ROOT,
    env: serverEnvironment({
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      DEMO_CITIZENS: '50',
      // The journeys sign in many times from one address; production keeps the default limit.
      SIGN_IN_RATE_LIMIT_PER_MINUTE: '1000',
      LOG_LEVEL: 'warn',
      NODE_ENV: 'development',
      ...env,
    }),
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const stdout = tail(child.stdout)
  const stderr = tail(child.stderr)

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM')
      if (!(await waitForExit(child, STOP_TIMEOUT_MS))) {
        child.kill('SIGKILL')
        await waitForExit(child, 5_000)
      }
    }
    await fs.rm(dataDir, { recursive: true, force: true })
  }

  const deadline = Date.now() + READY_TIMEOUT_MS
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      await stop()
      throw new Error(
        `The Civico server exited before becoming ready (code ${child.exitCode}, signal ${child.signalCode}).\n` +
          `--- stderr ---\n${stderr()}\n--- stdout ---\n${stdout()}`,
      )
    }
    if (await isReady(baseUrl)) return { baseUrl, stop }
    await delay(250)
  }
  await stop()
  throw new Error(
    `The Civico server was not ready after ${READY_TIMEOUT_MS / 1000} s.\n--- stderr ---\n${stderr()}\n--- stdout ---\n${stdout()}`,
  )
}
