import { z } from 'zod'
import type { Database } from '../../db/client.js'
import type { EmailMessage, MessageSender } from '../../platform/outbox/message-sender.js'
import { cityTitle, getCityProfile } from '../city/service.js'
import { categoryName, findReportCategory } from './categories.js'
import { reportPageUrl, STATUS_WORDS } from './notices.js'
import { findStatusChangeWithReport } from './repo.js'

export const REPORT_STATUS_EMAIL_JOB = 'reports.status-email'
export const ZStatusEmailPayload = z.object({ changeId: z.uuid() })

/**
 * Tells a reporter without SPID or CIE, at the e-mail address they verified, that their report
 * changed: the same words the inbox notice uses, a link to the public page, and a Message-ID made
 * from the change so a retried job is recognised as the same e-mail.
 */
export async function sendReportStatusEmail(
  deps: { db: Database; email: MessageSender<EmailMessage>; publicUrl: string },
  changeId: string,
): Promise<void> {
  const found = await findStatusChangeWithReport(deps.db, changeId)
  const to = found?.report.reporterEmail
  if (!found || !to || found.report.reporterFiscalCode) return
  const { change, report } = found
  const [category, city] = await Promise.all([
    findReportCategory(deps.db, report.categoryCode),
    getCityProfile({ db: deps.db }),
  ])
  const categoryLabel = category ? categoryName(category, 'it') : report.categoryCode
  const status = STATUS_WORDS.it[change.status as keyof (typeof STATUS_WORDS)['it']] ?? change.status
  const note = change.publicNote ? `\n\nNota del Comune:\n${change.publicNote}` : ''
  await deps.email.send({
    to,
    subject: `La tua segnalazione ${report.code} è ${status}`,
    text: [
      `La tua segnalazione "${categoryLabel}" (${report.code}) ora è ${status}.${note}`,
      `Vedi la segnalazione: ${reportPageUrl(deps.publicUrl, report.code)}`,
      `-- \n${cityTitle(city)}`,
    ].join('\n\n'),
    messageId: `<report-status-${change.id}@${new URL(deps.publicUrl).hostname}>`,
    headers: { 'Auto-Submitted': 'auto-generated' },
  })
}
