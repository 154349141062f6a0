import { describe, expect, it } from 'vitest'
import { SeededRandom, WeightedPicker } from './seeded-random.js'

describe('SeededRandom', () => {
  it('repeats its sequence for the same seed and differs for another', () => {
    const sequence = (seed: number | string) => {
      const random = new SeededRandom(seed)
      return Array.from({ length: 20 }, () => random.nextUint32())
    }
    expect(sequence(1)).toEqual(sequence(1))
    expect(sequence('milano')).toEqual(sequence('milano'))
    expect(sequence(1)).not.toEqual(sequence(2))
    expect(sequence(1)).not.toEqual(sequence('1 '))
  })

  it('spreads numbers evenly and keeps integers within bounds', () => {
    const random = new SeededRandom(7)
    const buckets = new Array<number>(10).fill(0)
    let outOfRange = 0
    for (let index = 0; index < 100_000; index++) {
      const value = random.next()
      if (value < 0 || value >= 1) outOfRange++
      const bucket = Math.floor(value * 10)
      buckets[bucket] = (buckets[bucket] ?? 0) + 1
    }
    expect(outOfRange).toBe(0)
    for (const count of buckets) expect(count).toBeGreaterThan(9_500)
    const integers = new Set(Array.from({ length: 1_000 }, () => random.integer(3, 5)))
    expect([...integers].sort()).toEqual([3, 4, 5])
  })

  it('makes distinct version 4 UUIDs', () => {
    const random = new SeededRandom(3)
    const ids = Array.from({ length: 10_000 }, () => random.uuid())
    for (const id of ids)
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    expect(new Set(ids).size).toBe(ids.length)
  })
})

describe('WeightedPicker', () => {
  it('picks in proportion to the weights and never a weightless item', () => {
    const picker = new WeightedPicker(['rare', 'never', 'common'], (item) =>
      item === 'common' ? 9 : item === 'rare' ? 1 : 0,
    )
    const random = new SeededRandom(11)
    const counts: Record<string, number> = { rare: 0, never: 0, common: 0 }
    for (let index = 0; index < 20_000; index++) {
      const item = picker.pick(random)
      counts[item] = (counts[item] ?? 0) + 1
    }
    expect(counts.never).toBe(0)
    expect((counts.rare ?? 0) / 20_000).toBeCloseTo(0.1, 1)
  })

  it('needs at least one item', () => {
    expect(() => new WeightedPicker([], () => 1)).toThrow(RangeError)
  })
})
