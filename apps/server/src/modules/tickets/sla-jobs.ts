import { z } from 'zod'
import type { AppDependencies } from '../../platform/http/dependencies.js'
import { createMessageSenders } from '../../platform/outbox/senders.js'
import { SEND_EMAIL_JOB, sendTicketEmail, ZSendEmailPayload } from './mail-out.js'
import './notices.js'
import { ESCALATION_EMAIL_JOB, runSlaWatch, SLA_WATCH_JOB, sendEscalationEmail } from './sla-watch.js'

/** Mail relays come and go: e-mails retry with backoff for a few hours before giving up. */
const MAIL_RETRY = { retryLimit: 10, retryDelaySeconds: 30, retryBackoff: true, expireInSeconds: 120 }

/**
 * The CRM's background work: e-mails to contacts and escalations, and the SLA watch that runs
 * every minute (one run per tick whatever the number of workers).
 */
export function registerTicketWorkflowJobs(deps: AppDependencies): void {
  const email = () => createMessageSenders(deps.config, deps.db).email
  deps.jobs.define({
    name: SEND_EMAIL_JOB,
    payload: ZSendEmailPayload,
    retry: MAIL_RETRY,
    handle: (payload) =>
      sendTicketEmail({ db: deps.db, email: email(), publicUrl: deps.config.publicUrl }, payload),
  })
  deps.jobs.define({
    name: ESCALATION_EMAIL_JOB,
    payload: z.object({ ticketId: z.uuid() }),
    retry: MAIL_RETRY,
    handle: (payload) =>
      sendEscalationEmail(
        { db: deps.db, email: email(), publicUrl: deps.config.publicUrl },
        payload.ticketId,
      ),
  })
  deps.jobs.define({
    name: SLA_WATCH_JOB,
    payload: z.object({}).passthrough(),
    // A run that outlives the next tick is dropped rather than piled up behind it.
    retry: { retryLimit: 0, retryDelaySeconds: 60, retryBackoff: false, expireInSeconds: 300 },
    cron: '* * * * *',
    handle: async () => {
      await runSlaWatch({
        db: deps.db,
        jobs: deps.jobs,
        clock: deps.clock,
        logger: deps.logger,
        tickets: deps.config.tickets,
      })
    },
  })
}
