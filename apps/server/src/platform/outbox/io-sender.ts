import { randomUUID } from 'node:crypto'
import type { Database } from '../../db/client.js'
import { insertDevOutboxMessage } from './dev-outbox-repo.js'
import { MessageNotSentError } from './message-sender.js'

/** A message for App IO: the limits are the IO services API's own. */
export interface IoMessage {
  fiscalCode: string
  /** 10–120 characters. */
  subject: string
  /** Markdown, 80–10,000 characters. */
  markdown: string
  dueDate?: string
  payment?: {
    amountCents: number
    noticeNumber: string
    payeeFiscalCode: string
    invalidAfterDueDate: boolean
  }
}

export type IoStatus = 'ACCEPTED' | 'THROTTLED' | 'PROCESSED' | 'FAILED' | 'REJECTED'

/** The IO port: look the citizen up, submit, read the status back. */
export interface IoSender {
  readonly adapter: string
  /** null when the citizen is not on IO; `allowed` false when they blocked this city's service. */
  profile(fiscalCode: string): Promise<{ allowed: boolean } | null>
  submit(message: IoMessage): Promise<string>
  status(fiscalCode: string, id: string): Promise<IoStatus>
}

export const IO_API_ADAPTER = 'io-api'
const IO_TIMEOUT_MS = 10_000

/**
 * IO refuses subjects and bodies outside its limits. Callers end bodies with the city's footer, so
 * they are long enough; here a very short subject names its sender and long texts are cut.
 */
export function fitForIo(message: IoMessage): IoMessage {
  const subject = message.subject.length < 10 ? `${message.subject} · Comune` : message.subject.slice(0, 120)
  if (message.markdown.length < 80) throw new RangeError('an IO message body needs at least 80 characters')
  return { ...message, subject, markdown: message.markdown.slice(0, 10_000) }
}

/** App IO through the services API with the city's subscription key. */
export function ioApiSender(options: { url: string; key: string }): IoSender {
  const base = options.url.replace(/\/$/, '')
  const call = async (path: string, init: RequestInit = {}): Promise<Response> => {
    try {
      return await fetch(`${base}${path}`, {
        ...init,
        headers: {
          'content-type': 'application/json',
          'ocp-apim-subscription-key': options.key,
          ...init.headers,
        },
        signal: AbortSignal.timeout(IO_TIMEOUT_MS),
      })
    } catch (error) {
      throw new MessageNotSentError(IO_API_ADAPTER, (error as Error).message, { cause: error })
    }
  }
  const fail = async (response: Response, what: string): Promise<never> => {
    await response.arrayBuffer().catch(() => undefined)
    throw new MessageNotSentError(IO_API_ADAPTER, `${what}: IO answered ${response.status}`)
  }
  return {
    adapter: IO_API_ADAPTER,
    async profile(fiscalCode) {
      const response = await call('/profiles', {
        method: 'POST',
        body: JSON.stringify({ fiscal_code: fiscalCode }),
      })
      if (response.status === 404) {
        await response.arrayBuffer().catch(() => undefined)
        return null
      }
      if (!response.ok) return fail(response, 'profile')
      const body = (await response.json()) as { sender_allowed?: boolean }
      return { allowed: body.sender_allowed !== false }
    },
    async submit(message) {
      const fitted = fitForIo(message)
      const response = await call('/messages', {
        method: 'POST',
        body: JSON.stringify({
          fiscal_code: fitted.fiscalCode,
          content: {
            subject: fitted.subject,
            markdown: fitted.markdown,
            ...(fitted.dueDate ? { due_date: `${fitted.dueDate}T23:59:59.000Z` } : {}),
            ...(fitted.payment
              ? {
                  payment_data: {
                    amount: fitted.payment.amountCents,
                    notice_number: fitted.payment.noticeNumber,
                    invalid_after_due_date: fitted.payment.invalidAfterDueDate,
                    payee: { fiscal_code: fitted.payment.payeeFiscalCode },
                  },
                }
              : {}),
          },
        }),
      })
      if (!response.ok) return fail(response, 'submit')
      const body = (await response.json()) as { id?: string }
      if (!body.id) throw new MessageNotSentError(IO_API_ADAPTER, 'submit: IO answered without an id')
      return body.id
    },
    async status(fiscalCode, id) {
      const response = await call(`/messages/${encodeURIComponent(fiscalCode)}/${encodeURIComponent(id)}`)
      if (!response.ok) return fail(response, 'status')
      const body = (await response.json()) as { status?: IoStatus }
      return body.status ?? 'ACCEPTED'
    },
  }
}

/** The embedded default: every citizen is "on IO", messages land in the dev outbox, at once processed. */
export function devOutboxIoSender(db: Database): IoSender {
  return {
    adapter: 'dev-outbox',
    async profile() {
      return { allowed: true }
    },
    async submit(message) {
      const fitted = fitForIo(message)
      await insertDevOutboxMessage(db, {
        channel: 'io',
        recipient: fitted.fiscalCode,
        subject: fitted.subject,
        text: fitted.markdown,
      })
      return randomUUID()
    },
    async status() {
      return 'PROCESSED'
    },
  }
}

/** IO not configured (production without a key): nobody is "on IO", so the channel is skipped. */
export const OFF_IO_SENDER: IoSender = {
  adapter: 'off',
  async profile() {
    return null
  },
  async submit() {
    throw new MessageNotSentError('off', 'App IO is not configured')
  },
  async status() {
    return 'FAILED'
  },
}
