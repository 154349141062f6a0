import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { FastifyInstance } from 'fastify'
import { buildApp } from '../app.js'
import { loadConfig } from '../config.js'
import type { Clock } from '../platform/clock.js'
import { directoryFileStore } from '../platform/files.js'
import { createLogger } from '../platform/logger.js'
import { openRuntime, type Runtime } from '../platform/runtime.js'
import { createTestDatabase } from './database.js'

export interface TestApp {
  app: FastifyInstance
  runtime: Runtime
  close(): Promise<void>
}

/** The real app on a test database, with job workers polling fast so job effects show up quickly. */
export async function createTestApp(
  options: { clock?: Clock; env?: Record<string, string>; work?: boolean } = {},
): Promise<TestApp> {
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', LOG_FORMAT: 'json', ...options.env })
  const database = await createTestDatabase()
  const logger = createLogger(config.log)
  const filesDir = mkdtempSync(path.join(tmpdir(), 'civico-files-'))
  const runtime = await openRuntime(config, logger, {
    work: options.work ?? true,
    database,
    clock: options.clock,
    pollingIntervalSeconds: 0.5,
    files: directoryFileStore(filesDir),
    // On the shared PostgreSQL test database another file's workers would otherwise run this app's jobs.
    jobsSchema: process.env.DATABASE_URL ? `pgboss_test_${randomBytes(4).toString('hex')}` : undefined,
  })
  const app = await buildApp(runtime)
  await app.ready()
  return {
    app,
    runtime,
    async close() {
      await app.close()
      await runtime.close()
      await database.close()
      rmSync(filesDir, { recursive: true, force: true })
    },
  }
}
