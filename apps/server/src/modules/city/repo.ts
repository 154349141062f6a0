import type { Queryable } from '../../db/client.js'
import type { CityProfile } from './schema.js'
import { cityProfile } from './tables.js'

export async function findCityProfile(db: Queryable): Promise<CityProfile | null> {
  const [row] = await db.select().from(cityProfile).limit(1)
  if (!row) return null
  const { id: _id, updatedAt: _updatedAt, ...profile } = row
  return profile
}

export async function upsertCityProfile(db: Queryable, profile: CityProfile, at: Date): Promise<void> {
  await db
    .insert(cityProfile)
    .values({ id: 1, ...profile, updatedAt: at })
    .onConflictDoUpdate({ target: cityProfile.id, set: { ...profile, updatedAt: at } })
}
