import { type ChildProcess, spawn, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'

const serverRoot = path.resolve(import.meta.dirname, '..')
const tsx = path.resolve(serverRoot, '../../node_modules/.bin/tsx')
const mainFile = path.join(serverRoot, 'src/main.ts')
// The command line is exercised on the embedded engine only: it is about processes, not SQL.
const { DATABASE_URL: _notUsedHere, ...inherited } = process.env
const baseEnv = { ...inherited, LOG_FORMAT: 'json', LOG_LEVEL: 'info', NODE_ENV: 'development' }

function civico(args: string[], env: Record<string, string> = {}) {
  return spawnSync(tsx, [mainFile, ...args], {
    env: { ...baseEnv, ...env },
    encoding: 'utf8',
    timeout: 120_000,
  })
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo
      server.close(() => resolve(port))
    })
  })
}

describe('the civico command', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'civico-cli-'))
  let server: ChildProcess | undefined

  afterAll(() => {
    server?.kill('SIGKILL')
    fs.rmSync(dataDir, { recursive: true, force: true })
  })

  it('prints its usage', () => {
    const result = civico(['--help'])
    expect(result.status).toBe(0)
    expect(result.stdout).toContain('civico <command>')
  })

  it('refuses to start on a bad configuration, naming the variable', () => {
    const result = civico(['serve'], { PORT: 'eighty', DATA_DIR: dataDir })
    expect(result.status).toBe(1)
    expect(result.stderr).toContain('PORT')
    expect(result.stderr).not.toContain('    at ')
  })

  it('serves a seeded city, refuses a second process on the same data, and stops cleanly on SIGTERM', async () => {
    const port = await freePort()
    let output = ''
    server = spawn(tsx, [mainFile, 'serve'], {
      env: { ...baseEnv, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, DEMO_CITIZENS: '40' },
    })
    server.stdout?.on('data', (chunk) => {
      output += chunk
    })
    server.stderr?.on('data', (chunk) => {
      output += chunk
    })
    const base = `http://127.0.0.1:${port}`
    const deadline = Date.now() + 150_000
    for (;;) {
      const ready = await fetch(`${base}/health/ready`).then(
        (r) => r.ok,
        () => false,
      )
      if (ready) break
      if (Date.now() > deadline || server.exitCode !== null)
        throw new Error(`server did not become ready:\n${output}`)
      await new Promise((resolve) => setTimeout(resolve, 250))
    }
    const city = (await fetch(`${base}/api/v1/city`).then((r) => r.json())) as { name: string }
    expect(city.name).toBe('Milano')

    const second = civico(['migrate'], { DATA_DIR: dataDir })
    expect(second.status).toBe(1)
    expect(second.stderr).toMatch(/already open in process \d+/)

    const exited = new Promise<number | null>((resolve) => server?.once('exit', (code) => resolve(code)))
    server.kill('SIGTERM')
    expect(await exited).toBe(0)
    expect(output).toContain('stopped')
    expect(fs.existsSync(path.join(dataDir, 'db', 'civico.lock'))).toBe(false)
  }, 200_000)

  it('verifies the audit chain written while seeding', () => {
    const result = civico(['audit', 'verify'], { DATA_DIR: dataDir })
    expect(result.stdout).toMatch(/Audit log intact: [1-9]\d* rows checked/)
    expect(result.status).toBe(0)
  })

  it('seeds more citizens on demand and validates its arguments', () => {
    expect(civico(['seed', '--citizens', 'many'], { DATA_DIR: dataDir }).status).toBe(1)
    const result = civico(['seed', '--citizens', '60'], { DATA_DIR: dataDir })
    expect(result.status).toBe(0)
  }, 200_000)
})
