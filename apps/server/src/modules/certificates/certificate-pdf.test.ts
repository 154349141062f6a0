import { inflateSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { pdfText } from '../../test/pdf-text.js'
import { placeOfIssue, renderCertificatePdf } from './certificate-pdf.js'
import type { CertificateDocument } from './document.js'

const ART_40 =
  'IL PRESENTE CERTIFICATO NON PUÒ ESSERE PRODOTTO AGLI ORGANI DELLA PUBBLICA AMMINISTRAZIONE O AI PRIVATI GESTORI DI PUBBLICI SERVIZI'
const SEAL = 'u5Wq3m1kQe0pXo2sJb7VtYc9LhRz4NfGdA8iK6wE1rTqZyBn0oPvMxS3aUjH5gCl2DkF7eWs9QbRtYz0Nm4Lpg=='

function residenceCertificate(): CertificateDocument {
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
      givenName: 'Mario',
      familyName: 'Rossi',
      fiscalCode: 'RSSMRA80C12F205X',
      sex: 'M',
      birthDate: '1980-03-12',
      birthPlace: 'Milano (MI)',
    },
    facts: [
      { kind: 'line', label: ['Residenza'], value: 'Via Dante 1, 20121 Milano (MI)' },
      { kind: 'line', label: ['Residente dal'], value: '01/09/2011' },
    ],
    protocol: { year: 2027, number: 123 },
    issuedOn: '2027-04-16',
    validUntil: '2027-10-16',
    stamp: { mode: 'paid', amountCents: 1600, receiptReference: 'RF18000000000000123' },
    feesCents: 52,
    legalNotice:
      'Il presente certificato non può essere prodotto agli organi della pubblica amministrazione o ai privati gestori di pubblici servizi',
    officer: 'Giulia Bianchi',
    verificationUrl: 'https://www.comune.milano.it/certificati/verifica/7K2M-Q9XD',
    verificationCode: '7K2M-Q9XD',
    seal: SEAL,
  }
}

function bilingualFamilyCertificate(rows: string[][]): CertificateDocument {
  return {
    ...residenceCertificate(),
    city: {
      name: 'Comune di Bolzano / Stadtgemeinde Bozen',
      fiscalCode: '00389240219',
      office: 'Ufficio Anagrafe / Meldeamt',
      address: 'Vicolo Gumer 7, 39100 Bolzano',
    },
    titles: ['CERTIFICATO DI STATO DI FAMIGLIA', 'FAMILIENBOGEN'],
    languages: ['it', 'de'],
    preamble: [
      "L'Ufficiale d'Anagrafe, visti gli atti d'ufficio, certifica che",
      'Der Standesbeamte bescheinigt auf Grund der Amtsakten, dass',
    ],
    subject: {
      givenName: 'Anna',
      familyName: 'Oberhofer',
      fiscalCode: 'BRHNNA75D52A952K',
      sex: 'F',
      birthDate: '1975-04-12',
      birthPlace: 'Bolzano (BZ)',
    },
    facts: [
      { kind: 'line', label: ['Residenza', 'Wohnsitz'], value: 'Via Museo 21, 39100 Bolzano (BZ)' },
      {
        kind: 'table',
        label: ['Famiglia anagrafica', 'Meldeamtliche Familie'],
        columns: ['Cognome e nome / Name', 'Nato il / Geboren am', 'Rapporto / Verhältnis'],
        rows,
      },
      {
        kind: 'statement',
        text: ['La famiglia è così composta.', 'Die Familie setzt sich so zusammen.'],
      },
    ],
    protocol: { year: 2027, number: 4512 },
    stamp: { mode: 'exempt', use: 'Separazione / divorzio', legalReference: 'L. 74/1987 art. 19' },
    feesCents: 0,
    officer: 'Martin Pichler',
    verificationUrl: 'https://www.comune.bolzano.it/certificati/verifica/H3TR-8WBN',
    verificationCode: 'H3TR-8WBN',
  }
}

const HOUSEHOLD = [
  ['OBERHOFER ANNA', '12/04/1975', 'Intestatario / Haushaltsvorstand'],
  ['GRUBER LUKAS', '03/11/1973', 'Coniuge / Ehegatte'],
  ['GRUBER SOPHIE', '21/06/2008', 'Figlia / Tochter'],
]

/** The text as one line: where the renderer wraps a sentence is no concern of these checks. */
async function textOf(pdf: Buffer): Promise<string> {
  return (await pdfText(pdf)).replace(/\s+/g, ' ')
}

