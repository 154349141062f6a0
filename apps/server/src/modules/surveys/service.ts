import type { Queryable } from '../../db/client.js'
import type { ServiceUseKind } from './policy.js'
import { findServiceUse, insertServiceUse } from './repo.js'

export interface ServiceUse {
  kind: ServiceUseKind
  citizenFiscalCode: string
  subjectId: string
  channel: string
  occurredAt: Date
}

/**
 * Records a use of a service in the caller's transaction, once per subject: the survey
 * invitations it may lead to are decided from these rows, never from another module's tables.
 */
export async function recordServiceUse(tx: Queryable, use: ServiceUse): Promise<void> {
  await insertServiceUse(tx, use)
}

/** The recorded use of one subject, if any (tests and the surveys capability read it). */
export async function findRecordedServiceUse(db: Queryable, kind: ServiceUseKind, subjectId: string) {
  return findServiceUse(db, kind, subjectId)
}
