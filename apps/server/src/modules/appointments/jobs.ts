import { z } from 'zod'
import type { AppDependencies } from '../../platform/http/dependencies.js'
import { notifyDeps } from '../notifications/jobs.js'
import './reminders.js'
import { expireOffer, OFFER_EXPIRY_JOB } from './waitlist.js'

/** An offer from the waiting list lapses at its deadline, in a job; the next in line is then offered. */
export function registerAppointmentJobs(deps: AppDependencies): void {
  deps.jobs.define({
    name: OFFER_EXPIRY_JOB,
    payload: z.object({ bookingId: z.uuid() }),
    retry: { retryLimit: 10, retryDelaySeconds: 30, retryBackoff: true, expireInSeconds: 120 },
    handle: (payload) =>
      expireOffer(
        {
          db: deps.db,
          jobs: deps.jobs,
          clock: deps.clock,
          logger: deps.logger,
          actor: { type: 'system', name: 'appointments' },
          meta: { ip: null, requestId: null, locale: 'it' },
          notify: notifyDeps(deps),
          publicUrl: deps.config.publicUrl,
        },
        payload.bookingId,
      ),
  })
}
