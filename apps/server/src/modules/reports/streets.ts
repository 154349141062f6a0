import type { Queryable } from '../../db/client.js'
import { AppError } from '../../platform/errors.js'
import { DEMO_STREETS } from './streets-data.js'
import { distanceMetres, searchWords, streetSearchKey } from './streets-policy.js'
import { findNearestStreet, insertStreetsIfMissing, searchStreets } from './streets-repo.js'

/** Streets matching what is being typed, for the address search of the report form. */
export async function findStreets(db: Queryable, input: { q: string; limit: number }) {
  return { items: await searchStreets(db, searchWords(input.q), input.limit) }
}

/** The street nearest a pin or the phone's position, to show the place in words. */
export async function nearestStreet(db: Queryable, point: { lat: number; long: number }) {
  const street = await findNearestStreet(db, point.lat, point.long)
  if (!street) throw new AppError('NOT_FOUND', { messageKey: 'reports.no-street' })
  return { ...street, distanceMetres: Math.round(distanceMetres(point, street)) }
}

/** The demo city's sample street list, once. */
export async function seedCityStreets(db: Queryable): Promise<{ streets: number }> {
  const streets = DEMO_STREETS.map(([name, lat, long]) => ({
    name,
    searchKey: streetSearchKey(name),
    lat,
    long,
  }))
  return { streets: await insertStreetsIfMissing(db, streets) }
}
