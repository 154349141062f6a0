import type { Sex } from '../identity/codice-fiscale.js'
import { dayNumberFromIso, yearsInDays } from './calendar-days.js'
import {
  FOREIGN_COUNTRIES,
  ITALIAN_BIRTH_PLACES,
  type SeedBirthPlace,
  type SeedCountry,
} from './seed-data.js'
import { FOREIGN_NAME_POOLS, ITALIAN_NAME_POOL, type NamePool } from './seed-data-names.js'
import {
  type CivilStatus,
  HOUSEHOLD_KINDS,
  type Relationship,
  type Sketch,
  sketchHousehold,
} from './seed-household-sketch.js'
import { rankWeight, type SeededRandom, WeightedPicker } from './seeded-random.js'

export type { CivilStatus, Relationship } from './seed-household-sketch.js'

/** A person of a planned household, dates as day numbers; the fiscal code is assigned later. */
export interface PlannedPerson {
  givenName: string
  familyName: string
  sex: Sex
  birthDay: number
  birthPlaceCode: string
  birthPlaceName: string
  citizenship: string
  civilStatus: CivilStatus
  relationship: Relationship
  residentSinceDay: number
}

export interface PlannedHousehold {
  formedOnDay: number
  /** Give the household every kind of folder record (the demo's test citizens). */
  showcase?: boolean
  members: PlannedPerson[]
}

/** Tuned so that about a fifth of the residents are born abroad. */
const FOREIGN_HOUSEHOLD_SHARE = 0.27
const FOREIGN_ELDERLY_HOUSEHOLD_SHARE = 0.04
/** Tuned so that about half of the Italian-born residents are born in the city itself. */
const CITY_BORN_ADULT_SHARE = 0.43
const ITALIAN_NAME_FOR_CHILD_BORN_HERE = 0.25
const CIVIL_UNION_LAW_DAY = dayNumberFromIso('2016-06-05')

interface NamePickers {
  male: WeightedPicker<string>
  female: WeightedPicker<string>
  surnames: WeightedPicker<string>
}

export interface HouseholdCity {
  cadastralCode: string
  name: string
}

/** Plans households one at a time: who lives together, their names, birth places and dates. */
export class HouseholdPlanner {
  private readonly kinds = new WeightedPicker(HOUSEHOLD_KINDS, (entry) => entry.weight)
  private readonly italianPlaces = new WeightedPicker(ITALIAN_BIRTH_PLACES, (place) => place.weight)
  private readonly countries = new WeightedPicker(FOREIGN_COUNTRIES, (country) => country.weight)
  private readonly italianNames = namePickers(ITALIAN_NAME_POOL)
  private readonly foreignNames = new Map<string, NamePickers>()
  private readonly cityPlace: SeedBirthPlace

  constructor(
    city: HouseholdCity,
    private readonly referenceDay: number,
  ) {
    this.cityPlace = { code: city.cadastralCode, name: city.name, weight: 0 }
    for (const [key, pool] of Object.entries(FOREIGN_NAME_POOLS))
      this.foreignNames.set(key, namePickers(pool))
  }

  /** One household of at most maxMembers people (the head always comes first). */
  plan(random: SeededRandom, maxMembers: number): PlannedHousehold {
    const kind = this.kinds.pick(random).kind
    const sketches = sketchHousehold(kind, random).slice(0, Math.max(1, maxMembers))
    const elderly = kind === 'elderly-single' || kind === 'elderly-couple'
    const headCountry = random.chance(elderly ? FOREIGN_ELDERLY_HOUSEHOLD_SHARE : FOREIGN_HOUSEHOLD_SHARE)
      ? this.countries.pick(random)
      : null
    for (const sketch of sketches) sketch.country = this.countryFor(sketch, headCountry, random)
    return this.realise(sketches, random)
  }

