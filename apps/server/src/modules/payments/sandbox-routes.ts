import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { formatEuro } from '../../platform/format.js'
import { escapeHtml } from '../../platform/html.js'
import { PUBLIC } from '../../platform/http/access.js'
import type { AppDependencies } from '../../platform/http/dependencies.js'
import { acceptFormPosts } from '../../platform/http/form-body.js'
import { serviceContext } from '../../platform/http/service-context.js'
import { notifyDeps } from '../notifications/jobs.js'
import { formatNoticeNumber } from './policy.js'
import { completeSandboxCheckout, describeSandboxCheckout } from './service.js'

function page(title: string, body: string): string {
  return `<!doctype html><html lang="it"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title><style>
body{font-family:system-ui,sans-serif;margin:0;background:#f5f6f7;color:#1a1a1a}main{max-width:36rem;margin:0 auto;padding:1.5rem}
.banner{background:#ffd43b;padding:.5rem 1rem;font-weight:600}table{width:100%;border-collapse:collapse;background:#fff}
th,td{padding:.5rem;border-bottom:1px solid #d9dadb;text-align:left}button{font:inherit;padding:.75rem 1.25rem;margin:.5rem .5rem 0 0;border-radius:4px;border:2px solid #0066cc;cursor:pointer}
.pay{background:#0066cc;color:#fff}.other{background:#fff;color:#0066cc}</style></head>
<body><p class="banner" role="note">Ambiente di prova: nessun pagamento reale. <span lang="en">Sandbox: no real payment.</span></p><main>${body}</main></body></html>`
}

/** The sandbox checkout: the page pagoPA Checkout would be, with a button for each ending. */
export function sandboxCheckoutRoutes(deps: AppDependencies): FastifyPluginAsyncZod {
  return async (app) => {
    acceptFormPosts(app)

    app.get(
      '/sandbox/checkout/:id',
      { config: { access: PUBLIC }, schema: { hide: true, params: z.object({ id: z.uuid() }) } },
      async (request, reply) => {
        const { checkout, notices } = await describeSandboxCheckout(
          serviceContext(deps, request),
          request.params.id,
        )
        const rows = notices
          .map(
            (notice) =>
              `<tr><td>${escapeHtml(notice.description)}<br><small>${formatNoticeNumber(notice.nav)}</small></td><td>${formatEuro(notice.amountCents, 'it')}</td></tr>`,
          )
          .join('')
        const html = page(
          'Pagamento di prova',
          `<h1>Pagamento di prova</h1>
<table><caption>Avvisi nel carrello</caption><thead><tr><th scope="col">Avviso</th><th scope="col">Importo</th></tr></thead>
<tbody>${rows}</tbody><tfoot><tr><th scope="row">Totale</th><td>${formatEuro(checkout.totalCents, 'it')}</td></tr></tfoot></table>
<form method="post" action="/sandbox/checkout/${checkout.id}">
<button class="pay" name="outcome" value="pay">Paga ${formatEuro(checkout.totalCents, 'it')}</button>
<button class="other" name="outcome" value="fail">Simula un errore</button>
<button class="other" name="outcome" value="abandon">Annulla</button></form>`,
        )
        return reply.header('cache-control', 'no-store').type('text/html; charset=utf-8').send(html)
      },
    )

    app.post(
      '/sandbox/checkout/:id',
      {
        config: { access: PUBLIC, csrf: false },
        schema: {
          hide: true,
          params: z.object({ id: z.uuid() }),
          body: z.object({ outcome: z.enum(['pay', 'fail', 'abandon']) }),
        },
      },
      async (request, reply) => {
        const result = await completeSandboxCheckout(
          serviceContext(deps, request),
          notifyDeps(deps),
          request.params.id,
          request.body.outcome,
        )
        const outcome = { paid: 'ok', failed: 'errore', abandoned: 'annullato' }[result.status]
        return reply.redirect(
          `/area-personale/pagamenti?pagamento=${request.params.id}&esito=${outcome}`,
          303,
        )
      },
    )
  }
}
