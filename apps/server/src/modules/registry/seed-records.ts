import { addCalendarYears, dayNumberFromIso, isoFromDayNumber, yearsInDays } from './calendar-days.js'
import type { RecordDetails, RecordKind } from './record-schema.js'
import { MILAN_STREETS } from './seed-data.js'
import {
  BOOKS,
  CAR_MODELS,
  LIBRARIES,
  OTHER_MUNICIPALITIES,
  PEC_PROVIDERS,
  PLATE_LETTERS,
} from './seed-records-data.js'
import { SeededRandom } from './seeded-random.js'

/** A record as the bulk insert stores it: details already serialised. */
export interface RecordRow {
  id: string
  personId: string
  kind: RecordKind
  reference: string
  validFrom: string | null
  validUntil: string | null
  details: string
}

export interface RecordHousehold {
  familyId: string
  address: { streetName: string; houseNumber: string; municipalityName: string }
  members: readonly {
    id: string
    givenName: string
    familyName: string
    birthDate: string
    relationship: string
    residentSince: string
  }[]
  /** Give every member each kind of record that fits their age (the demo's test citizens). */
  showcase?: boolean
}

type Member = RecordHousehold['members'][number]

/**
 * The records of one household. Drawn from a random source seeded by the family's id, so the same
 * household always gets the same records and the population's own random stream is untouched.
 */
export function generateHouseholdRecords(household: RecordHousehold, referenceDay: number): RecordRow[] {
  const random = new SeededRandom(`records:${household.familyId}`)
  const builder = new RecordBuilder(random, referenceDay)
  const always = household.showcase === true
  const adults = household.members.filter((member) => ageIn(member, referenceDay) >= 18)

  for (const member of household.members) {
    const age = ageIn(member, referenceDay)
    if (always || random.chance(age < 18 ? 0.45 : 0.93)) builder.identityCard(member, age)
    if (age >= 18 && (always || random.chance(0.3))) builder.previousResidences(member)
    if (age <= 13) builder.school(member, age, always)
    if (age >= 6 && age <= 85 && (always || random.chance(0.22))) builder.libraryLoans(member, age)
    if (age >= 25 && age <= 75 && (always || random.chance(0.18))) builder.digitalDomicile(member)
  }
  for (const adult of adults) {
    const age = ageIn(adult, referenceDay)
    if (age <= 85 && (always || random.chance(0.55))) builder.vehicle(adult, always)
  }
  const owners = adults.filter((adult) => ['head', 'spouse', 'partner'].includes(adult.relationship))
  if (owners.length > 0 && (always || random.chance(0.55))) builder.properties(owners, household, always)
  const head = household.members.find((member) => member.relationship === 'head') ?? adults[0]
  const hasMinors = household.members.some((member) => ageIn(member, referenceDay) < 18)
  if (head && (always || random.chance(hasMinors ? 0.45 : 0.12))) builder.isee(head, household.members.length)
  return builder.rows
}

function ageIn(member: Member, referenceDay: number): number {
  return Math.floor((referenceDay - dayNumberFromIso(member.birthDate)) / 365.2425)
}

class RecordBuilder {
  readonly rows: RecordRow[] = []

  constructor(
    private readonly random: SeededRandom,
    private readonly today: number,
  ) {}

  private add<K extends RecordKind>(
    member: Member,
    kind: K,
    envelope: { reference: string; validFrom?: number | null; validUntil?: number | null },
    details: RecordDetails<K>,
  ): void {
    this.rows.push({
      id: this.random.uuid(),
      personId: member.id,
      kind,
      reference: envelope.reference,
      validFrom: envelope.validFrom == null ? null : isoFromDayNumber(envelope.validFrom),
      validUntil: envelope.validUntil == null ? null : isoFromDayNumber(envelope.validUntil),
      details: JSON.stringify(details),
    })
  }

  private letters(count: number): string {
    let text = ''
    for (let index = 0; index < count; index++) text += this.random.pick([...PLATE_LETTERS])
    return text
  }

  private digits(count: number): string {
    return String(this.random.integer(0, 10 ** count - 1)).padStart(count, '0')
  }

  /**
   * The CIE lasts 3 years under age 3, 5 years under 18, 10 years for adults, and runs to the
   * holder's birthday after that term. Issue dates spread so some cards have lapsed or lapse soon.
   */
  identityCard(member: Member, age: number): void {
    const years = age < 3 ? 3 : age < 18 ? 5 : 10
    const birthDay = dayNumberFromIso(member.birthDate)
    const earliest = Math.max(birthDay + 30, this.today - yearsInDays(years) - 200)
    const issued = this.random.integer(Math.min(earliest, this.today), this.today)
    let expires = addCalendarYears(birthDay, 0)
    while (expires < addCalendarYears(issued, years)) expires = addCalendarYears(expires, 1)
    const paper = age >= 30 && this.random.chance(0.08)
    this.add(
      member,
      'identity-card',
      {
        reference: paper ? `A${this.letters(1)}${this.digits(7)}` : `CA${this.digits(5)}${this.letters(2)}`,
        validFrom: issued,
        validUntil: expires,
      },
      { format: paper ? 'paper' : 'cie', issuer: 'Comune di Milano', validForExpatriation: age >= 18 },
    )
  }

