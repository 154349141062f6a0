import type { Sex } from '../identity/codice-fiscale.js'
import type { SeedCountry } from './seed-data.js'
import type { SeededRandom } from './seeded-random.js'

/**
 * Who lives together: the kinds of household, the ages of their members and a civil status that
 * fits age and relationship. Names, places and dates are added in seed-household.ts.
 */

export type Relationship = 'head' | 'spouse' | 'partner' | 'child' | 'parent' | 'other'
export type CivilStatus = 'single' | 'married' | 'civil_union' | 'divorced' | 'widowed'

export type HouseholdKind =
  | 'young-single'
  | 'adult-single'
  | 'elderly-single'
  | 'couple'
  | 'elderly-couple'
  | 'family'
  | 'single-parent'
  | 'three-generations'
  | 'cohabitants'

/** Share of households by kind; Milan has many people living alone and small families. */
export const HOUSEHOLD_KINDS: readonly { kind: HouseholdKind; weight: number }[] = [
  { kind: 'young-single', weight: 8 },
  { kind: 'adult-single', weight: 15 },
  { kind: 'elderly-single', weight: 18 },
  { kind: 'couple', weight: 10 },
  { kind: 'elderly-couple', weight: 11 },
  { kind: 'family', weight: 22 },
  { kind: 'single-parent', weight: 8 },
  { kind: 'three-generations', weight: 2 },
  { kind: 'cohabitants', weight: 3 },
]

/** Ages stay below 100 so that the two-digit year of the codice fiscale decodes unambiguously. */
export const OLDEST_AGE = 99.9

/** One member of a household before names, places and dates are chosen. */
export interface Sketch {
  relationship: Relationship
  sex: Sex
  age: number
  civilStatus: CivilStatus
  /** null for Italians. */
  country: SeedCountry | null
}

/** The members of one household of the given kind, the head first and any elder parent last. */
export function sketchHousehold(kind: HouseholdKind, random: SeededRandom): Sketch[] {
  const adult = (relationship: Relationship, sex: Sex, age: number, civilStatus: CivilStatus): Sketch => ({
    relationship,
    sex,
    age: Math.min(age, OLDEST_AGE),
    civilStatus,
    country: null,
  })
  const randomSex = (): Sex => (random.chance(0.5) ? 'M' : 'F')
  switch (kind) {
    case 'young-single': {
      const age = random.between(20, 35)
      return [adult('head', randomSex(), age, livingAloneStatus(age, random))]
    }
    case 'adult-single': {
      const age = random.between(35, 65)
      return [adult('head', randomSex(), age, livingAloneStatus(age, random))]
    }
    case 'elderly-single': {
      // Widows outlive widowers: two elderly people living alone in three are women.
      const age = elderlyAge(65, random)
      const sex: Sex = random.chance(0.67) ? 'F' : 'M'
      return [adult('head', sex, age, elderlyAloneStatus(sex, random))]
    }
    case 'couple':
      return sketchCouple(random.between(26, 68), random, { married: 0.6, sameSex: 0.05 })
    case 'elderly-couple':
      return sketchCouple(elderlyAge(67, random), random, { married: 0.95, sameSex: 0.01 })
    case 'family': {
      const parents = sketchCouple(random.between(29, 62), random, { married: 0.8, sameSex: 0.01 })
      const count = random.chance(0.45) ? 1 : random.chance(0.76) ? 2 : 3
      return [...parents, ...childrenOf(parents, count, random)]
    }
    case 'single-parent': {
      const sex: Sex = random.chance(0.8) ? 'F' : 'M'
      const age = random.between(24, 66)
      const parent = adult('head', sex, age, singleParentStatus(age, random))
      return [parent, ...childrenOf([parent], random.chance(0.65) ? 1 : 2, random)]
    }
    case 'three-generations': {
      const parents = sketchCouple(random.between(35, 58), random, { married: 0.9, sameSex: 0 })
      const children = childrenOf(parents, random.chance(0.5) ? 1 : 2, random)
      const head = parents[0] as Sketch
      const elderAge = head.age + random.between(22, 38)
      if (elderAge >= OLDEST_AGE) return [...parents, ...children]
      const elder = adult('parent', random.chance(0.7) ? 'F' : 'M', elderAge, 'widowed')
      if (random.chance(0.15)) elder.civilStatus = 'divorced'
      return [...parents, ...children, elder]
    }
    case 'cohabitants': {
      const count = random.chance(0.7) ? 2 : 3
      return Array.from({ length: count }, (_, index) => {
        const age = random.between(19, 40)
        return adult(index === 0 ? 'head' : 'other', randomSex(), age, livingAloneStatus(age, random))
      })
    }
  }
}

