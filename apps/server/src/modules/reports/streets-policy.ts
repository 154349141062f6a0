import type { Point } from './policy.js'

const EARTH_RADIUS_M = 6_371_008.8

/** What street searches compare: lower case, no accents, no apostrophes' variants, single spaces. */
export function streetSearchKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[’'`]/g, ' ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
}

/** The words of a search, each of which a street's name must contain; at most five. */
export function searchWords(query: string): string[] {
  return [...new Set(streetSearchKey(query).split(' ').filter(Boolean))].slice(0, 5)
}

/** Great-circle distance in metres (haversine), plenty for a city. */
export function distanceMetres(a: Point, b: Point): number {
  const rad = (degrees: number) => (degrees * Math.PI) / 180
  const dLat = rad(b.lat - a.lat)
  const dLong = rad(b.long - a.long)
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLong / 2) ** 2
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)))
}