describe('renderCertificatePdf', () => {
  it('prints a residence certificate with the wording the law requires', async () => {
    const text = await textOf(await renderCertificatePdf(residenceCertificate()))
    expect(text).toContain('Comune di Milano')
    expect(text).toContain('Servizi Civici – Anagrafe')
    expect(text).toContain('Codice fiscale 01199250158')
    expect(text).toContain('CERTIFICATO DI RESIDENZA')
    expect(text).toContain("visti gli atti d'ufficio, certifica che")
    expect(text).toContain('ROSSI MARIO')
    expect(text).toContain('RSSMRA80C12F205X')
    expect(text).toContain('12/03/1980')
    expect(text).toContain('Milano (MI)')
    expect(text).toContain('Via Dante 1, 20121 Milano (MI)')
    expect(text).toContain(
      'Imposta di bollo assolta in modo virtuale tramite pagoPA, € 16,00, ricevuta RF18000000000000123',
    )
    expect(text).toContain('Riscossi Euro 0,52 per diritti di segreteria')
    expect(text).toContain(ART_40)
    expect(text).toContain('Milano, 16 aprile 2027')
    expect(text).toContain("L'Ufficiale d'Anagrafe Giulia Bianchi")
    expect(text).toContain('Protocollo n. 2027/000123')
    expect(text).toContain('Valido fino al 16 ottobre 2027')
    expect(text).toContain('visita www.comune.milano.it/certificati/verifica/7K2M-Q9XD')
    expect(text).toContain('Codice di verifica: 7K2M-Q9XD')
    expect(text).toContain(SEAL)
  })

  it('prints a declared stamp with its number and date', async () => {
    const certificate: CertificateDocument = {
      ...residenceCertificate(),
      stamp: { mode: 'declared', stampId: '01234567890123', stampDate: '2027-04-15' },
    }
    const text = await textOf(await renderCertificatePdf(certificate))
    expect(text).toContain('Marca da bollo n. 01234567890123 del 15/04/2027')
  })

  it('prints a bilingual stato di famiglia with its household table and exemption', async () => {
    const text = await textOf(await renderCertificatePdf(bilingualFamilyCertificate(HOUSEHOLD)))
    expect(text).toContain('CERTIFICATO DI STATO DI FAMIGLIA / FAMILIENBOGEN')
    expect(text).toContain(
      "L'Ufficiale d'Anagrafe, visti gli atti d'ufficio, certifica che / Der Standesbeamte bescheinigt",
    )
    expect(text).toContain('Cognome e nome / Nachname und Vorname')
    expect(text).toContain('Codice fiscale / Steuernummer')
    expect(text).toContain('Data di nascita / Geburtsdatum')
    expect(text).toContain('Luogo di nascita / Geburtsort')
    expect(text).toContain('Residenza / Wohnsitz')
    expect(text).toContain('Famiglia anagrafica / Meldeamtliche Familie')
    for (const row of HOUSEHOLD) for (const cell of row) expect(text).toContain(cell)
    expect(text).toContain('Die Familie setzt sich so zusammen.')
    expect(text).toContain(
      'Rilasciato in esenzione da imposta di bollo per uso: Separazione / divorzio – L. 74/1987 art. 19',
    )
    expect(text).toContain('Nessun diritto di segreteria riscosso')
    expect(text).toContain('Bolzano, 16 aprile 2027')
    expect(text).toContain("L'Ufficiale d'Anagrafe Martin Pichler")
    expect(text).toContain('Protocollo n. 2027/004512')
    expect(text).toContain(ART_40)
  })

  it('carries a long household over to a second page and still closes with the verification box', async () => {
    const rows = Array.from({ length: 45 }, (_, n) => [`MEMBRO NUMERO ${n + 1}`, '01/01/2000', 'Altro'])
    const pdf = await renderCertificatePdf(bilingualFamilyCertificate(rows))
    const text = await textOf(pdf)
    expect(pdf.toString('latin1').match(/\/Type \/Page\b/g)?.length).toBeGreaterThan(1)
    expect(text).toContain('MEMBRO NUMERO 45')
    expect(text).toContain('Codice di verifica: H3TR-8WBN')
  })

  it('embeds Titillium Web and no standard font', async () => {
    const raw = (await renderCertificatePdf(bilingualFamilyCertificate(HOUSEHOLD))).toString('latin1')
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+TitilliumWeb-Regular/)
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+TitilliumWeb-SemiBold/)
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+TitilliumWeb-Bold/)
    expect(raw).not.toContain('Helvetica')
  })

  it('embeds font files that inflate to TrueType, in the first document and in later ones', async () => {
    for (let round = 0; round < 2; round++) {
      const pdf = await renderCertificatePdf(residenceCertificate())
      const raw = pdf.toString('latin1')
      const ids = [...raw.matchAll(/\/FontFile2 (\d+) 0 R/g)].map((match) => match[1])
      expect(ids).toHaveLength(3)
      for (const id of ids) {
        const start = raw.indexOf(`\n${id} 0 obj`)
        const streamStart = raw.indexOf('stream\n', start) + 'stream\n'.length
        const header = raw.slice(start, streamStart)
        expect(header).toContain('/Filter /FlateDecode')
        const length = Number(/\/Length (\d+)/.exec(header)?.[1])
        const font = inflateSync(pdf.subarray(streamStart, streamStart + length))
        expect(font.subarray(0, 4).toString('latin1')).toBe('true')
      }
    }
  })

  it('gives the same bytes for the same certificate', async () => {
    const first = await renderCertificatePdf(bilingualFamilyCertificate(HOUSEHOLD))
    await renderCertificatePdf(residenceCertificate())
    const second = await renderCertificatePdf(bilingualFamilyCertificate(HOUSEHOLD))
    expect(second.equals(first)).toBe(true)
  })

  it('names the place of issue after the municipality', () => {
    expect(placeOfIssue('Comune di Milano')).toBe('Milano')
    expect(placeOfIssue('Comune di Bolzano / Stadtgemeinde Bozen')).toBe('Bolzano')
    expect(placeOfIssue("Comune di Reggio nell'Emilia")).toBe("Reggio nell'Emilia")
  })
})
