import { z } from 'zod'
import type { AppDependencies } from '../../platform/http/dependencies.js'
import { createMessageSenders } from '../../platform/outbox/senders.js'
import { BATCHES_PER_WORKER, SEND_BATCH_JOB, sendCampaignBatch } from './sending.js'
import type { NewsletterDeps } from './service.js'

export function newsletterDeps(deps: Pick<AppDependencies, 'config' | 'db'>): NewsletterDeps {
  return {
    publicUrl: deps.config.publicUrl,
    senders: createMessageSenders(deps.config, deps.db),
    maxPerSecond: deps.config.newsletter.maxPerSecond,
  }
}

export function registerNewsletterJobs(deps: AppDependencies): void {
  const sending = {
    db: deps.db,
    clock: deps.clock,
    email: createMessageSenders(deps.config, deps.db).email,
    publicUrl: deps.config.publicUrl,
  }
  deps.jobs.define({
    name: SEND_BATCH_JOB,
    payload: z.object({ campaignId: z.uuid(), batch: z.number().int().min(0) }),
    // A batch takes seconds: if its worker dies it runs again within a minute. Retries with backoff
    // from 10 s cover a relay that is down for hours.
    retry: { retryLimit: 12, retryDelaySeconds: 10, retryBackoff: true, expireInSeconds: 30 },
    // Batches are short and queued by the thousand: a few run side by side in each worker.
    concurrency: BATCHES_PER_WORKER,
    handle: (payload, job) => sendCampaignBatch(sending, payload, job),
  })
}
