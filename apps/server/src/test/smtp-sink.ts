import type { AddressInfo } from 'node:net'
import { SMTPServer } from 'smtp-server'

export interface ReceivedMail {
  to: string[]
  messageId: string | null
  headers: string
  raw: string
}

/**
 * A real SMTP server on loopback that keeps what it receives. Recipients in `refuse` get a
 * permanent 550, as a relay answers for a mailbox that does not exist.
 */
export async function startSmtpSink(options: { refuse?: string[] } = {}) {
  const received: ReceivedMail[] = []
  const refuse = new Set((options.refuse ?? []).map((address) => address.toLowerCase()))
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    // No reverse DNS of the client: on a machine without a resolver it stalls every connection.
    disableReverseLookup: true,
    onRcptTo(address, _session, callback) {
      if (refuse.has(address.address.toLowerCase())) {
        const error = new Error('mailbox unavailable') as Error & { responseCode: number }
        error.responseCode = 550
        return callback(error)
      }
      callback()
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = []
      stream.on('data', (chunk: Buffer) => chunks.push(chunk))
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8')
        const headers = raw.slice(0, raw.indexOf('\r\n\r\n'))
        received.push({
          to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
          messageId: /^Message-ID:\s*(.+)$/im.exec(headers)?.[1]?.trim() ?? null,
          headers,
          raw,
        })
        callback()
      })
    },
  })
  // A client that dies mid-message (a killed worker) resets its connection; the server goes on.
  server.on('error', () => {})
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
