import type { Logger } from 'pino'
import type { Config } from '../../config.js'
import type { Database, DatabaseHandle } from '../../db/client.js'
import type { RegistrySource } from '../../modules/registry/source.js'
import type { Clock } from '../clock.js'
import type { FileStore } from '../files.js'
import type { JobQueue } from '../jobs.js'

/** Everything routes need, wired by hand in the composition root. */
export interface AppDependencies {
  config: Config
  database: DatabaseHandle
  db: Database
  jobs: JobQueue
  clock: Clock
  logger: Logger
  /** Where registry and folder data come from (local tables, or a city's registry adapter). */
  registry: RegistrySource
  /** Where uploaded files are kept (a directory, or object storage in production). */
  files: FileStore
}
