import { z } from 'zod'
import { formatEuro } from '../../platform/format.js'
import type { Locale } from '../../platform/i18n.js'
import { registerTemplate } from '../notifications/templates.js'

export const PAYMENT_RECEIVED_TEMPLATE = 'payments.received'
export const PAYMENT_REFUNDED_TEMPLATE = 'payments.refunded'

const ZPaid = z.object({ description: z.string(), amountCents: z.number().int(), nav: z.string() })

registerTemplate({
  id: PAYMENT_RECEIVED_TEMPLATE,
  topic: 'payments',
  legal: false,
  params: ZPaid,
  render(locale: Locale, params) {
    const amount = formatEuro(params.amountCents, locale)
    if (locale === 'en') {
      return {
        subject: `Payment received: ${params.description}`,
        bodyMarkdown: `We received your payment of **${amount}** for ${params.description} (notice ${params.nav}).\n\nThe receipt is in your personal area, under Payments.`,
        sms: `Payment of ${amount} received: ${params.description}.`,
        push: { title: 'Payment received', body: `${amount} – ${params.description}` },
        actionLabel: 'See your payments',
      }
    }
    return {
      subject: `Pagamento ricevuto: ${params.description}`,
      bodyMarkdown: `Abbiamo ricevuto il tuo pagamento di **${amount}** per ${params.description} (avviso ${params.nav}).\n\nLa ricevuta è nella tua area personale, alla voce Pagamenti.`,
      sms: `Pagamento di ${amount} ricevuto: ${params.description}.`,
      push: { title: 'Pagamento ricevuto', body: `${amount} – ${params.description}` },
      actionLabel: 'Vedi i tuoi pagamenti',
    }
  },
})

registerTemplate({
  id: PAYMENT_REFUNDED_TEMPLATE,
  topic: 'payments',
  legal: true,
  params: ZPaid.extend({ reason: z.string() }),
  render(locale: Locale, params) {
    const amount = formatEuro(params.amountCents, locale)
    if (locale === 'en') {
      return {
        subject: `Refund of ${amount}: ${params.description}`,
        bodyMarkdown: `The city is refunding **${amount}** paid for ${params.description} (notice ${params.nav}).\n\nReason: ${params.reason}`,
        sms: `Refund of ${amount}: ${params.description}.`,
        push: { title: 'Refund', body: `${amount} – ${params.description}` },
        actionLabel: 'See your payments',
      }
    }
    return {
      subject: `Rimborso di ${amount}: ${params.description}`,
      bodyMarkdown: `Il Comune ti rimborsa **${amount}** pagati per ${params.description} (avviso ${params.nav}).\n\nMotivo: ${params.reason}`,
      sms: `Rimborso di ${amount}: ${params.description}.`,
      push: { title: 'Rimborso', body: `${amount} – ${params.description}` },
      actionLabel: 'Vedi i tuoi pagamenti',
    }
  },
})