function sketchCouple(
  headAge: number,
  random: SeededRandom,
  shares: { married: number; sameSex: number },
): Sketch[] {
  const sameSex = random.chance(shares.sameSex)
  const headSex: Sex = sameSex ? (random.chance(0.5) ? 'M' : 'F') : random.chance(0.65) ? 'M' : 'F'
  const otherSex: Sex = sameSex ? headSex : headSex === 'M' ? 'F' : 'M'
  // Men are on average a couple of years older than their wives.
  const gap = random.between(-5, 5) + (sameSex ? 0 : headSex === 'M' ? -2 : 2)
  const otherAge = Math.min(Math.max(18, headAge + gap), OLDEST_AGE)
  const spouses = random.chance(shares.married)
  const bond: CivilStatus = sameSex ? 'civil_union' : 'married'
  const relationship: Relationship = spouses ? 'spouse' : 'partner'
  const statusOf = (age: number): CivilStatus => (spouses ? bond : cohabitingStatus(age, random))
  return [
    {
      relationship: 'head',
      sex: headSex,
      age: Math.min(headAge, OLDEST_AGE),
      civilStatus: statusOf(headAge),
      country: null,
    },
    { relationship, sex: otherSex, age: otherAge, civilStatus: statusOf(otherAge), country: null },
  ]
}

/** Children of the given parents, ages drawn from the mother's (or the only parent's) age. */
function childrenOf(parents: Sketch[], count: number, random: SeededRandom): Sketch[] {
  const mother = parents.find((parent) => parent.sex === 'F') ?? parents[0]
  if (!mother) return []
  const youngestParent = Math.min(...parents.map((parent) => parent.age))
  const children: Sketch[] = []
  for (let index = 0; index < count; index++) {
    for (let attempt = 0; attempt < 5; attempt++) {
      const age = mother.age - random.between(19, 45)
      // Grown-up children rarely stay at home past their late thirties.
      if (age < 0 || age > 40 || age > youngestParent - 16) continue
      children.push({
        relationship: 'child',
        sex: random.chance(0.51) ? 'M' : 'F',
        age,
        civilStatus: adultChildStatus(age, random),
        country: null,
      })
      break
    }
  }
  return children
}

/** Density falling linearly from `from` to 100: fewer people at each older age. */
function elderlyAge(from: number, random: SeededRandom): number {
  return from + (OLDEST_AGE - from) * (1 - Math.sqrt(1 - random.next()))
}

function livingAloneStatus(age: number, random: SeededRandom): CivilStatus {
  const roll = random.next()
  if (age < 28) return roll < 0.98 ? 'single' : 'divorced'
  if (age < 65) return roll < 0.5 ? 'single' : roll < 0.85 ? 'divorced' : roll < 0.93 ? 'married' : 'widowed'
  return elderlyAloneStatus(random.chance(0.5) ? 'M' : 'F', random)
}

function elderlyAloneStatus(sex: Sex, random: SeededRandom): CivilStatus {
  if (random.chance(sex === 'F' ? 0.6 : 0.4)) return 'widowed'
  const roll = random.next()
  return roll < 0.45 ? 'single' : roll < 0.8 ? 'divorced' : 'married'
}

function cohabitingStatus(age: number, random: SeededRandom): CivilStatus {
  return random.chance(age < 35 ? 0.9 : 0.55) ? 'single' : 'divorced'
}

function singleParentStatus(age: number, random: SeededRandom): CivilStatus {
  const roll = random.next()
  if (age < 35) return roll < 0.6 ? 'single' : roll < 0.95 ? 'divorced' : 'widowed'
  return roll < 0.25 ? 'single' : roll < 0.85 ? 'divorced' : 'widowed'
}

function adultChildStatus(age: number, random: SeededRandom): CivilStatus {
  if (age < 28) return 'single'
  const roll = random.next()
  return roll < 0.93 ? 'single' : roll < 0.98 ? 'divorced' : 'married'
}
