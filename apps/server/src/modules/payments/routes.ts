import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { RouteAccess } from '../../platform/http/access.js'
import type { AppDependencies } from '../../platform/http/dependencies.js'
import { sendPdf } from '../../platform/http/pdf-reply.js'
import { serviceContext } from '../../platform/http/service-context.js'
import { notifyDeps } from '../notifications/jobs.js'
import { listMyReceipts, renderMyPaymentsList, renderMyReceipt } from './archive.js'
import { importRoll } from './import.js'
import { createPaymentProvider } from './provider.js'
import { recordReceipt } from './receipts.js'
import {
  ZCheckoutInput,
  ZCheckoutStarted,
  ZImportQuery,
  ZImportResult,
  ZMyPayments,
  ZMyReceipts,
  ZReceiptInput,
  ZReceiptResult,
  ZRefundInput,
  ZRefundResult,
} from './schema.js'
import { listMyPayments, recordRefund, renderMyNotice, startCheckout } from './service.js'

// Payment notices carry amounts and debts: SPID level 2 or CIE, as for the folder's sensitive parts.
const CITIZEN: RouteAccess = { kind: 'citizen', minimumLevel: 2 }
const PAYMENTS_OFFICE: RouteAccess = { kind: 'staff', roles: ['admin', 'supervisor'] }
const RECEIPTS: RouteAccess = { kind: 'api-client', scopes: ['payments:receipts'] }
const TAGS = ['payments']
/** A year's TARI roll of a large city is about a hundred megabytes. */
const ROLL_LIMIT_BYTES = 256 * 1024 * 1024

export function paymentRoutes(deps: AppDependencies): FastifyPluginAsyncZod {
  const provider = createPaymentProvider(deps.config)
  return async (app) => {
    app.addContentTypeParser(
      'text/csv',
      { parseAs: 'string', bodyLimit: ROLL_LIMIT_BYTES },
      (_request, body, done) => done(null, body),
    )

    app.get(
      '/payments',
      {
        config: { access: CITIZEN },
        schema: {
          tags: TAGS,
          summary: 'The citizen’s dues: positions, instalments, receipts, refunds',
          response: { 200: ZMyPayments },
        },
      },
      async (request, reply) => {
        reply.header('cache-control', 'no-store')
        return listMyPayments(serviceContext(deps, request)) as never
      },
    )

    app.get(
      '/payments/positions/:id/notice.pdf',
      {
        config: { access: CITIZEN },
        schema: {
          tags: TAGS,
          summary: 'The payment notice (avviso) as a PDF, with a QR code per way to pay',
          params: z.object({ id: z.uuid() }),
          produces: ['application/pdf'],
        },
      },
      async (request, reply) => {
        const pdf = await renderMyNotice(serviceContext(deps, request), request.params.id)
        return sendPdf(reply, pdf, 'avviso-pagamento.pdf')
      },
    )

    app.get(
      '/payments/list.pdf',
      {
        config: { access: CITIZEN },
        schema: {
          tags: TAGS,
          summary: '"Stampa lista pagamenti": every position and instalment with its state, as a PDF',
          produces: ['application/pdf'],
        },
      },
      async (request, reply) => {
        const pdf = await renderMyPaymentsList(serviceContext(deps, request))
        return sendPdf(reply, pdf, 'lista-pagamenti.pdf')
      },
    )

    app.get(
      '/payments/receipts',
      {
        config: { access: CITIZEN },
        schema: {
          tags: TAGS,
          summary: 'The citizen’s payment receipts, newest first (the folder’s Documenti)',
          response: { 200: ZMyReceipts },
        },
      },
      async (request, reply) => {
        reply.header('cache-control', 'no-store')
        return listMyReceipts(serviceContext(deps, request))
      },
    )

    app.get(
      '/payments/receipts/:id/receipt.pdf',
      {
        config: { access: CITIZEN },
        schema: {
          tags: TAGS,
          summary: 'The receipt (ricevuta) of one paid notice, as a PDF',
          params: z.object({ id: z.uuid() }),
          produces: ['application/pdf'],
        },
      },
      async (request, reply) => {
        const pdf = await renderMyReceipt(serviceContext(deps, request), request.params.id)
        return sendPdf(reply, pdf, 'ricevuta-pagamento.pdf')
      },
    )

    app.post(
      '/payments/checkouts',
      {
        config: { access: CITIZEN },
        schema: {
          tags: TAGS,
          summary: 'Pay up to five notices together: answers where to send the browser',
          body: ZCheckoutInput,
          response: { 201: ZCheckoutStarted },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(
            await startCheckout(
              serviceContext(deps, request),
              { provider, publicUrl: deps.config.publicUrl },
              request.body,
            ),
          ),
    )

    app.post(
      '/payments/receipts',
      {
        config: { access: RECEIPTS },
        schema: {
          tags: TAGS,
          summary:
            'A receipt (ricevuta telematica) from the payment system; the same receipt twice is applied once',
          body: ZReceiptInput,
          response: { 200: ZReceiptResult },
        },
      },
      async (request) => {
        const body = request.body
        return recordReceipt(
          { db: deps.db, notify: notifyDeps(deps) },
          {
            provider: `api-client:${request.actor.type === 'api-client' ? request.actor.id : 'unknown'}`,
            providerReceiptId: body.receiptId,
            nav: body.noticeNumber,
            creditorFiscalCode: body.creditorFiscalCode,
            amountCents: body.amountCents,
            paidAt: new Date(body.paidAt),
            payerFiscalCode: body.payerFiscalCode ?? null,
            psp: body.psp ?? null,
          },
        )
      },
    )

    app.post(
      '/staff/payments/imports',
      {
        config: { access: PAYMENTS_OFFICE },
        bodyLimit: ROLL_LIMIT_BYTES,
        schema: {
          tags: TAGS,
          summary: 'Import a roll of positions (text/csv): all of it, or nothing with every bad line',
          consumes: ['text/csv'],
          querystring: ZImportQuery,
          body: z.string(),
          response: { 201: ZImportResult },
        },
      },
      async (request, reply) => {
        const result = await importRoll(serviceContext(deps, request), deps.config.payments, {
          csv: request.body,
          source: request.query.source,
        })
        return reply.code(201).send(result)
      },
    )

    app.post(
      '/staff/payments/refunds',
      {
        config: { access: PAYMENTS_OFFICE },
        schema: {
          tags: TAGS,
          summary: 'Record a refund on a paid notice (audited)',
          body: ZRefundInput,
          response: { 201: ZRefundResult },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(await recordRefund(serviceContext(deps, request), notifyDeps(deps), request.body)),
    )
  }
}
