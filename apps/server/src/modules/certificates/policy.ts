/**
 * The certificate types Civico issues online (ANPR numbering), which facts each certifies, and the
 * rules about stamp duty, fees and what a person's record allows.
 */
export const CERTIFICATE_TYPES = {
  nascita: { anpr: 1, title: 'CERTIFICATO DI NASCITA', civilStatus: true, facts: ['birth'] },
  cittadinanza: { anpr: 5, title: 'CERTIFICATO DI CITTADINANZA', civilStatus: false, facts: ['citizenship'] },
  'esistenza-in-vita': {
    anpr: 7,
    title: 'CERTIFICATO DI ESISTENZA IN VITA',
    civilStatus: false,
    facts: ['alive'],
  },
  residenza: { anpr: 8, title: 'CERTIFICATO DI RESIDENZA', civilStatus: false, facts: ['residence'] },
  'storico-residenza': {
    anpr: 9,
    title: 'CERTIFICATO STORICO DI RESIDENZA',
    civilStatus: false,
    facts: ['residence', 'residence-history'],
  },
  'stato-civile': {
    anpr: 11,
    title: 'CERTIFICATO DI STATO CIVILE',
    civilStatus: false,
    facts: ['civil-status'],
  },
  'stato-famiglia': {
    anpr: 12,
    title: 'CERTIFICATO DI STATO DI FAMIGLIA',
    civilStatus: false,
    facts: ['residence', 'family'],
  },
  'stato-libero': {
    anpr: 17,
    title: 'CERTIFICATO DI STATO LIBERO',
    civilStatus: false,
    facts: ['free-status'],
  },
  contestuale: {
    anpr: null,
    title: 'CERTIFICATO CONTESTUALE',
    civilStatus: false,
    facts: ['birth', 'citizenship', 'alive', 'residence', 'civil-status', 'family'],
  },
} as const

export type CertificateType = keyof typeof CERTIFICATE_TYPES
export const CERTIFICATE_TYPE_IDS = Object.keys(CERTIFICATE_TYPES) as CertificateType[]
export type Fact = (typeof CERTIFICATE_TYPES)[CertificateType]['facts'][number]

/** The official list of uses exempt from stamp duty, with the legal reference printed on the certificate. */
export const STAMP_EXEMPTIONS = {
  '1': { use: 'ONLUS', reference: 'DPR 642/1972 Tab. B art. 27-bis', feeFree: false },
  '2': {
    use: 'Società e associazioni sportive',
    reference: 'DPR 642/1972 Tab. B art. 8-bis',
    feeFree: false,
  },
  '3': { use: 'Uso processuale', reference: 'DPR 115/2002 art. 18', feeFree: false },
  '4': {
    use: 'Consulente tecnico d’ufficio o curatore',
    reference: 'DPR 642/1972 Tab. B art. 16',
    feeFree: true,
  },
  '5': {
    use: 'Interdizione, inabilitazione, amministrazione di sostegno',
    reference: 'DPR 642/1972 Tab. B art. 13',
    feeFree: false,
  },
  '6': {
    use: 'Adozione, affidamento, tutela di minori',
    reference: 'DPR 642/1972 Tab. B art. 13; L. 184/1983 art. 82',
    feeFree: true,
  },
  '7': { use: 'Separazione o divorzio', reference: 'L. 74/1987 art. 19', feeFree: true },
  '8': { use: 'Variazione toponomastica', reference: 'L. 537/1993 art. 16', feeFree: false },
  '9': { use: 'Pensione estera', reference: 'DPR 642/1972 Tab. B art. 9', feeFree: false },
  '10': {
    use: 'Scambio di atti fra pubbliche amministrazioni',
    reference: 'DPR 642/1972 Tab. B art. 16',
    feeFree: true,
  },
} as const
export type ExemptionCode = keyof typeof STAMP_EXEMPTIONS
export const EXEMPTION_CODES = Object.keys(STAMP_EXEMPTIONS) as ExemptionCode[]

/** Civil status certificates carry no stamp duty by nature; the others €16 unless exempt. */
export const STAMP_DUTY_CENTS = 1600
export const VALIDITY_MONTHS = 6

