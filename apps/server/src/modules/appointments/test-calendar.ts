import { randomUUID } from 'node:crypto'
import type { Queryable } from '../../db/client.js'
import {
  insertClosure,
  insertCounter,
  insertHours,
  insertOffice,
  insertService,
  linkCounterServices,
} from './calendar-repo.js'

export interface TestCalendar {
  officeId: string
  counterIds: string[]
  serviceIds: string[]
}

/**
 * An office no other test uses, with counters all serving a set of services under the same
 * weekly hours (Europe/Rome wall clock).
 */
export async function createTestCalendar(
  db: Queryable,
  options: {
    counters: number
    services: {
      durationMinutes: number
      maxActivePerCitizen?: number
      minNoticeHours?: number
      maxDaysAhead?: number
    }[]
    hours: { weekday: number; opensAt: string; closesAt: string }[]
    closures?: { fromDate: string; toDate: string; reason: string }[]
  },
): Promise<TestCalendar> {
  const tag = randomUUID().slice(0, 8)
  const office = await insertOffice(db, { name: `Sede di prova ${tag}`, address: `Via di Prova ${tag}` })
  const counterIds: string[] = []
  for (let n = 1; n <= options.counters; n++) {
    counterIds.push((await insertCounter(db, { officeId: office.id, name: `Sportello ${n}` })).id)
  }
  const serviceIds: string[] = []
  for (const [n, service] of options.services.entries()) {
    const inserted = await insertService(db, {
      name: `Servizio di prova ${tag} ${n}`,
      documentsToBring: ['Un documento d’identità'],
      minNoticeHours: 0,
      maxDaysAhead: 30,
      ...service,
    })
    serviceIds.push(inserted.id)
  }
  await linkCounterServices(
    db,
    counterIds.flatMap((counterId) => serviceIds.map((serviceId) => ({ counterId, serviceId }))),
  )
  await insertHours(
    db,
    serviceIds.flatMap((serviceId) =>
      options.hours.map((hours) => ({ ...hours, officeId: office.id, serviceId })),
    ),
  )
  for (const closure of options.closures ?? []) await insertClosure(db, { ...closure, officeId: office.id })
  return { officeId: office.id, counterIds, serviceIds }
}

/** A tiny seeded generator (mulberry32): the same seed gives the same calendars on every run. */
export function seededRandom(seed: number) {
  let state = seed >>> 0
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0
    let value = state
    value = Math.imul(value ^ (value >>> 15), value | 1)
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61)
    return ((value ^ (value >>> 14)) >>> 0) / 4_294_967_296
  }
  return { next, int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)) }
}
