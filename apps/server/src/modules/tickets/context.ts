import type { Config } from '../../config.js'
import type { ServiceContext } from '../../platform/context.js'
import type { FileStore } from '../../platform/files.js'
import type { NotifyDeps } from '../notifications/service.js'

/** What the CRM's use cases need beyond a request's context. */
export interface TicketsContext extends ServiceContext {
  notify: NotifyDeps
  publicUrl: string
  tickets: Config['tickets']
  files: FileStore
}
