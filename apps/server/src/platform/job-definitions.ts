import '../modules/folder/reminders.js'
import '../modules/identity/notices.js'
import '../modules/payments/notices.js'
import '../modules/payments/reminders.js'
import '../modules/certificates/notices.js'
import { registerAppointmentJobs } from '../modules/appointments/jobs.js'
import { registerAssistantJobs } from '../modules/assistant/jobs.js'
import { registerCertificateJobs } from '../modules/certificates/jobs.js'
import { registerNewsletterJobs } from '../modules/newsletter/jobs.js'
import { registerNotificationJobs } from '../modules/notifications/jobs.js'
import { registerReportJobs } from '../modules/reports/jobs.js'
import { registerTicketWorkflowJobs } from '../modules/tickets/sla-jobs.js'
import type { AppDependencies } from './http/dependencies.js'

/**
 * Each capability's jobs are defined here, before the queue starts, so API processes can enqueue
 * them and worker processes can run them. Importing a capability's reminders registers its
 * notification templates and proactive rules.
 */
export function registerJobDefinitions(deps: AppDependencies): void {
  registerNotificationJobs(deps)
  registerNewsletterJobs(deps)
  registerCertificateJobs(deps)
  registerAppointmentJobs(deps)
  registerTicketWorkflowJobs(deps)
  registerAssistantJobs(deps)
  registerReportJobs(deps)
}