  private countryFor(
    sketch: Sketch,
    headCountry: SeedCountry | null,
    random: SeededRandom,
  ): SeedCountry | null {
    switch (sketch.relationship) {
      case 'head':
      case 'parent':
        return headCountry
      case 'spouse':
      case 'partner':
        // Mixed couples: mostly an Italian with a partner from abroad or the other way round.
        if (headCountry) return random.chance(0.85) ? headCountry : null
        return random.chance(0.04) ? this.countries.pick(random) : null
      case 'other':
        return random.chance(FOREIGN_HOUSEHOLD_SHARE) ? this.countries.pick(random) : null
      case 'child':
        return null // settled from the parents in realise()
    }
  }

  /** Names, places and dates for the sketched people. */
  private realise(sketches: Sketch[], random: SeededRandom): PlannedHousehold {
    const members: PlannedPerson[] = []
    const founders: PlannedPerson[] = []
    const parentsOfChildren: { person: PlannedPerson; country: SeedCountry | null }[] = []
    const arrivalDay = this.referenceDay - yearsInDays(random.between(0, 22))
    for (const sketch of sketches) {
      if (sketch.relationship === 'child') continue
      const person = this.adultPerson(sketch, arrivalDay, random)
      members.push(person)
      if (sketch.relationship !== 'parent') founders.push(person)
      if (
        sketch.relationship === 'head' ||
        sketch.relationship === 'spouse' ||
        sketch.relationship === 'partner'
      ) {
        parentsOfChildren.push({ person, country: sketch.country })
      }
    }
    const head = members[0] as PlannedPerson
    const elder = members.find((member) => member.relationship === 'parent')
    if (elder) this.relateElderToHead(elder, head, random)

    const children = sketches.filter((sketch) => sketch.relationship === 'child')
    const childPeople = this.childrenPeople(children, parentsOfChildren, random)
    members.splice(founders.length, 0, ...childPeople)

    const formedOnDay = this.formedOn(founders, head, random)
    return { formedOnDay, members }
  }

  private adultPerson(sketch: Sketch, arrivalDay: number, random: SeededRandom): PlannedPerson {
    const birthDay = this.referenceDay - yearsInDays(sketch.age)
    const names = this.namesFor(sketch.country)
    let birthPlace: SeedBirthPlace
    let residentSinceDay: number
    if (sketch.country) {
      birthPlace = sketch.country
      residentSinceDay = Math.min(Math.max(arrivalDay, birthDay + yearsInDays(16)), this.referenceDay)
    } else if (random.chance(CITY_BORN_ADULT_SHARE)) {
      birthPlace = this.cityPlace
      residentSinceDay = birthDay
    } else {
      birthPlace = this.italianPlaces.pick(random)
      residentSinceDay = birthDay + yearsInDays(random.between(18, Math.max(18, Math.min(40, sketch.age))))
    }
    return {
      givenName: (sketch.sex === 'M' ? names.male : names.female).pick(random),
      familyName: names.surnames.pick(random),
      sex: sketch.sex,
      birthDay,
      birthPlaceCode: birthPlace.code,
      birthPlaceName: birthPlace.name,
      citizenship: sketch.country?.citizenship ?? 'IT',
      civilStatus: sketch.civilStatus,
      relationship: sketch.relationship,
      residentSinceDay: Math.min(residentSinceDay, this.referenceDay),
    }
  }

  /** A father carries the head's surname; the parent often came from the head's home town. */
  private relateElderToHead(elder: PlannedPerson, head: PlannedPerson, random: SeededRandom): void {
    if (elder.sex === 'M' && head.sex === 'M') elder.familyName = head.familyName
    if (head.birthPlaceCode !== this.cityPlace.code && random.chance(0.6)) {
      elder.birthPlaceCode = head.birthPlaceCode
      elder.birthPlaceName = head.birthPlaceName
      elder.citizenship = head.citizenship
    }
    // The elder moved in with the family when their own home was left.
    if (elder.birthPlaceCode !== this.cityPlace.code) {
      const earliest = Math.max(head.residentSinceDay, elder.birthDay + yearsInDays(50))
      elder.residentSinceDay = Math.min(
        this.referenceDay,
        earliest + Math.floor(random.next() * yearsInDays(8)),
      )
    }
  }

