import PgBoss from 'pg-boss'
import type { Logger } from 'pino'
import type { z } from 'zod'
import type { Queryable, SqlExecutor } from '../db/client.js'
import { executorFor } from '../db/transaction.js'

export interface JobRetryPolicy {
  retryLimit: number
  retryDelaySeconds: number
  retryBackoff: boolean
  expireInSeconds: number
}

/** A kind of background work: its payload schema is checked on enqueue and again on pick-up. */
export interface JobDefinition<Schema extends z.ZodType = z.ZodType> {
  name: string
  payload: Schema
  retry?: Partial<JobRetryPolicy>
  handle(payload: z.infer<Schema>, job: JobAttempt): Promise<void>
  /** Runs on this cron schedule (Europe/Rome), enqueued once per tick whatever the number of processes. */
  cron?: string
  /**
   * Jobs of this kind one process runs at the same time (default 1). Each is its own polling loop,
   * so short jobs queued in bulk (campaign batches) do not wait a polling interval one after another.
   */
  concurrency?: number
}

/** Which run of a job this is: handlers that record failures mark the last one as final. */
export interface JobAttempt {
  id: string
  name: string
  retryCount: number
  lastAttempt: boolean
}

export interface EnqueueOptions {
  startAfter?: Date
  singletonKey?: string
  /** A stable id makes the enqueue idempotent: a second send with the same id is dropped. */
  id?: string
}

const DEFAULT_RETRY: JobRetryPolicy = {
  retryLimit: 5,
  retryDelaySeconds: 10,
  retryBackoff: true,
  expireInSeconds: 15 * 60,
}

export function deadLetterQueueName(name: string): string {
  return `${name}__dead`
}

export class UnknownJobError extends Error {}

const DEADLOCK = '40P01'

/**
 * Processes starting together create pg-boss queues at the same time; each queue is a partition
 * whose creation locks the shared tables, so PostgreSQL may pick one of them as a deadlock victim.
 * Queue creation is idempotent: the loser waits a moment and does it again.
 */
export async function retryOnDeadlock<T>(work: () => Promise<T>, attempts = 8): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work()
    } catch (error) {
      if ((error as { code?: string }).code !== DEADLOCK || attempt >= attempts) throw error
      await new Promise((resolve) => setTimeout(resolve, 50 * attempt + Math.random() * 100))
    }
  }
}

/**
 * pg-boss on the platform's own database. Jobs are enqueued through the caller's transaction, so a
 * rolled-back change never leaves a job behind and a committed one never loses its job.
 */
export class JobQueue {
  private readonly boss: PgBoss
  private readonly schema: string
  private readonly definitions = new Map<string, JobDefinition>()
  private started = false
  private working = false

  constructor(
    private readonly executor: SqlExecutor,
    private readonly logger: Logger,
    private readonly options: {
      pollingIntervalSeconds?: number
      maintenanceIntervalSeconds?: number
      schema?: string
    } = {},
  ) {
    this.schema = options.schema ?? 'pgboss'
    if (!/^[a-z_][a-z0-9_]*$/.test(this.schema)) throw new Error(`Bad job queue schema: ${this.schema}`)
    this.boss = new PgBoss({
      db: executor,
      schema: this.schema,
      supervise: true,
      schedule: true,
      migrate: true,
      ...(options.maintenanceIntervalSeconds
        ? { maintenanceIntervalSeconds: options.maintenanceIntervalSeconds }
        : {}),
    })
    this.boss.on('error', (error) => this.logger.error({ err: error }, 'job queue error'))
  }

  define<Schema extends z.ZodType>(definition: JobDefinition<Schema>): void {
    if (this.started) throw new Error(`Job ${definition.name} defined after the queue started`)
    this.definitions.set(definition.name, definition as unknown as JobDefinition)
  }

  /** Creates the schema and the queues; with `work` this process also runs the handlers. */
  async start({ work }: { work: boolean }): Promise<void> {
    await this.boss.start()
    for (const definition of this.definitions.values()) {
      const retry = { ...DEFAULT_RETRY, ...definition.retry }
      const deadLetter = deadLetterQueueName(definition.name)
      await retryOnDeadlock(() =>
        this.boss.createQueue(deadLetter, { name: deadLetter, retentionMinutes: 60 * 24 * 30 }),
      )
      const queue: PgBoss.Queue = {
        name: definition.name,
        retryLimit: retry.retryLimit,
        retryDelay: retry.retryDelaySeconds,
        retryBackoff: retry.retryBackoff,
        expireInSeconds: retry.expireInSeconds,
        deadLetter,
      }
      await retryOnDeadlock(() => this.boss.createQueue(definition.name, queue))
      await retryOnDeadlock(() => this.boss.updateQueue(definition.name, queue))
      const { cron } = definition
      if (cron)
        await retryOnDeadlock(() => this.boss.schedule(definition.name, cron, {}, { tz: 'Europe/Rome' }))
    }
    this.started = true
    if (work) await this.startWorkers()
  }

