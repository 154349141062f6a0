import type { FastifyReply } from 'fastify'

/** A personal PDF: never kept by caches on the way, saved under a name that says what it is. */
export function sendPdf(reply: FastifyReply, pdf: Buffer, filename: string) {
  return reply
    .header('cache-control', 'no-store')
    .header('content-disposition', `attachment; filename="${filename}"`)
    .type('application/pdf')
    .send(pdf)
}
