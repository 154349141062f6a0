import type { Config } from '../../config.js'
import type { ServiceContext } from '../../platform/context.js'
import type { FileStore } from '../../platform/files.js'
import type { AppDependencies } from '../../platform/http/dependencies.js'
import { notifyDeps } from '../notifications/jobs.js'
import type { NotifyDeps } from '../notifications/service.js'

/** What the CRM's use cases need beyond a request's context. */
export interface TicketsContext extends ServiceContext {
  notify: NotifyDeps
  publicUrl: string
  tickets: Config['tickets']
  files: FileStore
}

/** A context (a request's, the mailbox's, a test's) with what the CRM adds to it. */
export function withTicketsDeps(
  deps: Pick<AppDependencies, 'config' | 'jobs' | 'clock' | 'files'>,
  base: ServiceContext,
): TicketsContext {
  return {
    ...base,
    notify: notifyDeps(deps),
    publicUrl: deps.config.publicUrl,
    tickets: deps.config.tickets,
    files: deps.files,
  }
}
