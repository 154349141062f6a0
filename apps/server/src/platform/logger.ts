import { type Logger, pino } from 'pino'

export function createLogger(options: { level: string; pretty: boolean; name?: string }): Logger {
  // JSON lines go out asynchronously: under load the lines written while one write is in flight are
  // sent together, instead of one system call per line. pino flushes what is left when the process exits.
  const destination = options.pretty ? undefined : pino.destination({ dest: 1, sync: false })
  return pino(
    {
      name: options.name ?? 'civico',
      level: options.level,
      redact: {
        paths: [
          'req.headers.cookie',
          'req.headers.authorization',
          'req.headers["x-api-key"]',
          '*.password',
          '*.token',
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
