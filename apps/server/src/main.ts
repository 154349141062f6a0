import { parseArgs } from 'node:util'
import { buildApp } from './app.js'
import { type Config, ConfigError, loadConfig } from './config.js'
import { openDatabase } from './db/client.js'
import { DirectoryLockedError } from './db/directory-lock.js'
import { migrateDatabase } from './db/migrate.js'
import { startInboundMail } from './modules/tickets/mail-inbound.js'
import { verifyAuditChain } from './platform/audit.js'
import { createLogger } from './platform/logger.js'
import { openRuntime } from './platform/runtime.js'
import { seedDemoCity } from './seed.js'

const USAGE = `Usage: civico <command> [options]

Commands:
  serve                      run the API and web app (and the job workers unless WORKER_IN_PROCESS=false)
  worker                     run only the job workers (for a separate worker process on PostgreSQL)
  migrate                    apply database migrations and exit
  seed [--citizens N] [--seed S]
                             create the demo city and a synthetic population of N citizens
  audit verify               check that the audit log's hash chain is intact

Configuration comes from environment variables; see the README.`

async function serve(config: Config): Promise<void> {
  const logger = createLogger(config.log)
  const shutdown = onShutdownSignal(logger, config.shutdownTimeoutMs)
  const runtime = await openRuntime(config, logger, { work: config.workerInProcess })
  shutdown.add(() => runtime.close())
  if (config.seedOnStart) {
    await seedDemoCity(runtime, { citizens: config.demoCitizens, seed: 1, onlyIfEmpty: true }, logger)
  }
  const app = await buildApp(runtime, { serveWebApp: true })
  shutdown.add(() => app.close())
  await app.listen({ host: config.host, port: config.port })
  // Mail to the city arrives where the API runs: the embedded install is this one process.
  const inboundMail = await startInboundMail(runtime)
  shutdown.add(() => inboundMail.close())
  logger.info(`Civico is ready at ${config.publicUrl} (database: ${runtime.database.kind})`)
}

async function worker(config: Config): Promise<void> {
  const logger = createLogger({ ...config.log, name: 'civico-worker' })
  const shutdown = onShutdownSignal(logger, config.shutdownTimeoutMs)
  const runtime = await openRuntime(config, logger, { work: true })
  shutdown.add(() => runtime.close())
  logger.info(`Civico worker running (database: ${runtime.database.kind})`)
}

/**
 * SIGTERM/SIGINT: stop taking work, finish what is in flight, then exit; give up after the timeout.
 * Listening starts before anything opens, so a signal during start-up also closes what is open.
 */
function onShutdownSignal(logger: ReturnType<typeof createLogger>, timeoutMs: number) {
  const closers: (() => Promise<void>)[] = []
  let stopping = false
  const handler = (signal: NodeJS.Signals) => {
    if (stopping) return
    stopping = true
    logger.info({ signal }, 'shutting down: finishing in-flight requests and jobs')
    const force = setTimeout(() => {
      logger.error('shutdown timed out; exiting')
      process.exit(1)
    }, timeoutMs + 2000)
    force.unref()
    const closeAll = async () => {
      // Last opened, first closed: the HTTP server drains before the jobs and the database go.
      for (const close of closers.reverse()) await close()
    }
    closeAll().then(
      () => {
        logger.info('stopped')
        process.exitCode = 0
      },
      (error) => {
        logger.error({ err: error }, 'error while shutting down')
        process.exitCode = 1
      },
    )
  }
  process.on('SIGTERM', handler)
  process.on('SIGINT', handler)
  return {
    add(close: () => Promise<void>) {
      closers.push(close)
    },
  }
}

async function migrate(config: Config): Promise<void> {
  const handle = await openDatabase(config.database)
  try {
    await migrateDatabase(config.database, handle)
    console.log('Migrations applied.')
  } finally {
    await handle.close()
  }
}

async function seed(config: Config, args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: { citizens: { type: 'string' }, seed: { type: 'string' } },
  })
  const citizens = Number(values.citizens ?? config.demoCitizens)
  const seedValue = Number(values.seed ?? 1)
  if (!Number.isInteger(citizens) || citizens < 0 || citizens > 5_000_000) {
    throw new UsageError('--citizens must be a whole number between 0 and 5000000')
  }
  if (!Number.isInteger(seedValue)) throw new UsageError('--seed must be a whole number')
  const logger = createLogger(config.log)
  const runtime = await openRuntime(config, logger, { work: false })
  try {
    await seedDemoCity(runtime, { citizens, seed: seedValue, onlyIfEmpty: false }, logger)
  } finally {
    await runtime.close()
  }
}

async function audit(config: Config, args: string[]): Promise<void> {
  if (args[0] !== 'verify') throw new UsageError('usage: civico audit verify')
  const handle = await openDatabase(config.database)
  try {
    const result = await verifyAuditChain(handle.db)
    if (result.ok) {
      console.log(`Audit log intact: ${result.checked} rows checked.`)
    } else {
      console.error(
        `Audit log BROKEN at row ${result.brokenAtId}: ${result.reason} (${result.checked} rows fine before it).`,
      )
      process.exitCode = 2
    }
  } finally {
    await handle.close()
  }
}

class UsageError extends Error {}

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv
  if (!command || command === '--help' || command === 'help') {
    console.log(USAGE)
    return
  }
  const config = loadConfig()
  switch (command) {
    case 'serve':
      return serve(config)
    case 'worker':
      return worker(config)
    case 'migrate':
      return migrate(config)
    case 'seed':
      return seed(config, rest)
    case 'audit':
      return audit(config, rest)
    default:
      throw new UsageError(`Unknown command "${command}".\n\n${USAGE}`)
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof DirectoryLockedError || error instanceof UsageError) {
    console.error(`civico: ${error.message}`)
  } else {
    console.error('civico: failed to start', error)
  }
  process.exit(1)
})
