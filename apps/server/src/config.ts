import path from 'node:path'
import { z } from 'zod'

const booleanFromEnv = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => value === 'true' || value === '1' || value === 'yes')

const ZEnvironment = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().min(1).default('localhost'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  PUBLIC_URL: z.url().optional(),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// connection string')
    .optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  DATA_DIR: z.string().min(1).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LOG_FORMAT: z.enum(['json', 'pretty']).optional(),
  WORKER_IN_PROCESS: booleanFromEnv.default(true),
  TRUST_PROXY: booleanFromEnv.default(false),
  BODY_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(50 * 1024 * 1024)
    .default(1024 * 1024),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(15_000),
  DEFAULT_LOCALE: z.enum(['it', 'en']).default('it'),
  SEED_ON_START: booleanFromEnv.optional(),
  DEMO_CITIZENS: z.coerce.number().int().min(0).max(2_000_000).default(1000),
  WEB_DIST_DIR: z.string().min(1).optional(),
})

export type Config = {
  env: 'development' | 'production' | 'test'
  host: string
  port: number
  publicUrl: string
  database: { kind: 'pglite'; dataDir: string } | { kind: 'postgres'; url: string; poolSize: number }
  dataDir: string
  log: { level: string; pretty: boolean }
  workerInProcess: boolean
  trustProxy: boolean
  bodyLimitBytes: number
  shutdownTimeoutMs: number
  defaultLocale: 'it' | 'en'
  seedOnStart: boolean
  demoCitizens: number
  webDistDir: string
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((line) => `  - ${line}`).join('\n')}`)
  }
}

/** npm sets INIT_CWD to where the command was typed, so `./data` means the same place from any workspace. */
function baseDirectory(env: NodeJS.ProcessEnv): string {
  return env.INIT_CWD ?? process.cwd()
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = ZEnvironment.safeParse(env)
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => `${issue.path.join('.') || '(environment)'}: ${issue.message}`),
    )
  }
  const value = parsed.data
  const base = baseDirectory(env)
  const dataDir = path.resolve(base, value.DATA_DIR ?? 'data')
  const production = value.NODE_ENV === 'production'
  const displayHost = value.HOST === '0.0.0.0' || value.HOST === '::' ? 'localhost' : value.HOST
  return {
    env: value.NODE_ENV,
    host: value.HOST,
    port: value.PORT,
    publicUrl: (value.PUBLIC_URL ?? `http://${displayHost}:${value.PORT}`).replace(/\/$/, ''),
    database: value.DATABASE_URL
      ? { kind: 'postgres', url: value.DATABASE_URL, poolSize: value.DATABASE_POOL_SIZE }
      : { kind: 'pglite', dataDir: path.join(dataDir, 'db') },
    dataDir,
    log: {
      level: value.LOG_LEVEL,
      pretty: (value.LOG_FORMAT ?? (production ? 'json' : 'pretty')) === 'pretty',
    },
    workerInProcess: value.WORKER_IN_PROCESS,
    trustProxy: value.TRUST_PROXY,
    bodyLimitBytes: value.BODY_LIMIT_BYTES,
    shutdownTimeoutMs: value.SHUTDOWN_TIMEOUT_MS,
    defaultLocale: value.DEFAULT_LOCALE,
    seedOnStart: value.SEED_ON_START ?? !production,
    demoCitizens: value.DEMO_CITIZENS,
    webDistDir: value.WEB_DIST_DIR
      ? path.resolve(base, value.WEB_DIST_DIR)
      : path.resolve(import.meta.dirname, '../../web/dist'),
  }
}
