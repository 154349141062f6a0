import type { Actor } from '../../platform/context.js'

export const REPORT_STATUSES = ['open', 'in-progress', 'closed'] as const
export type ReportStatus = (typeof REPORT_STATUSES)[number]

/** Staff who update a report's public status: the front and back office, and their supervisors. */
export const REPORT_STAFF_ROLES = ['operator', 'supervisor', 'admin'] as const

/** How near an open report of the same category must be to count as a likely duplicate. */
export const DUPLICATE_RADIUS_M = 50
const METRES_PER_DEGREE_LAT = 111_320

export interface Point {
  lat: number
  long: number
}

export interface BoundingBox {
  south: number
  west: number
  north: number
  east: number
}

/** The box around a point that contains its circle of `radius` metres (good away from the poles). */
export function boxAround(point: Point, radius: number): BoundingBox {
  const dLat = radius / METRES_PER_DEGREE_LAT
  const dLong = radius / (METRES_PER_DEGREE_LAT * Math.cos((point.lat * Math.PI) / 180))
  return {
    south: point.lat - dLat,
    north: point.lat + dLat,
    west: point.long - dLong,
    east: point.long + dLong,
  }
}

/** Who is adding their voice, as one key: the person's fiscal code or their verified e-mail. */
export function supporterKey(input: { fiscalCode?: string; email?: string }): string {
  if (input.fiscalCode) return `cf:${input.fiscalCode.toUpperCase()}`
  return `email:${(input.email ?? '').trim().toLowerCase()}`
}

/** Open311 knows two statuses only: work under way is still open. */
export function open311Status(status: ReportStatus): 'open' | 'closed' {
  return status === 'closed' ? 'closed' : 'open'
}

export function isReportStaff(actor: Actor): boolean {
  return (
    actor.type === 'staff' &&
    actor.roles.some((role) => (REPORT_STAFF_ROLES as readonly string[]).includes(role))
  )
}
