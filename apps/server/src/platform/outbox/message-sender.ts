/** An e-mail ready to go: plain text always, HTML when the message has a richer form. */
export interface EmailMessage {
  to: string
  subject: string
  text: string
  html?: string
  /** A stable Message-ID, so a resend after a crash is recognised as the same message. */
  messageId?: string
  /** Extra headers, e.g. List-Unsubscribe for newsletters. */
  headers?: Record<string, string>
}

export interface SmsMessage {
  /** E.164, e.g. +393331234567. */
  to: string
  text: string
  /** Sent to gateways that accept one, so a retried request is not a second SMS. */
  idempotencyKey?: string
}

/**
 * The outbound port: one adapter per channel, chosen by configuration. `send` resolves once the
 * message is accepted by the relay (or stored, for the dev outbox) and rejects when it was not.
 */
export interface MessageSender<Message> {
  /** Which adapter this is, for logs and health pages. */
  readonly adapter: string
  send(message: Message): Promise<void>
}

export interface MessageSenders {
  email: MessageSender<EmailMessage>
  sms: MessageSender<SmsMessage>
}

export class MessageNotSentError extends Error {
  constructor(
    readonly adapter: string,
    detail: string,
    options?: { cause?: unknown },
  ) {
    super(`${adapter}: ${detail}`, options)
  }
}
