import type { AddressInfo } from 'node:net'
import type { Logger } from 'pino'
import { SMTPServer, type SMTPServerAddress, type SMTPServerSession } from 'smtp-server'
import type { Database } from '../../db/client.js'
import { isAppError } from '../../platform/errors.js'
import { getCityProfile } from '../city/service.js'
import { INBOUND_EMAIL_MAX_BYTES } from './mail-parse.js'

export interface InboundMailListenerOptions {
  port: number
  /** Loopback by default: the city's mail server relays to it, nobody else reaches it. */
  host?: string
  /** The domains mail is taken for, lower case; anything else is relaying and refused. */
  acceptedDomains: () => Promise<readonly string[]>
  /** Handles one accepted message; throwing a 4xx AppError refuses it for good, anything else for now. */
  receive: (raw: Buffer) => Promise<{ ticketCode: string | null; outcome: string }>
  logger: Logger
  maxBytes?: number
}

export interface InboundMailListener {
  port: number
  close(): Promise<void>
}

/** An SMTP reply: the server sends `code` and the enhanced status with the text. */
function smtpError(code: number, text: string): Error & { responseCode: number } {
  const error = new Error(text) as Error & { responseCode: number }
  error.responseCode = code
  return error
}

function domainOf(address: string): string {
  return address.slice(address.lastIndexOf('@') + 1).toLowerCase()
}

/** A null reverse path (MAIL FROM:<>) is how RFC 5321 marks a bounce or a delivery report. */
function isNullSender(session: SMTPServerSession): boolean {
  const from = session.envelope.mailFrom
  return from === false || !from.address
}

/**
 * The SMTP door of the CRM: mail for the city's addresses becomes tickets. It answers each
 * message only once it is stored, so the sending server keeps it until then; a message it cannot
 * take now gets a 451 and is tried again later.
 */
export async function startInboundMailListener(
  options: InboundMailListenerOptions,
): Promise<InboundMailListener> {
  const maxBytes = options.maxBytes ?? INBOUND_EMAIL_MAX_BYTES
  const logger = options.logger
  const server = new SMTPServer({
    name: 'civico',
    banner: 'Civico inbound mail',
    size: maxBytes,
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    disableReverseLookup: true,
    logger: false,
    maxClients: 50,
    closeTimeout: 5_000,
    onRcptTo(address: SMTPServerAddress, _session, callback) {
      options.acceptedDomains().then(
        (domains) => {
          if (domains.length === 0)
            return callback(smtpError(451, '4.3.0 Not configured yet, try again later'))
          if (!domains.includes(domainOf(address.address))) {
            return callback(smtpError(550, '5.7.1 Relaying denied: not an address of the city'))
          }
          callback()
        },
        (error: unknown) => {
          logger.warn({ err: error }, 'inbound mail: cannot read the accepted domains')
          callback(smtpError(451, '4.3.0 Temporary failure, try again later'))
        },
      )
    },
    onData(stream, session, reply) {
      const chunks: Buffer[] = []
      // A stream that fails may still end: the client hears one answer.
      let answered = false
      const callback: typeof reply = (...answer) => {
        if (answered) return
        answered = true
        reply(...answer)
      }
      stream.on('data', (chunk: Buffer) => chunks.push(chunk))
      stream.on('error', (error) => callback(error))
      stream.on('end', () => {
        if (stream.sizeExceeded) return callback(smtpError(552, '5.3.4 Message too big'))
        if (isNullSender(session)) {
          logger.info({ remote: session.remoteAddress }, 'inbound mail: bounce dropped')
          return callback(null, '2.0.0 Accepted')
        }
        options.receive(Buffer.concat(chunks)).then(
          (result) => {
            logger.info({ outcome: result.outcome, ticket: result.ticketCode }, 'inbound mail received')
            callback(null, `2.0.0 Accepted${result.ticketCode ? ` ${result.ticketCode}` : ''}`)
          },
          (error: unknown) => {
            if (isAppError(error) && error.status === 413) {
              return callback(smtpError(552, '5.3.4 Message too big'))
            }
            if (isAppError(error) && error.status < 500) {
              logger.info({ code: error.code, detail: error.message }, 'inbound mail refused')
              return callback(smtpError(550, '5.6.0 Message refused'))
            }
            logger.error({ err: error }, 'inbound mail failed; the sender will retry')
            callback(smtpError(451, '4.3.0 Temporary failure, try again later'))
          },
        )
      })
    },
  })
  // A client dropping its connection surfaces here; the listener goes on for the others.
  server.on('error', (error) => logger.warn({ err: error }, 'inbound mail connection error'))
  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject)
    server.listen(options.port, options.host ?? '127.0.0.1', () => {
      server.server.off('error', reject)
      resolve()
    })
  })
  return {
    port: (server.server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

const DOMAINS_CACHE_MS = 60_000

/**
 * The domain of the city's contact address, read again after a minute so a change of the city
 * profile needs no restart; `extra` adds domains configured beside it.
 */
export function cityMailDomains(
  db: Database,
  extra: readonly string[] = [],
): () => Promise<readonly string[]> {
  let cached: { at: number; domains: readonly string[] } | null = null
  return async () => {
    const now = Date.now()
    if (cached && now - cached.at < DOMAINS_CACHE_MS) return cached.domains
    const profile = await getCityProfile({ db })
    const domains = [
      ...(profile ? [domainOf(profile.contactEmail)] : []),
      ...extra.map((d) => d.toLowerCase()),
    ]
    cached = { at: now, domains }
    return domains
  }
}
