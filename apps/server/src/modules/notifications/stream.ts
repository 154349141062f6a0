import type { ServerResponse } from 'node:http'
import type { DatabaseHandle } from '../../db/client.js'
import { INBOX_CHANNEL } from './service.js'

type Listener = () => void

/**
 * Fans inbox changes out to the open server-sent-event streams of this process. Every process LISTENs
 * on one PostgreSQL channel, so a message written by any process (API or worker) reaches every open
 * page; the payload is only the recipient's fiscal code.
 */
export class InboxHub {
  private readonly listeners = new Map<string, Set<Listener>>()
  private started: Promise<void> | null = null
  private stopListening: (() => Promise<void>) | null = null

  constructor(private readonly database: DatabaseHandle) {}

  private start(): Promise<void> {
    this.started ??= this.database
      .listen(INBOX_CHANNEL, (fiscalCode) => {
        for (const listener of this.listeners.get(fiscalCode) ?? []) listener()
      })
      .then((stop) => {
        this.stopListening = stop
      })
    return this.started
  }

  /** Calls `listener` whenever this person's inbox changes; returns the way to stop. */
  async subscribe(fiscalCode: string, listener: Listener): Promise<() => void> {
    await this.start()
    let set = this.listeners.get(fiscalCode)
    if (!set) {
      set = new Set()
      this.listeners.set(fiscalCode, set)
    }
    set.add(listener)
    return () => {
      set.delete(listener)
      if (set.size === 0) this.listeners.delete(fiscalCode)
    }
  }

  async close(): Promise<void> {
    this.listeners.clear()
    await this.stopListening?.()
  }
}

const hubs = new WeakMap<DatabaseHandle, InboxHub>()

export function inboxHubFor(database: DatabaseHandle): InboxHub {
  let hub = hubs.get(database)
  if (!hub) {
    hub = new InboxHub(database)
    hubs.set(database, hub)
  }
  return hub
}

/** Open streams send a comment this often so proxies keep the connection. */
const STREAM_KEEPALIVE_MS = 25_000

/**
 * The server-sent-event streams one server is serving: each sends the unread count at once and on
 * every change of its person's inbox; all are ended when the server shuts down.
 */
export class InboxStreams {
  private readonly responses = new Set<ServerResponse>()

  async open(
    response: ServerResponse,
    source: { hub: InboxHub; fiscalCode: string; unreadCount: () => Promise<number> },
  ): Promise<void> {
    response.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    })
    const sendCount = async () => {
      const unread = await source.unreadCount().catch(() => null)
      if (unread !== null && !response.writableEnded) {
        response.write(`event: unread\ndata: ${JSON.stringify({ unread })}\n\n`)
      }
    }
    this.responses.add(response)
    response.write('retry: 5000\n\n')
    await sendCount()
    const stop = await source.hub.subscribe(source.fiscalCode, () => void sendCount())
    const keepAlive = setInterval(() => response.write(': keep-alive\n\n'), STREAM_KEEPALIVE_MS)
    response.once('close', () => {
      clearInterval(keepAlive)
      stop()
      this.responses.delete(response)
    })
  }

  closeAll(): void {
    for (const response of this.responses) response.end()
  }
}
