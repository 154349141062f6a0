import { randomUUID } from 'node:crypto'
import type { Database } from '../db/client.js'
import type { RecordDetails, RecordKind } from '../modules/registry/record-schema.js'
import { registryRecords } from '../modules/registry/tables.js'

export interface RecordSpec<K extends RecordKind = RecordKind> {
  kind: K
  reference?: string
  validFrom?: string | null
  validUntil?: string | null
  details: RecordDetails<K>
}

/** Stores folder records for a registered person and returns their ids in order. */
export async function addRecords(
  db: Database,
  personId: string,
  specs: readonly RecordSpec[],
): Promise<string[]> {
  const rows = specs.map((spec) => ({
    id: randomUUID(),
    personId,
    kind: spec.kind,
    reference: spec.reference ?? `REF-${Math.floor(Math.random() * 1e8)}`,
    validFrom: spec.validFrom ?? null,
    validUntil: spec.validUntil ?? null,
    details: spec.details,
  }))
  if (rows.length > 0) await db.insert(registryRecords).values(rows)
  return rows.map((row) => row.id)
}

export const identityCard = (validUntil: string, reference = 'CA12345AB'): RecordSpec<'identity-card'> => ({
  kind: 'identity-card',
  reference,
  validFrom: `${Number(validUntil.slice(0, 4)) - 10}${validUntil.slice(4)}`,
  validUntil,
  details: { format: 'cie', issuer: 'Comune di Milano', validForExpatriation: true },
})

export const libraryLoan = (due: string, returnedOn: string | null = null): RecordSpec<'library-loan'> => ({
  kind: 'library-loan',
  validFrom: due,
  validUntil: due,
  details: {
    title: 'I promessi sposi',
    author: 'Alessandro Manzoni',
    library: 'Biblioteca Sormani',
    returnedOn,
    renewals: 0,
  },
})
