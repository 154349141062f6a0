import type { Agent } from 'node:https'
import webpush from 'web-push'

export interface VapidKeys {
  publicKey: string
  privateKey: string
}

export interface PushTarget {
  endpoint: string
  p256dh: string
  auth: string
}

/** What the service worker receives; it shows `title` and `body` and opens `url` on a tap. */
export interface PushPayload {
  title: string
  body: string
  url: string
  messageId: string
}

export type PushOutcome =
  | { outcome: 'sent' }
  /** The browser dropped the subscription (404/410): forget it. */
  | { outcome: 'gone' }
  | { outcome: 'failed'; error: string; retry: boolean }

export interface PushSender {
  send(
    target: PushTarget,
    payload: PushPayload,
    options: { ttlSeconds: number; urgency: 'normal' | 'high' },
  ): Promise<PushOutcome>
}

export function createVapidKeys(): VapidKeys {
  return webpush.generateVAPIDKeys()
}

const PUSH_TIMEOUT_MS = 10_000

/** Real Web Push (RFC 8030 with VAPID and aes128gcm payload encryption) through the `web-push` library. */
export function webPushSender(keys: VapidKeys, subject: string, options: { agent?: Agent } = {}): PushSender {
  return {
    async send(target, payload, sendOptions) {
      try {
        await webpush.sendNotification(
          { endpoint: target.endpoint, keys: { p256dh: target.p256dh, auth: target.auth } },
          JSON.stringify(payload),
          {
            TTL: sendOptions.ttlSeconds,
            urgency: sendOptions.urgency,
            // One notification per message: a retry replaces rather than repeats it on the device.
            topic: payload.messageId.replace(/-/g, '').slice(0, 32),
            vapidDetails: { subject, publicKey: keys.publicKey, privateKey: keys.privateKey },
            timeout: PUSH_TIMEOUT_MS,
            contentEncoding: 'aes128gcm',
            ...(options.agent ? { agent: options.agent } : {}),
          },
        )
        return { outcome: 'sent' }
      } catch (error) {
        const status = (error as { statusCode?: number }).statusCode
        if (status === 404 || status === 410) return { outcome: 'gone' }
        // 4xx other than 429 will not improve with retries (bad payload, bad keys).
        const retry = status === undefined || status === 429 || status >= 500
        return { outcome: 'failed', error: `${status ?? 'network'}: ${(error as Error).message}`, retry }
      }
    },
  }
}
