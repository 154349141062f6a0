import { z } from 'zod'
import type { AppDependencies } from '../../platform/http/dependencies.js'
import { createMessageSenders } from '../../platform/outbox/senders.js'
import { SEND_BATCH_JOB, sendCampaignBatch } from './sending.js'
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
    // A batch takes a second or so: if its worker dies, another takes it over within a minute.
    retry: { retryLimit: 10, retryDelaySeconds: 30, retryBackoff: true, expireInSeconds: 60 },
    handle: (payload, job) => sendCampaignBatch(sending, payload, job),
  })
}
