import crypto from 'node:crypto'
import { renderCertificatePdf } from '../../../apps/server/src/modules/certificates/certificate-pdf.js'
import type { CertificateDocument } from '../../../apps/server/src/modules/certificates/document.js'
import {
  generatePopulation,
  type PersonRow,
} from '../../../apps/server/src/modules/registry/seed-population.js'
import { SeededRandom } from '../../../apps/server/src/modules/registry/seeded-random.js'
import { formatShortDate } from '../../../apps/server/src/platform/format.js'
import { progress } from '../support/log.js'

const DOCUMENTS = Number(process.env.BENCH_CERTIFICATES ?? 2_000)
const SECONDS = Number(process.env.BENCH_CERTIFICATES_SECONDS ?? 10)
const WARM_UP_SECONDS = 1
const MILAN = { cadastralCode: 'F205', name: 'Milano', provinceCode: 'MI', istatCode: '015146' }
const ISSUED_ON = '2027-04-16'
const VALID_UNTIL = '2027-10-16'

const LEGAL_NOTICE =
  'Il presente certificato non può essere prodotto agli organi della pubblica amministrazione o ai privati gestori di pubblici servizi'
const EXEMPTIONS = [
  { use: 'Uso processuale', legalReference: 'DPR 115/2002 art. 18', feesCents: 52 },
  { use: 'Separazione / divorzio', legalReference: 'L. 74/1987 art. 19', feesCents: 0 },
  { use: 'Pensione estera', legalReference: 'DPR 642/1972 Tab. B art. 9', feesCents: 52 },
]
const OFFICERS = ['Giulia Bianchi', 'Marco Colombo', 'Francesca Ferrari']

interface SignedCertificate {
  document: CertificateDocument
  signature: string
}

/** Residents of a synthetic Milan with their address, generated in memory. */
function residents(count: number): { person: PersonRow; address: string }[] {
  const found: { person: PersonRow; address: string }[] = []
  const population = generatePopulation({
    citizens: Math.ceil(count * 1.3),
    seed: 'certificates-bench',
    city: MILAN,
    referenceDate: ISSUED_ON,
    includeTestIdentities: false,
  })
  for (const batch of population) {
    const addresses = new Map(batch.addresses.map((address) => [address.id, address]))
    const addressOfFamily = new Map(
      batch.families.map((family) => [family.id, addresses.get(family.addressId)]),
    )
    for (const person of batch.persons) {
      const address = addressOfFamily.get(person.familyId)
      if (!address) continue
      const street = `${address.streetName} ${address.houseNumber}`
      found.push({ person, address: `${street}, ${address.postalCode} ${address.municipalityName} (MI)` })
    }
  }
  return found
}

function residenceCertificate(
  resident: { person: PersonRow; address: string },
  index: number,
  random: SeededRandom,
): CertificateDocument {
  const { person } = resident
  const verificationCode = crypto.randomBytes(6).toString('hex').toUpperCase()
  const exemption = random.chance(0.2) ? random.pick(EXEMPTIONS) : undefined
  const stamp: CertificateDocument['stamp'] = exemption
    ? { mode: 'exempt', use: exemption.use, legalReference: exemption.legalReference }
    : random.chance(0.7)
      ? { mode: 'paid', amountCents: 1600, receiptReference: `RF${String(random.integer(1e9, 9e9))}${index}` }
      : { mode: 'declared', stampId: String(random.integer(1e13, 9.99e13)), stampDate: ISSUED_ON }
  return {
    city: {
      name: 'Comune di Milano',
      fiscalCode: '01199250158',
      office: 'Servizi Civici – Anagrafe',
      address: 'Via Larga 12, 20122 Milano',
    },
    titles: ['CERTIFICATO DI RESIDENZA'],
    languages: ['it'],
    preamble: ["L'Ufficiale d'Anagrafe, visti gli atti d'ufficio, certifica che"],
    subject: {
      givenName: person.givenName,
      familyName: person.familyName,
      fiscalCode: person.fiscalCode,
      sex: person.sex,
      birthDate: person.birthDate,
      birthPlace: person.birthPlaceName,
    },
    facts: [
      { kind: 'line', label: ['Residenza'], value: resident.address },
      { kind: 'line', label: ['Residente dal'], value: formatShortDate(person.residentSince, 'it') },
    ],
    protocol: { year: 2027, number: index + 1 },
    issuedOn: ISSUED_ON,
    validUntil: VALID_UNTIL,
    stamp,
    feesCents: exemption ? exemption.feesCents : 52,
    legalNotice: LEGAL_NOTICE,
    officer: random.pick(OFFICERS),
    verificationUrl: `https://www.comune.milano.it/certificati/verifica/${verificationCode}`,
    verificationCode,
    seal: '',
  }
}