/** Certifiability of a person's registry record, as ANPR codes it. */
export const CERTIFIABILITY = {
  notCertifiable: 0,
  partial: 1,
  complete: 2,
  notRegistrable: 3,
  interdicted: 4,
} as const
export type Certifiability = (typeof CERTIFIABILITY)[keyof typeof CERTIFIABILITY]

/** With a partial record only residence and family can be certified. */
const PARTIAL_FACTS: readonly Fact[] = ['residence', 'residence-history', 'family']

/**
 * Why a type cannot be certified for this person, or null when it can: the record's certifiability,
 * and for stato libero the person's civil status.
 */
export function refusalOf(
  type: CertificateType,
  person: { certifiability: Certifiability; civilStatus: string },
): string | null {
  const { certifiability } = person
  if (certifiability === CERTIFIABILITY.notCertifiable) return 'certificates.refused-not-certifiable'
  if (certifiability === CERTIFIABILITY.notRegistrable) return 'certificates.refused-not-registrable'
  if (certifiability === CERTIFIABILITY.interdicted) return 'certificates.refused-interdicted'
  const facts: readonly Fact[] = CERTIFICATE_TYPES[type].facts
  if (certifiability === CERTIFIABILITY.partial && facts.some((fact) => !PARTIAL_FACTS.includes(fact)))
    return 'certificates.refused-partial'
  if (type === 'stato-libero' && !['single', 'divorced', 'widowed'].includes(person.civilStatus))
    return 'certificates.refused-not-free'
  return null
}

export type StampChoice =
  | { mode: 'pay' }
  | { mode: 'declared'; stampId: string; stampDate: string }
  | { mode: 'exempt'; exemption: ExemptionCode }

/** A marca da bollo's identifier: 14 digits. */
export function isValidStampId(text: string): boolean {
  return /^\d{14}$/.test(text)
}

export interface FeeSettings {
  /** Diritti di segreteria on a certificate with stamp duty, and on an exempt one, in cents. */
  withStampCents: number
  exemptCents: number
}

/** What stamp duty and fees a request owes: civil status types owe neither; some exempt uses no fees. */
export function chargesOf(
  type: CertificateType,
  stamp: StampChoice,
  fees: FeeSettings,
): { stampCents: number; feesCents: number } {
  if (CERTIFICATE_TYPES[type].civilStatus) return { stampCents: 0, feesCents: 0 }
  if (stamp.mode === 'exempt') {
    return { stampCents: 0, feesCents: STAMP_EXEMPTIONS[stamp.exemption].feeFree ? 0 : fees.exemptCents }
  }
  // A declared stamp is bought at a tobacconist's: only the fees are left to pay here.
  return { stampCents: stamp.mode === 'pay' ? STAMP_DUTY_CENTS : 0, feesCents: fees.withStampCents }
}

/**
 * The last day a certificate is valid: the day before the same date six months on, or the last day
 * of that month when it has no such date (issued on 31 August, valid through February).
 */
export function validUntil(issuedOn: string): string {
  const [year, month, day] = issuedOn.split('-').map(Number) as [number, number, number]
  const targetMonth = month - 1 + VALIDITY_MONTHS
  const lastDay = new Date(Date.UTC(year, targetMonth + 1, 0)).getUTCDate()
  const end =
    day > lastDay
      ? new Date(Date.UTC(year, targetMonth, lastDay))
      : new Date(Date.UTC(year, targetMonth, day - 1))
  return end.toISOString().slice(0, 10)
}

/** A name as the public verification page shows it: initial and last letter of each word. */
export function maskName(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .map((word) =>
      word.length <= 2 ? `${word[0]}*` : `${word[0]}${'*'.repeat(word.length - 2)}${word.at(-1)}`,
    )
    .join(' ')
}

/** A fiscal code with only its first three and last characters showing. */
export function maskFiscalCode(code: string): string {
  return `${code.slice(0, 3)}${'*'.repeat(Math.max(0, code.length - 4))}${code.slice(-1)}`
}

/** "2027/000123": the year and the number within it, as printed and shown. */
export function formatProtocol(year: number, number: number): string {
  return `${year}/${String(number).padStart(6, '0')}`
}
