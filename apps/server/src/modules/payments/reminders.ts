import { z } from 'zod'
import { inTransaction } from '../../db/transaction.js'
import { formatEuro, formatLongDate } from '../../platform/format.js'
import type { Locale } from '../../platform/i18n.js'
import { getCityProfile } from '../city/service.js'
import { type ProactiveRule, registerRule } from '../notifications/rules.js'
import { notifyCitizen } from '../notifications/service.js'
import { oneSms, registerTemplate } from '../notifications/templates.js'
import { dayNumberFromIso, isoFromDayNumber } from '../registry/calendar-days.js'
import { formatNoticeNumber } from './policy.js'
import { listOptionsDueBetween } from './repo.js'

export const PAYMENT_DUE_TEMPLATE = 'payments.due'
export const PAYMENT_OVERDUE_TEMPLATE = 'payments.overdue'

const ZDue = z.object({
  description: z.string(),
  amountCents: z.number().int(),
  dueDate: z.iso.date(),
  nav: z.string(),
})

function words(locale: Locale, params: z.infer<typeof ZDue>) {
  return {
    amount: formatEuro(params.amountCents, locale),
    date: formatLongDate(params.dueDate, locale),
    nav: formatNoticeNumber(params.nav),
  }
}

registerTemplate({
  id: PAYMENT_DUE_TEMPLATE,
  topic: 'payments',
  legal: true,
  params: ZDue,
  render(locale, params) {
    const { amount, date, nav } = words(locale, params)
    const subject =
      locale === 'en'
        ? `${params.description}: ${amount} due on ${date}`
        : `${params.description}: ${amount} entro il ${date}`
    return {
      subject,
      bodyMarkdown:
        locale === 'en'
          ? `The payment of **${amount}** for ${params.description} is due on **${date}** (notice ${nav}).\n\nYou can pay it online with pagoPA from your personal area.`
          : `Il pagamento di **${amount}** per ${params.description} scade il **${date}** (avviso ${nav}).\n\nPuoi pagarlo online con pagoPA dalla tua area personale.`,
      sms: oneSms(subject),
      push: {
        title: subject,
        body: locale === 'en' ? 'Pay it online with pagoPA.' : 'Pagalo online con pagoPA.',
      },
      actionLabel: locale === 'en' ? 'Pay' : 'Paga',
    }
  },
})

registerTemplate({
  id: PAYMENT_OVERDUE_TEMPLATE,
  topic: 'payments',
  legal: true,
  params: ZDue,
  render(locale, params) {
    const { amount, date, nav } = words(locale, params)
    const subject =
      locale === 'en'
        ? `Overdue: ${params.description}, ${amount}`
        : `Scaduto: ${params.description}, ${amount}`
    return {
      subject,
      bodyMarkdown:
        locale === 'en'
          ? `The payment of **${amount}** for ${params.description} was due on ${date} (notice ${nav}) and we have not received it.\n\nIf you paid in the last few days, ignore this message. Otherwise pay it now to avoid further charges.`
          : `Il pagamento di **${amount}** per ${params.description} scadeva il ${date} (avviso ${nav}) e non ci risulta.\n\nSe hai pagato negli ultimi giorni, ignora questo messaggio. Altrimenti pagalo ora per evitare maggiorazioni.`,
      sms: oneSms(subject),
      push: { title: subject, body: locale === 'en' ? 'Pay it now with pagoPA.' : 'Pagalo ora con pagoPA.' },
      actionLabel: locale === 'en' ? 'Pay' : 'Paga',
    }
  },
})

/**
 * Writes to debtors about notices due in a window of days from today. The window reaches a week
 * back, so a day the rule did not run is caught up; dedupe keys make each reminder once.
 */
function dueRule(
  id: string,
  template: string,
  window: { from: number; to: number },
  title: ProactiveRule['title'],
): ProactiveRule {
  return {
    id,
    title,
    async run(ctx) {
      const today = dayNumberFromIso(ctx.today)
      const from = isoFromDayNumber(today + window.from)
      const to = isoFromDayNumber(today + window.to)
      const city = await getCityProfile({ db: ctx.db })
      let afterId: string | undefined
      let created = 0
      for (;;) {
        const page = await listOptionsDueBetween(ctx.db, { from, to, afterId, limit: 500 })
        if (page.length === 0) break
        afterId = page.at(-1)?.optionId
        created += await inTransaction(ctx.db, async (tx) => {
          let count = 0
          for (const due of page) {
            const result = await notifyCitizen(tx, ctx.notify, {
              recipientFiscalCode: due.debtorFiscalCode,
              template,
              params: {
                description: due.description,
                amountCents: due.amountCents,
                dueDate: due.dueDate,
                nav: due.nav,
              },
              dedupeKey: `rule:${id}:${due.optionId}`,
              dueDate: due.dueDate,
              payment: {
                noticeNumber: due.nav,
                amountCents: due.amountCents,
                payeeFiscalCode: city?.fiscalCode ?? '',
              },
              action: { url: '/area-personale/pagamenti' },
            })
            if (result.created) count++
          }
          return count
        })
      }
      return created
    },
  }
}

registerRule(
  dueRule(
    'instalment-due-7',
    PAYMENT_DUE_TEMPLATE,
    { from: 1, to: 7 },
    {
      it: 'Rate e avvisi in scadenza tra 7 giorni',
      en: 'Instalments and notices due in 7 days',
    },
  ),
)
registerRule(
  dueRule(
    'instalment-overdue',
    PAYMENT_OVERDUE_TEMPLATE,
    { from: -7, to: -1 },
    {
      it: 'Rate e avvisi scaduti e non pagati',
      en: 'Instalments and notices overdue and unpaid',
    },
  ),
)
