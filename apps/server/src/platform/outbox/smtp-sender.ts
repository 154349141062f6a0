import nodemailer from 'nodemailer'
import { type EmailMessage, MessageNotSentError, type MessageSender } from './message-sender.js'

export const SMTP_ADAPTER = 'smtp'

/**
 * E-mail through the city's SMTP relay. One pooled transport per process: the relay sees a few long
 * connections instead of one per message.
 */
export function smtpEmailSender(options: { url: string; from: string }): MessageSender<EmailMessage> & {
  close(): void
} {
  const transport = nodemailer.createTransport(
    // A few long connections, each reused for many messages: the relay sees steady, parallel sessions.
    { url: options.url, pool: true, maxConnections: 8, maxMessages: 1000 },
    { from: options.from },
  )
  return {
    adapter: SMTP_ADAPTER,
    async send(message) {
      try {
        await transport.sendMail({
          to: message.to,
          subject: message.subject,
          text: message.text,
          ...(message.html ? { html: message.html } : {}),
          ...(message.messageId ? { messageId: message.messageId } : {}),
          ...(message.headers ? { headers: message.headers } : {}),
        })
      } catch (error) {
        throw new MessageNotSentError(SMTP_ADAPTER, (error as Error).message, { cause: error })
      }
    },
    close() {
      transport.close()
    },
  }
}
