import { MessageNotSentError, type MessageSender, type SmsMessage } from './message-sender.js'

export const SMS_GATEWAY_ADAPTER = 'http-gateway'
const GATEWAY_TIMEOUT_MS = 10_000

/** SMS through an HTTP gateway: POST {to, text} as JSON with a bearer token; any 2xx means accepted. */
export function smsGatewaySender(options: { url: string; token: string }): MessageSender<SmsMessage> {
  return {
    adapter: SMS_GATEWAY_ADAPTER,
    async send(message) {
      let response: Response
      try {
        response = await fetch(options.url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            authorization: `Bearer ${options.token}`,
            ...(message.idempotencyKey ? { 'idempotency-key': message.idempotencyKey } : {}),
          },
          body: JSON.stringify({ to: message.to, text: message.text }),
          signal: AbortSignal.timeout(GATEWAY_TIMEOUT_MS),
        })
      } catch (error) {
        throw new MessageNotSentError(SMS_GATEWAY_ADAPTER, (error as Error).message, { cause: error })
      }
      // Drain the body so the connection can be reused.
      await response.arrayBuffer().catch(() => undefined)
      if (!response.ok) {
        throw new MessageNotSentError(SMS_GATEWAY_ADAPTER, `gateway answered ${response.status}`)
      }
    },
  }
}