  private async startWorkers(): Promise<void> {
    const pollingIntervalSeconds = this.options.pollingIntervalSeconds ?? 1
    for (const definition of this.definitions.values()) {
      const options = { batchSize: 1, pollingIntervalSeconds, includeMetadata: true as const }
      for (let loop = 0; loop < (definition.concurrency ?? 1); loop++) {
        await this.boss.work(definition.name, options, (jobs) => this.runJobs(definition, jobs))
      }
    }
    this.working = true
  }

  private async runJobs(definition: JobDefinition, jobs: PgBoss.JobWithMetadata<unknown>[]): Promise<void> {
    for (const job of jobs) {
      const payload = definition.payload.parse(job.data)
      const log = this.logger.child({ job: definition.name, jobId: job.id })
      log.debug('job started')
      try {
        await definition.handle(payload, {
          id: job.id,
          name: job.name,
          retryCount: job.retryCount,
          lastAttempt: job.retryCount >= job.retryLimit,
        })
      } catch (error) {
        log.warn({ err: error }, 'job failed; pg-boss retries it or moves it to the dead-letter queue')
        throw error
      }
    }
  }

  async enqueue(
    queryable: Queryable,
    name: string,
    payload: unknown,
    options: EnqueueOptions = {},
  ): Promise<string | null> {
    const definition = this.definitions.get(name)
    if (!definition) throw new UnknownJobError(`No job named ${name}`)
    const data = definition.payload.parse(payload) as object
    return this.boss.send(name, data, {
      db: executorFor(queryable),
      ...(options.id ? { id: options.id } : {}),
      ...(options.startAfter ? { startAfter: options.startAfter } : {}),
      ...(options.singletonKey ? { singletonKey: options.singletonKey } : {}),
    })
  }

  /**
   * Enqueues many jobs of one kind in a single statement, in the caller's transaction: a campaign's
   * thousands of batches cost one round trip.
   */
  async enqueueMany(
    queryable: Queryable,
    name: string,
    jobs: { payload: unknown; startAfter?: Date; id?: string }[],
  ): Promise<void> {
    const definition = this.definitions.get(name)
    if (!definition) throw new UnknownJobError(`No job named ${name}`)
    if (jobs.length === 0) return
    const rows = jobs.map((job) => ({
      name,
      data: definition.payload.parse(job.payload) as object,
      ...(job.id ? { id: job.id } : {}),
      ...(job.startAfter ? { startAfter: job.startAfter.toISOString() } : {}),
    }))
    await this.boss.insert(rows, { db: executorFor(queryable) })
  }

  async getJob(name: string, id: string) {
    return this.boss.getJobById(name, id)
  }

  /** Jobs that ran out of retries, newest first, for staff to inspect; reading them does not consume them. */
  async deadLetters(name: string, limit = 50): Promise<{ id: string; data: unknown; createdOn: Date }[]> {
    const { rows } = await this.executor.executeSql(
      `select id, data, created_on as "createdOn" from ${this.schema}.job where name = $1 order by created_on desc limit $2`,
      [deadLetterQueueName(name), limit],
    )
    return rows as { id: string; data: unknown; createdOn: Date }[]
  }

  /** Where pg-boss keeps its tables, for tests and tools that read them. */
  get schemaName(): string {
    return this.schema
  }

  get isWorking(): boolean {
    return this.working
  }

  async isHealthy(): Promise<boolean> {
    if (!this.started) return false
    try {
      await this.boss.getQueues()
      return true
    } catch {
      return false
    }
  }

  /** Finishes the jobs in hand (up to the timeout) and stops polling. */
  async stop(timeoutMs: number): Promise<void> {
    if (!this.started) return
    this.started = false
    this.working = false
    await this.boss.stop({ graceful: true, wait: true, timeout: timeoutMs, close: false })
  }
}