  previousResidences(member: Member): void {
    let until = dayNumberFromIso(member.residentSince) - 1
    const count = this.random.integer(1, 2)
    for (
      let index = 0;
      index < count && until > dayNumberFromIso(member.birthDate) + yearsInDays(18);
      index++
    ) {
      const from = until - this.random.integer(400, 3_000)
      const elsewhere = this.random.chance(0.6)
      const [municipalityName, provinceCode] = elsewhere
        ? this.random.pick(OTHER_MUNICIPALITIES)
        : ['Milano', 'MI']
      this.add(
        member,
        'previous-residence',
        { reference: municipalityName, validFrom: from, validUntil: until },
        {
          streetName: elsewhere
            ? `Via ${this.random.pick(['Roma', 'Garibaldi', 'Mazzini', 'Verdi', 'Dante'])}`
            : this.random.pick(MILAN_STREETS).name,
          houseNumber: String(this.random.integer(1, 120)),
          municipalityName,
          provinceCode,
        },
      )
      until = from - 1
    }
  }

  /** Enrolments of the current school year, which runs from 1 September to 30 June. */
  school(member: Member, age: number, always: boolean): void {
    const level =
      age <= 2 ? 'nido' : age <= 5 ? 'infanzia' : age <= 10 ? 'primaria' : 'secondaria-primo-grado'
    if (level === 'nido' && !always && !this.random.chance(0.3)) return
    const todayIso = isoFromDayNumber(this.today)
    const year = Number(todayIso.slice(0, 4)) - (Number(todayIso.slice(5, 7)) < 9 ? 1 : 0)
    const street = this.random.pick(MILAN_STREETS).name
    const schoolName = `${SCHOOL_NAMES[level]} ${street}`
    const start = dayNumberFromIso(`${year}-09-01`)
    const end = dayNumberFromIso(`${year + 1}-06-30`)
    const grade = level === 'primaria' ? age - 5 : level === 'secondaria-primo-grado' ? age - 10 : 0
    const classLabel =
      grade > 0
        ? `${grade}ª ${this.random.pick(['A', 'B', 'C', 'D'])}`
        : `Sezione ${this.random.integer(1, 6)}`
    const schoolYear = `${year}/${year + 1}`
    this.add(
      member,
      'school-enrolment',
      { reference: schoolYear, validFrom: start, validUntil: end },
      { level, schoolName, classLabel },
    )
    if (level !== 'secondaria-primo-grado' && (always || this.random.chance(0.8))) {
      const feeBand = this.random.integer(1, 6)
      this.add(
        member,
        'canteen-enrolment',
        { reference: schoolYear, validFrom: start, validUntil: end },
        {
          schoolName,
          diet: this.random.chance(0.85)
            ? 'standard'
            : this.random.pick(['vegetarian', 'no-pork', 'medical'] as const),
          feeBand,
          monthlyFeeCents: [0, 1_500, 3_000, 5_000, 7_000, 9_000][feeBand - 1] ?? 0,
        },
      )
    }
  }

  vehicle(member: Member, always: boolean): void {
    const [make, model] = this.random.pick(CAR_MODELS)
    const registered = this.today - this.random.integer(60, yearsInDays(18))
    const plate = `${this.letters(2)}${this.digits(3)}${this.letters(2)}`
    const ageYears = (this.today - registered) / 365.2425
    const fuel =
      model === 'Model 3'
        ? 'electric'
        : this.random.pick(['petrol', 'petrol', 'diesel', 'hybrid', 'lpg'] as const)
    const euroClass = fuel === 'electric' ? 6 : Math.max(3, Math.min(6, Math.round(6.4 - ageYears / 3.5)))
    this.add(member, 'vehicle', { reference: plate, validFrom: registered }, { make, model, fuel, euroClass })
    if (always || this.random.chance(0.6)) {
      // The demo's test citizens hold a permit ending in four weeks, so its reminder has something to say.
      const from = always ? addCalendarYears(this.today + 28, -2) : this.today - this.random.integer(0, 700)
      this.add(
        member,
        'resident-parking-permit',
        { reference: `PS${this.digits(7)}`, validFrom: from, validUntil: addCalendarYears(from, 2) },
        { zone: `Ambito ${this.random.integer(1, 84)}`, plate },
      )
    }
    if (always || this.random.chance(0.35)) {
      const year = isoFromDayNumber(this.today).slice(0, 4)
      this.add(
        member,
        'area-c-pass',
        {
          reference: plate,
          validFrom: dayNumberFromIso(`${year}-01-01`),
          validUntil: dayNumberFromIso(`${year}-12-31`),
        },
        { plate, freeEntries: 40, entriesUsed: this.random.integer(0, 40) },
      )
    }
    if (euroClass <= 4 && (always || this.random.chance(0.5))) {
      const from = this.today - this.random.integer(0, 300)
      this.add(
        member,
        'area-b-exemption',
        { reference: `MI-${this.digits(8)}`, validFrom: from, validUntil: addCalendarYears(from, 1) },
        { plate, scheme: this.random.chance(0.7) ? 'move-in' : 'resident-exemption' },
      )
    }
  }

