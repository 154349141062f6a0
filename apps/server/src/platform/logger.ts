import { type Logger, pino } from 'pino'

export function createLogger(options: {
  level: string
  pretty: boolean
  name?: string
  /** Where JSON lines go (tests); standard output by default. */
  destination?: { write(line: string): void }
}): Logger {
  // JSON lines go out asynchronously: under load the lines written while one write is in flight are
  // sent together, instead of one system call per line. pino flushes what is left when the process exits.
  const destination = options.pretty
    ? undefined
    : (options.destination ?? pino.destination({ dest: 1, sync: false }))
  // Redaction names exact paths: wildcard paths are checked on every line and cost a tenth of the
  // throughput of a simple request.
  return pino(
    {
      name: options.name ?? 'civico',
      level: options.level,
      redact: {
        paths: [
          'req.headers.cookie',
          'req.headers.authorization',
          'req.headers["x-api-key"]',
          'password',
          'token',
          'err.config.headers.authorization',
        ],
        censor: '[redacted]',
      },
      ...(options.pretty
        ? {
            transport: {
              target: 'pino-pretty',
              options: { translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname,name' },
            },
          }
        : {}),
    },
    destination,
  )
}
