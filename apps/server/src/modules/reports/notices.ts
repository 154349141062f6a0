import { z } from 'zod'
import type { Locale } from '../../platform/i18n.js'
import { oneSms, registerTemplate } from '../notifications/templates.js'
import { REPORT_STATUSES, type ReportStatus } from './policy.js'

export const REPORT_STATUS_TEMPLATE = 'reports.status-changed'

export const STATUS_WORDS: Record<Locale, Record<ReportStatus, string>> = {
  it: { open: 'aperta', 'in-progress': 'in lavorazione', closed: 'chiusa' },
  en: { open: 'open', 'in-progress': 'in progress', closed: 'closed' },
}

/** The public page of a report: every notice's button opens it. */
export function reportPageUrl(publicUrl: string, code: string): string {
  return `${publicUrl.replace(/\/$/, '')}/segnalazioni/${code}`
}

const ZStatusChanged = z.object({
  code: z.string(),
  category: z.string(),
  status: z.enum(REPORT_STATUSES),
  note: z.string().optional(),
})

const quote = (note: string | undefined) => (note ? `\n\n> ${note.replace(/\n/g, '\n> ')}` : '')

registerTemplate({
  id: REPORT_STATUS_TEMPLATE,
  topic: 'reports',
  legal: false,
  params: ZStatusChanged,
  render(locale, p) {
    if (locale === 'en') {
      const status = STATUS_WORDS.en[p.status]
      return {
        subject: `Your report ${p.code} is ${status}`,
        bodyMarkdown: `Your report **${p.category}** (${p.code}) is now **${status}**.${quote(p.note)}`,
        sms: oneSms(`Report ${p.code}: ${status}.`),
        push: { title: 'Report updated', body: `${p.code}: ${status}` },
        actionLabel: 'See the report',
      }
    }
    const status = STATUS_WORDS.it[p.status]
    return {
      subject: `La tua segnalazione ${p.code} è ${status}`,
      bodyMarkdown: `La tua segnalazione **${p.category}** (${p.code}) ora è **${status}**.${quote(p.note)}`,
      sms: oneSms(`Segnalazione ${p.code}: ${status}.`),
      push: { title: 'Segnalazione aggiornata', body: `${p.code}: ${status}` },
      actionLabel: 'Vedi la segnalazione',
    }
  },
})
