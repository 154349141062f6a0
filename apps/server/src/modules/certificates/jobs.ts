import { z } from 'zod'
import type { AppDependencies } from '../../platform/http/dependencies.js'
import { notifyDeps } from '../notifications/jobs.js'
import { onPositionPaid } from '../payments/paid-hooks.js'
import { issuePaidCertificate } from './issue.js'
import { findByPaymentPosition } from './repo.js'
import type { IssueDeps } from './service.js'

export const ISSUE_JOB = 'certificates.issue'

export function issueDeps(deps: AppDependencies): IssueDeps {
  return {
    db: deps.db,
    clock: deps.clock,
    registry: deps.registry,
    notify: notifyDeps(deps),
    settings: {
      certificates: deps.config.certificates,
      payments: deps.config.payments,
      publicUrl: deps.config.publicUrl,
    },
  }
}

/**
 * A paid stamp duty issues its certificate off the receipt's path: the receipt's transaction only
 * enqueues the job, which a worker runs (idempotently: an issued certificate is left alone).
 */
export function registerCertificateJobs(deps: AppDependencies): void {
  const issuing = issueDeps(deps)
  deps.jobs.define({
    name: ISSUE_JOB,
    payload: z.object({ certificateId: z.uuid() }),
    retry: { retryLimit: 10, retryDelaySeconds: 30, retryBackoff: true, expireInSeconds: 120 },
    handle: (payload) => issuePaidCertificate(issuing, payload.certificateId),
  })
  onPositionPaid('certificates', async (tx, position, { notify }) => {
    const certificate = await findByPaymentPosition(tx, position.id)
    if (certificate?.status === 'awaiting-payment') {
      await notify.jobs.enqueue(tx, ISSUE_JOB, { certificateId: certificate.id })
    }
  })
}
