import type { Logger } from 'pino'
import type { Config } from '../config.js'
import { type DatabaseHandle, openDatabase } from '../db/client.js'
import { migrateDatabase } from '../db/migrate.js'
import { createLocalRegistrySource } from '../modules/registry/source.js'
import { type Clock, shiftedClock, systemClock } from './clock.js'
import { directoryFileStore, type FileStore } from './files.js'
import type { AppDependencies } from './http/dependencies.js'
import { registerJobDefinitions } from './job-definitions.js'
import { JobQueue } from './jobs.js'
import { closeMessageSenders } from './outbox/senders.js'
import { s3FileStore } from './s3-file-store.js'

export interface Runtime extends AppDependencies {
  close(): Promise<void>
}

/**
 * Opens the database, applies migrations and prepares the job queue: what `serve`, `worker` and the
 * tests all need before anything else runs.
 */
export async function openRuntime(
  config: Config,
  logger: Logger,
  options: {
    work: boolean
    clock?: Clock
    database?: DatabaseHandle
    pollingIntervalSeconds?: number
    files?: FileStore
    /** The job queue's own schema; tests sharing one PostgreSQL database each take their own. */
    jobsSchema?: string
  },
): Promise<Runtime> {
  const database = options.database ?? (await openDatabase(config.database))
  try {
    if (!options.database) await migrateDatabase(config.database, database)
    const jobs = new JobQueue(database, logger.child({ component: 'jobs' }), {
      pollingIntervalSeconds: options.pollingIntervalSeconds,
      maintenanceIntervalSeconds: config.jobsMaintenanceSeconds,
      schema: options.jobsSchema,
    })
    const clock = options.clock ?? (config.clockStart ? shiftedClock(config.clockStart) : systemClock)
    const runtime: Runtime = {
      config,
      database,
      db: database.db,
      jobs,
      clock,
      logger,
      registry: createLocalRegistrySource(database.db),
      files:
        options.files ??
        (config.files.kind === 's3' ? s3FileStore(config.files) : directoryFileStore(config.files.dir)),
      async close() {
        await jobs.stop(config.shutdownTimeoutMs)
        closeMessageSenders(database.db)
        if (!options.database) await database.close()
      },
    }
    registerJobDefinitions(runtime)
    await jobs.start({ work: options.work })
    return runtime
  } catch (error) {
    if (!options.database) await database.close().catch(() => {})
    throw error
  }
}
