import type { Database } from '../../db/client.js'
import { insertDevOutboxMessage } from './dev-outbox-repo.js'
import type { EmailMessage, MessageSender, SmsMessage } from './message-sender.js'

export const DEV_OUTBOX_ADAPTER = 'dev-outbox'

/** E-mail kept in the database instead of being sent: the embedded default. */
export function devOutboxEmailSender(db: Database): MessageSender<EmailMessage> {
  return {
    adapter: DEV_OUTBOX_ADAPTER,
    async send(message) {
      await insertDevOutboxMessage(db, {
        channel: 'email',
        recipient: message.to,
        subject: message.subject,
        text: message.text,
        html: message.html ?? null,
        headers: message.headers ?? null,
      })
    },
  }
}

export function devOutboxSmsSender(db: Database): MessageSender<SmsMessage> {
  return {
    adapter: DEV_OUTBOX_ADAPTER,
    async send(message) {
      await insertDevOutboxMessage(db, { channel: 'sms', recipient: message.to, text: message.text })
    },
  }
}
