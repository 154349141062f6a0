import type { Config } from '../../config.js'
import type { Database } from '../../db/client.js'
import { devOutboxEmailSender, devOutboxSmsSender } from './dev-outbox-sender.js'
import { devOutboxIoSender, type IoSender, ioApiSender, OFF_IO_SENDER } from './io-sender.js'
import type { MessageSenders } from './message-sender.js'
import { smsGatewaySender } from './sms-gateway-sender.js'
import { smtpEmailSender } from './smtp-sender.js'

// Keyed by database so each test app (its own database) gets its own senders, and a running process
// builds them, with the SMTP connection pool, once.
const sendersByDatabase = new WeakMap<Database, MessageSenders>()

/** The e-mail and SMS senders the configuration selects: SMTP and the HTTP gateway, or the dev outbox. */
export function createMessageSenders(config: Pick<Config, 'mail' | 'sms'>, db: Database): MessageSenders {
  const cached = sendersByDatabase.get(db)
  if (cached) return cached
  const senders: MessageSenders = {
    email:
      config.mail.transport.kind === 'smtp'
        ? smtpEmailSender({ url: config.mail.transport.url, from: config.mail.from })
        : devOutboxEmailSender(db),
    sms: config.sms.kind === 'http-gateway' ? smsGatewaySender(config.sms) : devOutboxSmsSender(db),
  }
  sendersByDatabase.set(db, senders)
  return senders
}

/** Closes the pooled relay connections of a database's senders, at shutdown. */
export function closeMessageSenders(db: Database): void {
  const senders = sendersByDatabase.get(db)
  sendersByDatabase.delete(db)
  const email = senders?.email as { close?: () => void } | undefined
  email?.close?.()
}

/** The App IO sender the configuration selects: the IO services API, the dev outbox, or none. */
export function createIoSender(config: Pick<Config, 'io'>, db: Database): IoSender {
  switch (config.io.kind) {
    case 'io-api':
      return ioApiSender(config.io)
    case 'dev-outbox':
      return devOutboxIoSender(db)
    case 'off':
      return OFF_IO_SENDER
  }
}