  properties(owners: readonly Member[], household: RecordHousehold, always: boolean): void {
    const home = `${household.address.streetName} ${household.address.houseNumber}, ${household.address.municipalityName}`
    const sheet = this.random.integer(1, 650)
    const parcel = this.random.integer(1, 900)
    const share = Math.round((100 / owners.length) * 100) / 100
    const income = this.random.integer(40_000, 220_000)
    for (const owner of owners) {
      this.add(
        owner,
        'property',
        {
          reference: `F. ${sheet} P. ${parcel} S. ${this.random.integer(1, 120)}`,
          validFrom: dayNumberFromIso(owner.residentSince),
        },
        {
          category: this.random.chance(0.7) ? 'A/2' : 'A/3',
          address: home,
          sharePercent: share,
          mainHome: true,
          cadastralIncomeCents: income,
        },
      )
    }
    const owner = owners[0] as Member
    if (always || this.random.chance(0.3)) {
      this.add(
        owner,
        'property',
        {
          reference: `F. ${sheet} P. ${parcel} S. ${this.random.integer(121, 200)}`,
          validFrom: dayNumberFromIso(owner.residentSince),
        },
        {
          category: 'C/6',
          address: home,
          sharePercent: 100,
          mainHome: false,
          cadastralIncomeCents: this.random.integer(8_000, 30_000),
        },
      )
    }
  }

  /** A DSU signed this year, valid to 31 December. */
  isee(head: Member, householdSize: number): void {
    const year = isoFromDayNumber(this.today).slice(0, 4)
    const start = dayNumberFromIso(`${year}-01-01`)
    const signed = this.random.integer(start, Math.max(start, this.today))
    this.add(
      head,
      'isee',
      {
        reference: `INPS-ISEE-${year}-${this.digits(8)}${this.letters(1)}-00`,
        validFrom: signed,
        validUntil: dayNumberFromIso(`${year}-12-31`),
      },
      {
        type: householdSize > 2 && this.random.chance(0.3) ? 'minorenni' : 'ordinario',
        valueCents: this.random.integer(300_000, 6_000_000),
        householdSize,
      },
    )
  }

  /** Loans last 30 days; some are back, some are due soon, a few are late. */
  libraryLoans(member: Member, age: number): void {
    const count = this.random.integer(1, 3)
    const library = this.random.pick(LIBRARIES)
    for (let index = 0; index < count; index++) {
      const [title, author] =
        age < 12 ? this.random.pick(BOOKS.slice(1, 3).concat(BOOKS.slice(14))) : this.random.pick(BOOKS)
      const loaned = this.today - this.random.integer(0, 60)
      const renewals = this.random.chance(0.2) ? 1 : 0
      const due = loaned + 30 * (1 + renewals)
      const returned = loaned + this.random.integer(5, 40)
      this.add(
        member,
        'library-loan',
        { reference: this.digits(10), validFrom: loaned, validUntil: due },
        {
          title,
          author,
          library,
          returnedOn: returned <= this.today && this.random.chance(0.5) ? isoFromDayNumber(returned) : null,
          renewals,
        },
      )
    }
  }

  digitalDomicile(member: Member): void {
    const local = `${member.givenName}.${member.familyName}`
      .toLowerCase()
      .normalize('NFD')
      .replace(/[^a-z.]/g, '')
    this.add(
      member,
      'digital-domicile',
      {
        reference: `${local}@${this.random.pick(PEC_PROVIDERS)}`,
        validFrom: this.today - this.random.integer(30, 2_500),
      },
      { source: 'INAD' },
    )
  }
}

const SCHOOL_NAMES: Record<RecordDetails<'school-enrolment'>['level'], string> = {
  nido: 'Nido comunale',
  infanzia: "Scuola dell'infanzia",
  primaria: 'Scuola primaria',
  'secondaria-primo-grado': 'Scuola secondaria di primo grado',
}
