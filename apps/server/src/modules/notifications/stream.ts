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

  get openStreams(): number {
    let count = 0
    for (const set of this.listeners.values()) count += set.size
    return count
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
