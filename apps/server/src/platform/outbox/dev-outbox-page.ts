import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { escapeHtml } from '../html.js'
import { PUBLIC } from '../http/access.js'
import type { AppDependencies } from '../http/dependencies.js'
import { type DevOutboxMessage, listLatestDevOutboxMessages } from './dev-outbox-repo.js'

const PAGE_SIZE = 50

const ZOutboxQuery = z.object({ to: z.string().max(320).optional() })

const ZOutboxMessage = z.object({
  id: z.number().int(),
  channel: z.enum(['email', 'sms']),
  recipient: z.string(),
  subject: z.string().nullable(),
  text: z.string(),
  html: z.string().nullable(),
  createdAt: z.iso.datetime(),
})

function renderMessage(message: DevOutboxMessage): string {
  const when = message.createdAt.toLocaleString('it-IT', { timeZone: 'Europe/Rome' })
  const subject = message.subject ? `<h2>${escapeHtml(message.subject)}</h2>` : ''
  // The HTML version is shown as source: rendering it here would run whatever a template let through.
  const html = message.html
    ? `<details><summary>HTML</summary><pre>${escapeHtml(message.html)}</pre></details>`
    : ''
  return `<article>
  <p class="meta"><strong>${message.channel === 'email' ? 'E-mail' : 'SMS'}</strong> a
    <code>${escapeHtml(message.recipient)}</code> · <time datetime="${message.createdAt.toISOString()}">${escapeHtml(when)}</time></p>
  ${subject}<pre>${escapeHtml(message.text)}</pre>${html}
</article>`
}

export function renderDevOutboxPage(messages: DevOutboxMessage[]): string {
  const body =
    messages.length === 0 ? '<p>Nessun messaggio inviato finora.</p>' : messages.map(renderMessage).join('\n')
  return `<!doctype html>
<html lang="it">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Posta in uscita (sviluppo) – Civico</title>
<style>
  body { font-family: system-ui, sans-serif; margin: 0 auto; max-width: 60rem; padding: 1rem; color: #1a1a1a; }
  article { border: 1px solid #c5c7c9; border-radius: 4px; padding: 0.75rem 1rem; margin: 0 0 1rem; }
  pre { white-space: pre-wrap; word-break: break-word; background: #f5f5f5; padding: 0.5rem; }
  .meta { color: #404040; margin: 0; }
  h2 { font-size: 1.1rem; margin: 0.5rem 0; }
</style>
</head>
<body>
<main>
<h1>Posta in uscita (sviluppo)</h1>
<p>Gli ultimi ${PAGE_SIZE} messaggi e-mail e SMS che l’installazione avrebbe inviato. In produzione questa pagina non esiste.</p>
${body}
</main>
</body>
</html>`
}

/**
 * The dev outbox pages: /dev/outbox for people and /dev/outbox.json for browser journeys that need a
 * one-time code. Never registered in production, where messages leave through real relays.
 */
export async function registerDevOutbox(app: FastifyInstance, deps: AppDependencies): Promise<void> {
  if (deps.config.env === 'production') return
  const routes = app.withTypeProvider<ZodTypeProvider>()
  routes.get(
    '/dev/outbox',
    { config: { access: PUBLIC }, schema: { hide: true, querystring: ZOutboxQuery } },
    async (request, reply) => {
      const messages = await listLatestDevOutboxMessages(deps.db, {
        limit: PAGE_SIZE,
        recipient: request.query.to,
      })
      return reply
        .type('text/html; charset=utf-8')
        .header('cache-control', 'no-store')
        .send(renderDevOutboxPage(messages))
    },
  )
  routes.get(
    '/dev/outbox.json',
    {
      config: { access: PUBLIC },
      schema: { hide: true, querystring: ZOutboxQuery, response: { 200: z.array(ZOutboxMessage) } },
    },
    async (request, reply) => {
      const messages = await listLatestDevOutboxMessages(deps.db, {
        limit: PAGE_SIZE,
        recipient: request.query.to,
      })
      reply.header('cache-control', 'no-store')
      return messages.map((message) => ({
        ...message,
        channel: message.channel as 'email' | 'sms',
        createdAt: message.createdAt.toISOString(),
      }))
    },
  )
}
