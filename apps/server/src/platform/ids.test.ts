import { describe, expect, it } from 'vitest'
import { timeOrderedUuid } from './ids.js'

describe('time-ordered ids', () => {
  it('are version 7 UUIDs with the RFC variant, carrying their time', () => {
    const id = timeOrderedUuid(Date.UTC(2027, 3, 16))
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    expect(Number.parseInt(id.replace(/-/g, '').slice(0, 12), 16)).toBe(Date.UTC(2027, 3, 16))
  })

  it('sort by the time they were made', () => {
    const earlier = timeOrderedUuid(1_800_000_000_000)
    const later = timeOrderedUuid(1_800_000_000_001)
    expect(earlier < later).toBe(true)
    expect(new Set(Array.from({ length: 1000 }, () => timeOrderedUuid(1)))).toHaveProperty('size', 1000)
  })
})
