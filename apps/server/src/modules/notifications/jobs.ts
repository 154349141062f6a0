import { z } from 'zod'
import type { AppDependencies } from '../../platform/http/dependencies.js'
import { createIoSender, createMessageSenders } from '../../platform/outbox/senders.js'
import { checkIoStatus, type DeliveryDeps, deliverNotification } from './delivery.js'
import { ensurePushKeys } from './push-keys.js'
import { webPushSender } from './push-sender.js'
import { runDailyRules } from './rules.js'
import { DELIVER_JOB, type NotifyDeps } from './service.js'
import { DELIVERY_CHANNELS } from './tables.js'

export const IO_STATUS_JOB = 'notifications.io-status'
export const DAILY_RULES_JOB = 'notifications.daily-rules'

export function notifyDeps(deps: Pick<AppDependencies, 'config' | 'jobs' | 'clock'>): NotifyDeps {
  return { jobs: deps.jobs, clock: deps.clock, ioEnabled: deps.config.io.kind !== 'off' }
}

export function deliveryDeps(deps: AppDependencies): DeliveryDeps {
  const io = createIoSender(deps.config, deps.db)
  return {
    db: deps.db,
    clock: deps.clock,
    senders: createMessageSenders(deps.config, deps.db),
    io,
    push: async () => webPushSender(await ensurePushKeys(deps.db), deps.config.pushContact),
    publicUrl: deps.config.publicUrl,
    checkIoStatusLater: async (messageId) => {
      // IO decides within seconds to minutes; the dev outbox decides at once. The queue runs on the
      // database's clock, so the delay counts from the real time.
      const delayMs = io.adapter === 'dev-outbox' ? 0 : 30_000
      await deps.jobs.enqueue(
        deps.db,
        IO_STATUS_JOB,
        { messageId },
        { startAfter: new Date(Date.now() + delayMs) },
      )
    },
  }
}

/** Deliveries retry with backoff for a little over four hours (30 s doubling, ten times). */
const DELIVERY_RETRY = { retryLimit: 10, retryDelaySeconds: 30, retryBackoff: true, expireInSeconds: 120 }

export function registerNotificationJobs(deps: AppDependencies): void {
  const delivery = deliveryDeps(deps)
  deps.jobs.define({
    name: DELIVER_JOB,
    payload: z.object({ messageId: z.uuid(), channel: z.enum(DELIVERY_CHANNELS) }),
    retry: DELIVERY_RETRY,
    handle: (payload, job) => deliverNotification(delivery, payload, job),
  })
  deps.jobs.define({
    name: IO_STATUS_JOB,
    payload: z.object({ messageId: z.uuid() }),
    retry: { retryLimit: 8, retryDelaySeconds: 60, retryBackoff: true, expireInSeconds: 60 },
    handle: (payload, job) => checkIoStatus(delivery, payload, job),
  })
  deps.jobs.define({
    name: DAILY_RULES_JOB,
    payload: z.object({}).passthrough(),
    retry: { retryLimit: 3, retryDelaySeconds: 300, retryBackoff: false, expireInSeconds: 3600 },
    // Every morning at seven, Rome time: reminders arrive at breakfast, not at midnight.
    cron: '0 7 * * *',
    handle: async () => {
      await runDailyRules({ db: deps.db, notify: notifyDeps(deps), logger: deps.logger }, deps.clock.now())
    },
  })
}
