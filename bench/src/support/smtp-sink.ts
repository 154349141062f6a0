import type { AddressInfo } from 'node:net'
import { SMTPServer } from 'smtp-server'

/**
 * The receiving mail system of the benchmark: a real SMTP server on loopback that counts each
 * Message-ID, so copies sent twice after a crash show up as duplicates.
 */
export async function startSmtpSink() {
  const seen = new Map<string, number>()
  let received = 0
  let lastAt = 0
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    disableReverseLookup: true,
    logger: false,
    maxClients: 200,
    onData(stream, _session, callback) {
      let head = ''
      stream.on('data', (chunk: Buffer) => {
        if (head.length < 8192) head += chunk.toString('latin1')
      })
      stream.on('end', () => {
        const id = /^Message-ID:\s*(\S+)/im.exec(head)?.[1] ?? `missing-${received}`
        seen.set(id, (seen.get(id) ?? 0) + 1)
        received++
        lastAt = Date.now()
        callback()
      })
    },
  })
  // A client that dies mid-message (a killed worker) resets its connection; the server goes on.
  server.on('error', () => {})
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`,
    get received() {
      return received
    },
    get unique() {
      return seen.size
    },
    get lastAt() {
      return lastAt
    },
    reset() {
      seen.clear()
      received = 0
      lastAt = 0
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