  private childrenPeople(
    children: Sketch[],
    parents: { person: PlannedPerson; country: SeedCountry | null }[],
    random: SeededRandom,
  ): PlannedPerson[] {
    if (children.length === 0 || parents.length === 0) return []
    const father = parents.find((parent) => parent.person.sex === 'M') ?? parents[0]!
    const foreignParent = parents.find((parent) => parent.country !== null)
    const italianParent = parents.find((parent) => parent.country === null)
    // Italian citizenship passes through either parent (ius sanguinis), not through birth here.
    const citizenship = italianParent ? 'IT' : (foreignParent?.country?.citizenship ?? 'IT')
    const together = Math.max(...parents.map((parent) => parent.person.residentSinceDay))
    const singleMother = parents.length === 1 && father.person.sex === 'F'
    const familyName =
      singleMother && random.chance(0.4)
        ? this.namesFor(father.country).surnames.pick(random)
        : father.person.familyName
    const elsewhere = this.childBirthPlaceAway(parents, random)
    const usedNames = new Set<string>()
    return children
      .sort((left, right) => right.age - left.age)
      .map((child) => {
        const birthDay = this.referenceDay - yearsInDays(child.age)
        const bornHere = birthDay >= together
        const namePool =
          bornHere && foreignParent && random.chance(ITALIAN_NAME_FOR_CHILD_BORN_HERE)
            ? this.italianNames
            : this.namesFor(father.country)
        let givenName = ''
        for (let attempt = 0; attempt < 4 && (givenName === '' || usedNames.has(givenName)); attempt++) {
          givenName = (child.sex === 'M' ? namePool.male : namePool.female).pick(random)
        }
        usedNames.add(givenName)
        return {
          givenName,
          familyName,
          sex: child.sex,
          birthDay,
          birthPlaceCode: bornHere ? this.cityPlace.code : elsewhere.code,
          birthPlaceName: bornHere ? this.cityPlace.name : elsewhere.name,
          citizenship,
          civilStatus: child.civilStatus,
          relationship: 'child' as const,
          residentSinceDay: bornHere ? birthDay : Math.min(together, this.referenceDay),
        }
      })
  }

  /** Where a child born before the parents settled here was born: a foreign parent's country or a parent's home town. */
  private childBirthPlaceAway(
    parents: { person: PlannedPerson; country: SeedCountry | null }[],
    random: SeededRandom,
  ): { code: string; name: string } {
    const foreign = parents.find((parent) => parent.country !== null)?.country
    if (foreign) return foreign
    const incomer = parents.find((parent) => parent.person.birthPlaceCode !== this.cityPlace.code)?.person
    if (incomer) return { code: incomer.birthPlaceCode, name: incomer.birthPlaceName }
    return this.italianPlaces.pick(random)
  }

  /** The household was registered at this address after its founders had all settled in the city. */
  private formedOn(founders: PlannedPerson[], head: PlannedPerson, random: SeededRandom): number {
    const settled = Math.max(
      head.birthDay + yearsInDays(18),
      ...founders.map((person) => person.residentSinceDay),
    )
    const base = Math.min(settled, this.referenceDay)
    let formedOn = base + Math.floor((this.referenceDay - base) * random.next() ** 2)
    const civilUnion = founders.some((person) => person.civilStatus === 'civil_union')
    if (civilUnion && formedOn < CIVIL_UNION_LAW_DAY && this.referenceDay >= CIVIL_UNION_LAW_DAY) {
      formedOn = CIVIL_UNION_LAW_DAY + Math.floor((this.referenceDay - CIVIL_UNION_LAW_DAY) * random.next())
    }
    return formedOn
  }

  private namesFor(country: SeedCountry | null): NamePickers {
    if (!country) return this.italianNames
    const pickers = this.foreignNames.get(country.namePool)
    if (!pickers) throw new Error(`no name pool ${country.namePool}`)
    return pickers
  }
}

function namePickers(pool: NamePool): NamePickers {
  return {
    male: new WeightedPicker(pool.male, rankWeight),
    female: new WeightedPicker(pool.female, rankWeight),
    surnames: new WeightedPicker(pool.surnames, rankWeight),
  }
}
