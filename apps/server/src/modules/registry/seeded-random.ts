/**
 * A small, fast, seedable random source (the public-domain sfc32 generator) so that the same seed
 * always produces the same population on any machine and Node version. Not for secrets.
 */
export class SeededRandom {
  private a: number
  private b: number
  private c: number
  private d: number

  constructor(seed: number | string) {
    let state = hashSeed(String(seed))
    const nextSeedWord = (): number => {
      // splitmix32: spreads one 32-bit hash over the four words of state.
      state = (state + 0x9e3779b9) | 0
      let z = state
      z = Math.imul(z ^ (z >>> 16), 0x21f0aaad)
      z = Math.imul(z ^ (z >>> 15), 0x735a2d97)
      return (z ^ (z >>> 15)) >>> 0
    }
    this.a = nextSeedWord()
    this.b = nextSeedWord()
    this.c = nextSeedWord()
    this.d = nextSeedWord()
    // The first outputs of sfc32 are still correlated with the seed.
    for (let warmUp = 0; warmUp < 16; warmUp++) this.nextUint32()
  }

  nextUint32(): number {
    const result = (((this.a + this.b) | 0) + this.d) | 0
    this.d = (this.d + 1) | 0
    this.a = this.b ^ (this.b >>> 9)
    this.b = (this.c + (this.c << 3)) | 0
    this.c = (this.c << 21) | (this.c >>> 11)
    this.c = (this.c + result) | 0
    return result >>> 0
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.nextUint32() / 4_294_967_296
  }

  /** Uniform integer in [min, max], both included. */
  integer(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1))
  }

  /** Uniform real number in [min, max). */
  between(min: number, max: number): number {
    return min + this.next() * (max - min)
  }

  chance(probability: number): boolean {
    return this.next() < probability
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)]
    if (item === undefined) throw new RangeError('cannot pick from an empty list')
    return item
  }

  /** A random UUID with the version 4 and RFC 4122 variant bits set. */
  uuid(): string {
    const w0 = this.nextUint32()
    const w1 = (this.nextUint32() & 0xffff0fff) | 0x00004000
    const w2 = ((this.nextUint32() & 0x3fffffff) | 0x80000000) >>> 0
    const w3 = this.nextUint32()
    const hex = hex8(w0) + hex8(w1) + hex8(w2) + hex8(w3)
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
  }
}

/** Picks items with probability proportional to their weight. */
export class WeightedPicker<T> {
  private readonly items: readonly T[]
  private readonly cumulative: number[]
  private readonly total: number

  constructor(items: readonly T[], weightOf: (item: T, index: number) => number) {
    if (items.length === 0) throw new RangeError('a weighted picker needs at least one item')
    this.items = items
    this.cumulative = []
    let total = 0
    items.forEach((item, index) => {
      total += weightOf(item, index)
      this.cumulative.push(total)
    })
    this.total = total
  }

  pick(random: SeededRandom): T {
    const target = random.next() * this.total
    let low = 0
    let high = this.cumulative.length - 1
    while (low < high) {
      const middle = (low + high) >>> 1
      if ((this.cumulative[middle] ?? 0) > target) high = middle
      else low = middle + 1
    }
    return this.items[low] as T
  }
}

/** A Zipf-like weight: the first entries of a list ordered by frequency come up more often. */
export function rankWeight(_item: unknown, index: number): number {
  return 1 / (index + 12)
}

const BYTE_HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'))

function hex8(word: number): string {
  return (
    (BYTE_HEX[word >>> 24] as string) +
    BYTE_HEX[(word >>> 16) & 0xff] +
    BYTE_HEX[(word >>> 8) & 0xff] +
    BYTE_HEX[word & 0xff]
  )
}

function hashSeed(text: string): number {
  let hash = 0x811c9dc5 ^ text.length
  for (let index = 0; index < text.length; index++) {
    hash = Math.imul(hash ^ text.charCodeAt(index), 0x01000193)
  }
  return hash >>> 0
}
