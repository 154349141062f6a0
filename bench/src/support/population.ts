import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import pg from 'pg'
import { progress } from './log.js'
import { REPO_ROOT } from './processes.js'

const TSX = path.join(REPO_ROOT, 'node_modules/.bin/tsx')

export interface Population {
  citizens: number
  /** The PGlite directory to start Civico on, when no DATABASE_URL is set. */
  dataDir?: string
  /** Random adults of the population, different on every run. */
  sampleAdults(count: number): Promise<string[]>
}

function runCivico(args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(TSX, [path.join(REPO_ROOT, 'apps/server/src/main.ts'), ...args], {
      cwd: REPO_ROOT,
      env: { ...process.env, LOG_FORMAT: 'json', LOG_LEVEL: 'info', ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    })
    let tail = ''
    child.stderr?.on('data', (chunk: Buffer) => {
      tail = (tail + chunk.toString()).slice(-4000)
    })
    child.once('error', reject)
    child.once('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`civico ${args.join(' ')} exited ${code}:\n${tail}`)),
    )
  })
}

const SAMPLE_ADULTS = `
  select fiscal_code from registry_persons
  where birth_date <= current_date - interval '18 years'
  order by random() limit $1`

/**
 * A seeded city of `citizens` people. On PostgreSQL (DATABASE_URL) an existing population of that
 * size is reused, since seeding a million people takes minutes; otherwise `civico seed` fills it.
 */
export async function preparePopulation(citizens: number): Promise<Population> {
  const url = process.env.DATABASE_URL
  if (url) {
    const pool = new pg.Pool({ connectionString: url, max: 2 })
    const count = async () => {
      const exists = await pool.query("select to_regclass('registry_persons') is not null as present")
      if (!exists.rows[0]?.present) return 0
      return Number((await pool.query('select count(*)::int as n from registry_persons')).rows[0]?.n)
    }
    try {
      const present = await count()
      if (present < citizens) {
        progress(`seeding ${citizens.toLocaleString('en')} citizens on PostgreSQL (${present} present)`)
        const started = Date.now()
        await runCivico(['seed', '--citizens', String(citizens), '--seed', '1'], { DATABASE_URL: url })
        progress(`seeded in ${Math.round((Date.now() - started) / 1000)} s`)
      } else {
        progress(`reusing the ${present.toLocaleString('en')} citizens already on PostgreSQL`)
      }
      const total = await count()
      return {
        citizens: total,
        async sampleAdults(n) {
          const sampler = new pg.Client({ connectionString: url })
          await sampler.connect()
          try {
            return (await sampler.query(SAMPLE_ADULTS, [n])).rows.map((row) => String(row.fiscal_code))
          } finally {
            await sampler.end()
          }
        },
      }
    } finally {
      await pool.end()
    }
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'civico-bench-'))
  progress(`seeding ${citizens.toLocaleString('en')} citizens on PGlite in ${dataDir}`)
  await runCivico(['seed', '--citizens', String(citizens), '--seed', '1'], { DATA_DIR: dataDir })
  // Read before the server starts: PGlite lets one process at a time open the directory.
  const db = await PGlite.create(path.join(dataDir, 'db'))
  const adults = (await db.query<{ fiscal_code: string }>(SAMPLE_ADULTS, [2_000])).rows.map(
    (row) => row.fiscal_code,
  )
  await db.close()
  return {
    citizens,
    dataDir,
    async sampleAdults(n) {
      return adults.slice(0, n)
    },
  }
}
