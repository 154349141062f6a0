import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { PUBLIC, type RouteAccess } from '../../platform/http/access.js'
import type { AppDependencies } from '../../platform/http/dependencies.js'
import { sendPdf } from '../../platform/http/pdf-reply.js'
import { limitPerAddress } from '../../platform/http/rate-limit.js'
import { serviceContext } from '../../platform/http/service-context.js'
import { issueDeps } from './jobs.js'
import { CERTIFICATE_TYPE_IDS, CERTIFICATE_TYPES, STAMP_DUTY_CENTS, STAMP_EXEMPTIONS } from './policy.js'
import {
  ZCertificateOptions,
  ZCertificateRequest,
  ZCertificateRequested,
  ZMyCertificates,
  ZVerification,
  ZVerificationCode,
} from './schema.js'
import {
  type CertificateRequest,
  type CertificatesContext,
  downloadMyCertificate,
  listMyCertificates,
  requestCertificate,
} from './service.js'
import { compareUploadedPdf, verifyCertificate } from './verification.js'

const CITIZEN: RouteAccess = { kind: 'citizen' }
// An official certificate, like a payment, asks for SPID level 2 or CIE.
const CITIZEN_LEVEL_2: RouteAccess = { kind: 'citizen', minimumLevel: 2 }
const TAGS = ['certificates']
/** A certificate is a few tens of kilobytes; a copy larger than this is not one of ours. */
const UPLOAD_LIMIT_BYTES = 2 * 1024 * 1024

export function certificateRoutes(deps: AppDependencies): FastifyPluginAsyncZod {
  const issuing = issueDeps(deps)
  return async (app) => {
    app.get(
      '/certificates/options',
      {
        config: { access: PUBLIC },
        schema: {
          tags: TAGS,
          summary: 'Certificate types, languages, stamp-duty exemptions and fees of this city',
          response: { 200: ZCertificateOptions },
        },
      },
      async () => ({
        types: CERTIFICATE_TYPE_IDS.map((id) => ({
          id,
          title: CERTIFICATE_TYPES[id].title,
          anpr: CERTIFICATE_TYPES[id].anpr,
          stampDuty: !CERTIFICATE_TYPES[id].civilStatus,
        })),
        languages: [
          'it' as const,
          ...(deps.config.certificates.secondLanguage
            ? [`it-${deps.config.certificates.secondLanguage}` as const]
            : []),
        ],
        exemptions: Object.entries(STAMP_EXEMPTIONS).map(([code, exemption]) => ({
          code,
          use: exemption.use,
          reference: exemption.reference,
          feeFree: exemption.feeFree,
        })),
        stampCents: STAMP_DUTY_CENTS,
        fees: deps.config.certificates.fees,
      }),
    )

    app.post(
      '/certificates',
      {
        config: { access: CITIZEN_LEVEL_2 },
        schema: {
          tags: TAGS,
          summary: 'Request a certificate: issued at once, or once its stamp duty is paid through pagoPA',
          body: ZCertificateRequest,
          response: { 201: ZCertificateRequested },
        },
      },
      async (request, reply) => {
        const ctx: CertificatesContext = {
          ...serviceContext(deps, request),
          registry: deps.registry,
          settings: issuing.settings,
          notify: issuing.notify,
        }
        const result = await requestCertificate(ctx, request.body as CertificateRequest)
        return reply.code(201).send(result)
      },
    )

    app.get(
      '/certificates',
      {
        config: { access: CITIZEN },
        schema: {
          tags: TAGS,
          summary: 'The certificates the citizen asked for (Documenti)',
          response: { 200: ZMyCertificates },
        },
      },
      async (request, reply) => {
        reply.header('cache-control', 'no-store')
        return listMyCertificates(serviceContext(deps, request))
      },
    )

    app.get(
      '/certificates/:id/certificate.pdf',
      {
        config: { access: CITIZEN_LEVEL_2 },
        schema: {
          tags: TAGS,
          summary: 'The issued certificate, byte for byte as sealed',
          params: z.object({ id: z.uuid() }),
          produces: ['application/pdf'],
        },
      },
      async (request, reply) => {
        const pdf = await downloadMyCertificate(serviceContext(deps, request), request.params.id)
        return sendPdf(reply, pdf, 'certificato.pdf')
      },
    )

    const verificationRoutes: FastifyPluginAsyncZod = async (verification) => {
      await limitPerAddress(verification, { max: 60, timeWindowMs: 60_000, what: 'certificate verification' })
      verification.addContentTypeParser(
        'application/pdf',
        { parseAs: 'buffer', bodyLimit: UPLOAD_LIMIT_BYTES },
        (_request, body, done) => done(null, body),
      )

      verification.get(
        '/certificates/verify/:code',
        {
          config: { access: PUBLIC },
          schema: {
            tags: TAGS,
            summary: 'What a verification code certifies, to whom (masked), and whether it is still valid',
            params: ZVerificationCode,
            response: { 200: ZVerification },
          },
        },
        async (request, reply) => {
          reply.header('cache-control', 'no-store')
          return verifyCertificate(serviceContext(deps, request), request.params.code)
        },
      )

      verification.post(
        '/certificates/verify/:code',
        {
          config: { access: PUBLIC, csrf: false },
          bodyLimit: UPLOAD_LIMIT_BYTES,
          schema: {
            tags: TAGS,
            summary: 'Compare a PDF copy (application/pdf) with the certificate issued under this code',
            consumes: ['application/pdf'],
            params: ZVerificationCode,
            response: { 200: z.object({ matches: z.boolean() }) },
          },
        },
        async (request) =>
          compareUploadedPdf(serviceContext(deps, request), request.params.code, request.body as Buffer),
      )
    }
    // Its own plugin, so the rate limit and the PDF body parser apply to these two routes only.
    await app.register(verificationRoutes)
  }
}
