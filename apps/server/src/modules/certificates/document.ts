/**
 * A certificate as it is printed: everything the PDF shows, already decided by the content rules
 * (policy.ts) and the request. The renderer only lays it out; the signed content is the `facts`,
 * the `subject` and the identifiers, so any change to them breaks the seal.
 */
export interface CertificateDocument {
  city: {
    /** "Comune di Milano" */
    name: string
    fiscalCode: string
    /** The registry office that issues it, e.g. "Servizi Civici – Anagrafe". */
    office: string
    address: string
  }
  /** The ANPR type's title in the certificate's languages: "CERTIFICATO DI RESIDENZA" (+ "BESCHEINIGUNG …"). */
  titles: string[]
  /** it, or it plus the city's second language (de, sl, fr): every label printed in both. */
  languages: ('it' | 'de' | 'sl' | 'fr')[]
  /** The opening sentence, "L'Ufficiale d'Anagrafe, visti gli atti d'ufficio, certifica che", per language. */
  preamble: string[]
  subject: {
    givenName: string
    familyName: string
    fiscalCode: string
    sex: 'M' | 'F'
    birthDate: string
    birthPlace: string
  }
  /**
   * What is certified, in order: a label and its value per fact ("Residenza" → "Via Dante 1, Milano"),
   * or a table (the household of a stato di famiglia, earlier residences).
   */
  facts: (
    | { kind: 'line'; label: string[]; value: string }
    | { kind: 'table'; label: string[]; columns: string[]; rows: string[][] }
    | { kind: 'statement'; text: string[] }
  )[]
  /** "Protocollo n. 2027/000123" */
  protocol: { year: number; number: number }
  issuedOn: string
  validUntil: string
  /** The stamp line: paid online, declared stamp (14-digit id and date), or the exemption with its reference. */
  stamp:
    | { mode: 'paid'; amountCents: number; receiptReference: string }
    | { mode: 'declared'; stampId: string; stampDate: string }
    | { mode: 'exempt'; use: string; legalReference: string }
  /** Secretariat fees collected, 0 when none. */
  feesCents: number
  /** The art. 40 DPR 445/2000 sentence, or the "solo per l'estero" one for use abroad. */
  legalNotice: string
  officer: string
  /** Where the QR code points: the public verification page of this certificate. */
  verificationUrl: string
  verificationCode: string
  /** The Ed25519 signature of the content (base64), printed in small type under the QR code. */
  seal: string
}