/** The document with its seal: an Ed25519 signature of the content that identifies the certificate. */
function seal(document: CertificateDocument, privateKey: crypto.KeyObject): SignedCertificate {
  const content = {
    protocol: document.protocol,
    verificationCode: document.verificationCode,
    issuedOn: document.issuedOn,
    validUntil: document.validUntil,
    subject: document.subject,
    facts: document.facts,
  }
  const signature = crypto.sign(null, Buffer.from(JSON.stringify(content)), privateKey).toString('base64')
  return { document: { ...document, seal: signature }, signature }
}

/** Renders the certificates in turn, round after round, for `seconds`; the time of each in ms. */
async function timeRenders(
  certificates: SignedCertificate[],
  seconds: number,
  render: (certificate: SignedCertificate) => unknown,
): Promise<{ count: number; seconds: number; times: number[]; bytes: number }> {
  const times: number[] = []
  let bytes = 0
  const started = performance.now()
  const deadline = started + seconds * 1000
  for (let n = 0; performance.now() < deadline; n++) {
    const certificate = certificates[n % certificates.length] as SignedCertificate
    const before = performance.now()
    const output = (await render(certificate)) as { length: number }
    times.push(performance.now() - before)
    bytes += output.length
  }
  return { count: times.length, seconds: (performance.now() - started) / 1000, times, bytes }
}

function percentile(sorted: number[], fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))] ?? Number.NaN
}

const round = (value: number, digits: number) => Number(value.toFixed(digits))

/**
 * How fast one core renders certificate PDFs, against the same data written as signed JSON: the
 * cost of the document itself, with no database or HTTP in the way.
 */
export async function certificatesBench(): Promise<Record<string, unknown>> {
  progress(`generating ${DOCUMENTS.toLocaleString('en')} residence certificates of synthetic citizens`)
  const random = new SeededRandom('certificates-bench-documents')
  const people = residents(DOCUMENTS)
  const { privateKey } = crypto.generateKeyPairSync('ed25519')
  const certificates = Array.from({ length: DOCUMENTS }, (_, index) =>
    seal(residenceCertificate(random.pick(people), index, random), privateKey),
  )
  const renderPdf = (certificate: SignedCertificate) => renderCertificatePdf(certificate.document)
  const renderJson = (certificate: SignedCertificate) => JSON.stringify(certificate)

  progress(`warming up for ${WARM_UP_SECONDS} s`)
  await timeRenders(certificates, WARM_UP_SECONDS, renderPdf)
  await timeRenders(certificates, WARM_UP_SECONDS / 4, renderJson)

  progress(`rendering PDFs for ${SECONDS} s`)
  const pdf = await timeRenders(certificates, SECONDS, renderPdf)
  progress(`rendering JSON for ${SECONDS} s`)
  const json = await timeRenders(certificates, SECONDS, renderJson)

  const pdfTimes = pdf.times.sort((a, b) => a - b)
  const jsonTimes = json.times.sort((a, b) => a - b)
  const pdfPerSecond = pdf.count / pdf.seconds
  const jsonPerSecond = json.count / json.seconds
  return {
    bench: 'certificates',
    pdf_per_s: round(pdfPerSecond, 1),
    json_per_s: round(jsonPerSecond, 0),
    p50_ms: round(percentile(pdfTimes, 0.5), 3),
    p99_ms: round(percentile(pdfTimes, 0.99), 3),
    max_ms: round(pdfTimes[pdfTimes.length - 1] ?? Number.NaN, 3),
    json_p50_ms: round(percentile(jsonTimes, 0.5), 4),
    json_to_pdf_ratio: round(jsonPerSecond / pdfPerSecond, 1),
    documents: DOCUMENTS,
    pdf_count: pdf.count,
    json_count: json.count,
    pdf_mean_bytes: Math.round(pdf.bytes / pdf.count),
    json_mean_bytes: Math.round(json.bytes / json.count),
    seconds: SECONDS,
    node: process.version,
  }
}
