import { describe, expect, it } from 'vitest'
import { AppError } from '../../platform/errors.js'
import { createLogger } from '../../platform/logger.js'
import { type ImapClient, parseImapUrl, pollMailboxOnce, startImapPoller } from './mail-imap.js'

const logger = createLogger({ level: 'silent', pretty: false })

/** An IMAP server's folder in memory, answering the calls the poller makes as ImapFlow would. */
function fakeMailbox(messages: Record<number, string>) {
  const seen = new Set<number>()
  const calls: string[] = []
  let locked = false
  const client: ImapClient = {
    async connect() {
      calls.push('connect')
    },
    async getMailboxLock(path) {
      calls.push(`lock ${path}`)
      locked = true
      return {
        release: () => {
          locked = false
          calls.push('release')
        },
      }
    },
    async search(query) {
      expect(locked).toBe(true)
      expect(query).toEqual({ seen: false })
      return Object.keys(messages)
        .map(Number)
        .filter((uid) => !seen.has(uid))
    },
    async fetchOne(uid) {
      const source = messages[Number(uid)]
      return source === undefined ? false : { source: Buffer.from(source) }
    },
    async messageFlagsAdd(uid, flags) {
      expect(flags).toEqual(['\\Seen'])
      seen.add(Number(uid))
      return true
    },
    async logout() {
      calls.push('logout')
    },
  }
  return { client, seen, calls }
}

describe('the IMAP poller', () => {
  it('reads the folder from the URL', () => {
    expect(parseImapUrl('imaps://crm%40comune.it:p%40ss@mail.example.it/CRM%20In')).toEqual({
      host: 'mail.example.it',
      port: 993,
      secure: true,
      user: 'crm@comune.it',
      password: 'p@ss',
      mailbox: 'CRM In',
    })
    expect(parseImapUrl('imap://u:p@mail.example.it:1143')).toMatchObject({
      port: 1143,
      secure: false,
      mailbox: 'INBOX',
    })
  })

  it('feeds every unseen message and flags it seen only once it is handled', async () => {
    const mailbox = fakeMailbox({ 1: 'uno', 2: 'due', 3: 'tre' })
    const handled: string[] = []
    let databaseUp = false
    const receive = async (raw: Buffer) => {
      const text = raw.toString()
      if (text === 'due' && !databaseUp) throw new Error('connection refused')
      if (text === 'tre') throw new AppError('PAYLOAD_TOO_LARGE')
      handled.push(text)
    }
    const first = await pollMailboxOnce(mailbox.client, 'INBOX', receive, logger)
    expect(first).toEqual({ received: 1, refused: 1, failed: 1 })
    expect(handled).toEqual(['uno'])
    // The failure was for now: that message stays unseen; the refused one will not come back.
    expect([...mailbox.seen].sort()).toEqual([1, 3])
    expect(mailbox.calls).toEqual(['connect', 'lock INBOX', 'release', 'logout'])

    databaseUp = true
    const second = await pollMailboxOnce(mailbox.client, 'INBOX', receive, logger)
    expect(second).toEqual({ received: 1, refused: 0, failed: 0 })
    expect(handled).toEqual(['uno', 'due'])
    expect(await pollMailboxOnce(mailbox.client, 'INBOX', receive, logger)).toEqual({
      received: 0,
      refused: 0,
      failed: 0,
    })
  })

  it('releases the folder and logs out when the server fails mid-pass', async () => {
    const mailbox = fakeMailbox({ 1: 'uno' })
    mailbox.client.fetchOne = async () => {
      throw new Error('socket closed')
    }
    await expect(pollMailboxOnce(mailbox.client, 'INBOX', async () => {}, logger)).rejects.toThrow(
      'socket closed',
    )
    expect(mailbox.calls).toEqual(['connect', 'lock INBOX', 'release', 'logout'])
    expect(mailbox.seen.size).toBe(0)
  })

  it('polls on start and again on demand, one connection per pass, until stopped', async () => {
    const mailbox = fakeMailbox({ 7: 'sette' })
    const received: string[] = []
    let connections = 0
    const poller = startImapPoller({
      url: 'imaps://u:p@mail.example.it/INBOX',
      receive: async (raw) => {
        received.push(raw.toString())
      },
      logger,
      intervalMs: 60_000,
      connect: (address) => {
        expect(address.host).toBe('mail.example.it')
        connections++
        return mailbox.client
      },
    })
    await poller.pollNow()
    await poller.pollNow()
    await poller.stop()
    expect(received).toEqual(['sette'])
    expect(connections).toBeGreaterThanOrEqual(2)
  })
})
