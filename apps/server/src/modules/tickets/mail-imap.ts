import { ImapFlow } from 'imapflow'
import type { Logger } from 'pino'
import { isAppError } from '../../platform/errors.js'

/** The part of an IMAP client the poller uses (ImapFlow's methods), so its loop can be tried alone. */
export interface ImapClient {
  connect(): Promise<void>
  getMailboxLock(path: string): Promise<{ release(): void }>
  search(query: { seen: boolean }, options: { uid: true }): Promise<number[] | false | undefined>
  fetchOne(
    uid: string,
    query: { source: true },
    options: { uid: true },
  ): Promise<{ source?: Buffer | undefined } | false>
  messageFlagsAdd(uid: string, flags: string[], options: { uid: true }): Promise<boolean>
  logout(): Promise<void>
}

export interface MailboxAddress {
  host: string
  port: number
  secure: boolean
  user: string
  password: string
  mailbox: string
}

/** `imaps://user:password@host:993/INBOX`: the folder is the path, INBOX when there is none. */
export function parseImapUrl(url: string): MailboxAddress {
  const parsed = new URL(url)
  const secure = parsed.protocol === 'imaps:'
  return {
    host: parsed.hostname,
    port: parsed.port ? Number(parsed.port) : secure ? 993 : 143,
    secure,
    user: decodeURIComponent(parsed.username),
    password: decodeURIComponent(parsed.password),
    mailbox: decodeURIComponent(parsed.pathname.replace(/^\//, '')) || 'INBOX',
  }
}

/** A real IMAP connection to the address (plain IMAP upgrades with STARTTLS when offered). */
export function imapFlowClient(address: MailboxAddress, logger: Logger): ImapClient {
  const client = new ImapFlow({
    host: address.host,
    port: address.port,
    secure: address.secure,
    auth: { user: address.user, pass: address.password },
    logger: false,
    disableAutoIdle: true,
  })
  // A dropped connection is reported here; the next poll opens a new one.
  client.on('error', (error: Error) => logger.warn({ err: error }, 'inbound mail: IMAP connection error'))
  return client
}

export interface PollResult {
  received: number
  refused: number
  failed: number
}

/**
 * One pass over the folder's unseen messages. A message is flagged \Seen only once it is handled,
 * so one that failed for now (the database away) is fetched again next time; one refused for good
 * (too large, unreadable) is flagged too, or it would come back on every pass.
 */
export async function pollMailboxOnce(
  client: ImapClient,
  mailbox: string,
  receive: (raw: Buffer) => Promise<unknown>,
  logger: Logger,
): Promise<PollResult> {
  const result: PollResult = { received: 0, refused: 0, failed: 0 }
  await client.connect()
  try {
    const lock = await client.getMailboxLock(mailbox)
    try {
      const uids = (await client.search({ seen: false }, { uid: true })) || []
      for (const uid of uids) {
        const message = await client.fetchOne(String(uid), { source: true }, { uid: true })
        if (message === false || !message.source) continue
        try {
          await receive(message.source)
          result.received++
        } catch (error) {
          if (!(isAppError(error) && error.status < 500)) {
            result.failed++
            logger.error({ err: error, uid }, 'inbound mail: message left unseen, tried again next poll')
            continue
          }
          result.refused++
          logger.warn({ code: error.code, detail: error.message, uid }, 'inbound mail: message refused')
        }
        await client.messageFlagsAdd(String(uid), ['\\Seen'], { uid: true })
      }
    } finally {
      lock.release()
    }
  } finally {
    await client.logout().catch(() => {})
  }
  return result
}

export interface ImapPoller {
  /** Polls now (or waits for the pass already running), for tests and the first start. */
  pollNow(): Promise<void>
  stop(): Promise<void>
}

/** Polls the mailbox every `intervalMs`, one pass at a time, a new connection each pass. */
export function startImapPoller(options: {
  url: string
  receive: (raw: Buffer) => Promise<unknown>
  logger: Logger
  intervalMs?: number
  connect?: (address: MailboxAddress) => ImapClient
}): ImapPoller {
  const address = parseImapUrl(options.url)
  const connect = options.connect ?? ((target: MailboxAddress) => imapFlowClient(target, options.logger))
  const intervalMs = options.intervalMs ?? 60_000
  let running: Promise<void> | null = null
  let stopped = false
  let timer: NodeJS.Timeout | null = null

  const pass = async () => {
    try {
      const result = await pollMailboxOnce(connect(address), address.mailbox, options.receive, options.logger)
      if (result.received + result.refused + result.failed > 0) {
        options.logger.info(result, 'inbound mail: mailbox polled')
      }
    } catch (error) {
      options.logger.warn({ err: error, host: address.host }, 'inbound mail: cannot poll the mailbox')
    }
  }
  const pollNow = () => {
    running ??= pass().finally(() => {
      running = null
    })
    return running
  }
  const schedule = () => {
    if (stopped) return
    timer = setTimeout(() => {
      pollNow().then(schedule, schedule)
    }, intervalMs)
    timer.unref()
  }
  pollNow().then(schedule, schedule)
  return {
    pollNow,
    async stop() {
      stopped = true
      if (timer) clearTimeout(timer)
      await running
    },
  }
}
