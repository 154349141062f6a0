import type { AppDependencies } from '../../platform/http/dependencies.js'
import { createMessageSenders } from '../../platform/outbox/senders.js'
import './notices.js'
import { REPORT_STATUS_EMAIL_JOB, sendReportStatusEmail, ZStatusEmailPayload } from './status-mail.js'

/** Mail relays come and go: the reporter's e-mail retries with backoff for a few hours. */
const MAIL_RETRY = { retryLimit: 10, retryDelaySeconds: 30, retryBackoff: true, expireInSeconds: 120 }

export function registerReportJobs(deps: AppDependencies): void {
  deps.jobs.define({
    name: REPORT_STATUS_EMAIL_JOB,
    payload: ZStatusEmailPayload,
    retry: MAIL_RETRY,
    handle: (payload) =>
      sendReportStatusEmail(
        {
          db: deps.db,
          email: createMessageSenders(deps.config, deps.db).email,
          publicUrl: deps.config.publicUrl,
        },
        payload.changeId,
      ),
  })
}
