import type { SqlExecutor } from '../../db/client.js'
import { analyzeRegistryTables, insertPopulationBatch } from './repo.js'
import { DEFAULT_POPULATION_BATCH_SIZE, generatePopulation, type SeedCity } from './seed-population.js'

export interface SeedPopulationOptions {
  citizens: number
  seed: number | string
  city: SeedCity
  /** "Today" for the generated ages: a YYYY-MM-DD date or an instant (its date in Rome). */
  referenceDate: Date | string
  batchSize?: number
  /** Put the public SPID test citizens among the residents (default true). */
  includeTestIdentities?: boolean
}

export interface SeedPopulationResult {
  /** Rows actually added: a second run with the same options adds none. */
  persons: number
  families: number
  addresses: number
  records: number
  ms: number
}

/** Called after each stored batch with the persons handled so far and the total asked for. */
export type SeedProgress = (done: number, total: number) => void

/**
 * While one batch is being written the next is generated; two batches in flight keep both the
 * generator and the database busy without piling up memory.
 */
const BATCHES_IN_FLIGHT = 2

/**
 * Fills the local registry with a synthetic, reproducible population. Batches are stored as
 * independent idempotent statements, so an interrupted seed can simply be run again.
 */
export async function seedPopulation(
  executor: SqlExecutor,
  options: SeedPopulationOptions,
  onProgress?: SeedProgress,
): Promise<SeedPopulationResult> {
  const startedAt = performance.now()
  const totals = { persons: 0, families: 0, addresses: 0, records: 0 }
  let handled = 0
  const inFlight = new Set<Promise<void>>()

  const store = async (batch: Parameters<typeof insertPopulationBatch>[1]): Promise<void> => {
    const inserted = await insertPopulationBatch(executor, batch)
    totals.persons += inserted.persons
    totals.families += inserted.families
    totals.addresses += inserted.addresses
    totals.records += inserted.records
    handled += batch.persons.length
    onProgress?.(handled, options.citizens)
  }

  try {
    for (const batch of generatePopulation({
      citizens: options.citizens,
      seed: options.seed,
      city: options.city,
      referenceDate: options.referenceDate,
      batchSize: options.batchSize ?? DEFAULT_POPULATION_BATCH_SIZE,
      includeTestIdentities: options.includeTestIdentities ?? true,
    })) {
      const storing = store(batch)
      inFlight.add(storing)
      storing.then(
        () => inFlight.delete(storing),
        () => {}, // the failure surfaces through the race or the final wait below
      )
      if (inFlight.size >= BATCHES_IN_FLIGHT) await Promise.race(inFlight)
    }
    await Promise.all(inFlight)
  } catch (error) {
    // Let the statements already sent finish before the caller closes the connection.
    await Promise.allSettled(inFlight)
    throw error
  }
  return { ...totals, ms: Math.round(performance.now() - startedAt) }
}

/** After a bulk load the planner's row estimates are stale; bring them up to date. */
export async function refreshRegistryStatistics(executor: SqlExecutor): Promise<void> {
  await analyzeRegistryTables(executor)
}

export { type ExpiringRecord, listRecordsExpiringBetween } from './record-repo.js'
