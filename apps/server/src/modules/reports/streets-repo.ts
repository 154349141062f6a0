import { sql } from 'drizzle-orm'
import type { Queryable } from '../../db/client.js'
import { rowsOf } from '../../db/transaction.js'
import { cityStreets } from './tables.js'

export interface StreetRow {
  name: string
  lat: number
  long: number
}

const columns = sql`${cityStreets.name} as name, (${cityStreets.location})[1] as lat, (${cityStreets.location})[0] as long`

/** Streets whose name holds every word, those starting with the first word first. */
export async function searchStreets(
  db: Queryable,
  words: readonly string[],
  limit: number,
): Promise<StreetRow[]> {
  if (words.length === 0) return []
  const escapeLike = (word: string) => word.replace(/[\\%_]/g, (char) => `\\${char}`)
  const contains = sql.join(
    words.map((word) => sql`${cityStreets.searchKey} like ${`%${escapeLike(word)}%`}`),
    sql` and `,
  )
  const startsWith = sql`${cityStreets.searchKey} like ${`${escapeLike(words[0] as string)}%`}`
  const result = await db.execute(sql`
    select ${columns} from ${cityStreets}
    where ${contains}
    order by case when ${startsWith} then 0 else 1 end, ${cityStreets.searchKey}
    limit ${limit}`)
  return rowsOf<StreetRow>(result).map(numeric)
}

/** The street whose point is nearest, through the GiST index's distance ordering. */
export async function findNearestStreet(db: Queryable, lat: number, long: number): Promise<StreetRow | null> {
  const result = await db.execute(sql`
    select ${columns} from ${cityStreets}
    order by ${cityStreets.location} <-> point(${long}, ${lat})
    limit 1`)
  const [row] = rowsOf<StreetRow>(result)
  return row ? numeric(row) : null
}

export async function insertStreetsIfMissing(
  db: Queryable,
  streets: readonly { name: string; searchKey: string; lat: number; long: number }[],
): Promise<number> {
  if (streets.length === 0) return 0
  const inserted = await db
    .insert(cityStreets)
    .values(
      streets.map((street) => ({
        name: street.name,
        searchKey: street.searchKey,
        location: { x: street.long, y: street.lat },
      })),
    )
    .onConflictDoNothing({ target: cityStreets.name })
    .returning({ name: cityStreets.name })
  return inserted.length
}

const numeric = (row: StreetRow): StreetRow => ({
  name: row.name,
  lat: Number(row.lat),
  long: Number(row.long),
})
