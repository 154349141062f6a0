import { z } from 'zod'
import type { Locale } from '../../platform/i18n.js'
import { registerTemplate } from '../notifications/templates.js'

export const CERTIFICATE_ISSUED_TEMPLATE = 'certificates.issued'

registerTemplate({
  id: CERTIFICATE_ISSUED_TEMPLATE,
  topic: 'certificates',
  legal: false,
  params: z.object({ title: z.string(), protocol: z.string(), validUntil: z.string() }),
  render(locale: Locale, params) {
    if (locale === 'en') {
      return {
        subject: `Your certificate is ready: ${params.title}`,
        bodyMarkdown: `The certificate **${params.title}** (protocol ${params.protocol}) has been issued and is valid until ${params.validUntil}.\n\nDownload it from your personal area, under Documents.`,
        sms: `Certificate ready: ${params.title}, protocol ${params.protocol}.`,
        push: { title: 'Certificate ready', body: params.title },
        actionLabel: 'Open your documents',
      }
    }
    return {
      subject: `Il tuo certificato è pronto: ${params.title}`,
      bodyMarkdown: `Il certificato **${params.title}** (protocollo ${params.protocol}) è stato rilasciato ed è valido fino al ${params.validUntil}.\n\nLo trovi nella tua area personale, alla voce Documenti.`,
      sms: `Certificato pronto: ${params.title}, protocollo ${params.protocol}.`,
      push: { title: 'Certificato pronto', body: params.title },
      actionLabel: 'Apri i tuoi documenti',
    }
  },
})
