import PDFDocument from 'pdfkit'
import QRCode from 'qrcode'
import { formatLongDate, formatShortDate } from '../../platform/format.js'
import { PDF_BLUE, PDF_GREY, PDF_RULE } from '../../platform/pdf.js'
import { BOLD, REGULAR, SEMIBOLD, useParsedFonts } from './certificate-fonts.js'
import type { CertificateDocument } from './document.js'
import { formatProtocol } from './policy.js'

type Language = CertificateDocument['languages'][number]
type Fact = CertificateDocument['facts'][number]
type TableFact = Extract<Fact, { kind: 'table' }>

const PAGE_HEIGHT = 841.89
const MARGIN = 48
const LEFT = MARGIN
const WIDTH = 499
const RIGHT = LEFT + WIDTH
const LABEL_WIDTH = 170
const VALUE_LEFT = LEFT + LABEL_WIDTH + 8
const VALUE_WIDTH = RIGHT - VALUE_LEFT
const BOX_HEIGHT = 104
const BOX_TOP = PAGE_HEIGHT - MARGIN - BOX_HEIGHT
const QR_SIZE = 84
/** The white margin a reader needs around the code, about four modules. */
const QR_QUIET_ZONE = 10
/** Room the closing lines (stamp, fees, notice, date, officer, protocol) need above the box. */
const CLOSING_HEIGHT = 150

/** Labels of the subject's data, which the document does not carry, in each language a city may use. */
const SUBJECT_LABELS = {
  name: { it: 'Cognome e nome', de: 'Nachname und Vorname', sl: 'Priimek in ime', fr: 'Nom et prénom' },
  fiscalCode: { it: 'Codice fiscale', de: 'Steuernummer', sl: 'Davčna številka', fr: 'Code fiscal' },
  birthDate: { it: 'Data di nascita', de: 'Geburtsdatum', sl: 'Datum rojstva', fr: 'Date de naissance' },
  birthPlace: { it: 'Luogo di nascita', de: 'Geburtsort', sl: 'Kraj rojstva', fr: 'Lieu de naissance' },
} satisfies Record<string, Record<Language, string>>

/** The certificate's fixed wording puts the currency before the figure: "€ 16,00", "Euro 0,52". */
const EURO_FIGURES = new Intl.NumberFormat('it-IT', { minimumFractionDigits: 2, maximumFractionDigits: 2 })

/**
 * The registry certificate as issued: the municipality's letterhead, what is certified, the stamp
 * duty and fees, the art. 40 notice, the officer and protocol, and a box with the QR code and seal
 * for online verification. The same document always gives the same bytes.
 */
export function renderCertificatePdf(certificate: CertificateDocument): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    lang: 'it-IT',
    displayTitle: true,
    // No Helvetica: it would be loaded and listed in the file for nothing.
    font: null as unknown as string,
    info: {
      Title: bilingual(certificate.titles),
      Author: certificate.city.name,
      Subject: protocolNumber(certificate.protocol),
      // A fixed date makes the file, and the /ID pdfkit derives from this info, reproducible.
      CreationDate: new Date(`${certificate.issuedOn}T12:00:00Z`),
    },
  })
  const chunks: Buffer[] = []
  doc.on('data', (chunk: Buffer) => chunks.push(chunk))
  const bytes = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    doc.on('error', reject)
  })
  useParsedFonts(doc)

  drawLetterhead(doc, certificate.city)
  drawTitle(doc, certificate)
  drawSubject(doc, certificate)
  for (const fact of certificate.facts) drawFact(doc, fact)
  if (doc.y > BOX_TOP - CLOSING_HEIGHT) doc.addPage()
  drawClosing(doc, certificate)
  drawVerificationBox(doc, certificate)
  doc.end()
  return bytes
}

/** One string per language, printed side by side: "Residenza / Wohnsitz". */
function bilingual(texts: string[]): string {
  return texts.join(' / ')
}

function protocolNumber(protocol: CertificateDocument['protocol']): string {
  return `Protocollo n. ${formatProtocol(protocol.year, protocol.number)}`
}

/** "Comune di Milano" → "Milano"; a bilingual name keeps its first form. */
export function placeOfIssue(cityName: string): string {
  const place = cityName.replace(/^\s*Comune\s+di\s+/i, '').split(/\s+[/–-]\s+/)[0]
  return place?.trim() || cityName
}

function stampLine(stamp: CertificateDocument['stamp']): string {
  switch (stamp.mode) {
    case 'paid':
      return `Imposta di bollo assolta in modo virtuale tramite pagoPA, € ${EURO_FIGURES.format(stamp.amountCents / 100)}, ricevuta ${stamp.receiptReference}`
    case 'declared':
      return `Marca da bollo n. ${stamp.stampId} del ${formatShortDate(stamp.stampDate, 'it')}`
    case 'exempt':
      return `Rilasciato in esenzione da imposta di bollo per uso: ${stamp.use} – ${stamp.legalReference}`
  }
}

function feesLine(feesCents: number): string {
  if (feesCents === 0) return 'Nessun diritto di segreteria riscosso'
  return `Riscossi Euro ${EURO_FIGURES.format(feesCents / 100)} per diritti di segreteria`
}

function ensureSpace(doc: PDFKit.PDFDocument, height: number): void {
  if (doc.y + height > PAGE_HEIGHT - MARGIN) doc.addPage()
}

function drawLetterhead(doc: PDFKit.PDFDocument, city: CertificateDocument['city']): void {
  doc.fillColor(PDF_BLUE).font(BOLD).fontSize(17).text(city.name, LEFT, MARGIN, { width: WIDTH })
  doc.font(SEMIBOLD).fontSize(10.5).text(city.office, { width: WIDTH })
  const contacts = [city.address, city.fiscalCode && `Codice fiscale ${city.fiscalCode}`].filter(Boolean)
  doc.font(REGULAR).fontSize(9).text(contacts.join(' – '), { width: WIDTH })
  const ruleY = doc.y + 6
  doc.moveTo(LEFT, ruleY).lineTo(RIGHT, ruleY).lineWidth(1.2).strokeColor(PDF_BLUE).stroke()
  doc.y = ruleY + 22
}

function drawTitle(doc: PDFKit.PDFDocument, certificate: CertificateDocument): void {
  doc.fillColor('black').font(BOLD).fontSize(15)
  doc.text(bilingual(certificate.titles), LEFT, doc.y, { width: WIDTH, align: 'center' })
  doc.moveDown(1)
  doc.font(REGULAR).fontSize(10.5).text(bilingual(certificate.preamble), { width: WIDTH })
  doc.moveDown(0.8)
}

function drawSubject(doc: PDFKit.PDFDocument, certificate: CertificateDocument): void {
  const { subject, languages } = certificate
  const label = (key: keyof typeof SUBJECT_LABELS) =>
    bilingual(languages.map((language) => SUBJECT_LABELS[key][language]))
  const name = `${subject.familyName} ${subject.givenName}`.toLocaleUpperCase('it')
  drawRow(doc, label('name'), name, BOLD)
  drawRow(doc, label('fiscalCode'), subject.fiscalCode)
  drawRow(doc, label('birthDate'), formatShortDate(subject.birthDate, 'it'))
  drawRow(doc, label('birthPlace'), subject.birthPlace)
  doc.moveDown(0.6)
}

/** A label in the left column, its value beside it; either may wrap. */
function drawRow(doc: PDFKit.PDFDocument, label: string, value: string, valueFont = REGULAR): void {
  ensureSpace(doc, 28)
  const top = doc.y
  doc
    .fillColor(PDF_GREY)
    .font(SEMIBOLD)
    .fontSize(9.5)
    .text(label, LEFT, top + 1, { width: LABEL_WIDTH })
  const labelBottom = doc.y
  doc.fillColor('black').font(valueFont).fontSize(10.5).text(value, VALUE_LEFT, top, { width: VALUE_WIDTH })
  doc.x = LEFT
  doc.y = Math.max(labelBottom, doc.y) + 3
}

function drawFact(doc: PDFKit.PDFDocument, fact: Fact): void {
  switch (fact.kind) {
    case 'line':
      drawRow(doc, bilingual(fact.label), fact.value)
      return
    case 'table':
      drawTable(doc, fact)
      return
    case 'statement':
      ensureSpace(doc, 40)
      doc.moveDown(0.3)
      fact.text.forEach((text, index) => {
        // The city's own language first; the translation below it in grey.
        doc
          .fillColor(index === 0 ? 'black' : PDF_GREY)
          .font(REGULAR)
          .fontSize(10.5)
        doc.text(text, LEFT, doc.y, { width: WIDTH })
      })
      doc.moveDown(0.5)
      return
  }
}

const CELL_PADDING = 4

/** A ruled table: the heading, a row of column names, one row per entry; a row never splits across pages. */
function drawTable(doc: PDFKit.PDFDocument, table: TableFact): void {
  const columnWidth = WIDTH / Math.max(1, table.columns.length)
  const textWidth = columnWidth - 2 * CELL_PADDING
  ensureSpace(doc, 60)
  doc.moveDown(0.4)
  doc.fillColor(PDF_GREY).font(SEMIBOLD).fontSize(9.5)
  doc.text(bilingual(table.label), LEFT, doc.y, { width: WIDTH })
  doc.y += 3

  const rule = (y: number) =>
    doc.moveTo(LEFT, y).lineTo(RIGHT, y).lineWidth(0.6).strokeColor(PDF_RULE).stroke()
  const drawCells = (cells: string[], font: string, size: number, color: string, height: number) => {
    const top = doc.y
    doc.font(font).fontSize(size).fillColor(color)
    cells.forEach((cell, index) => {
      doc.text(cell, LEFT + index * columnWidth + CELL_PADDING, top + CELL_PADDING, { width: textWidth })
    })
    rule(top + height)
    doc.x = LEFT
    doc.y = top + height
  }
  const heightOf = (cells: string[], font: string, size: number) => {
    doc.font(font).fontSize(size)
    const tallest = Math.max(size, ...cells.map((cell) => doc.heightOfString(cell, { width: textWidth })))
    return tallest + 2 * CELL_PADDING
  }
  const headHeight = heightOf(table.columns, SEMIBOLD, 8.5)
  const drawHead = () => {
    rule(doc.y)
    drawCells(table.columns, SEMIBOLD, 8.5, PDF_GREY, headHeight)
  }

  drawHead()
  for (const row of table.rows) {
    const height = heightOf(row, REGULAR, 9)
    if (doc.y + height > PAGE_HEIGHT - MARGIN) {
      doc.addPage()
      drawHead()
    }
    drawCells(row, REGULAR, 9, 'black', height)
  }
  doc.y += 8
}

function drawClosing(doc: PDFKit.PDFDocument, certificate: CertificateDocument): void {
  doc.x = LEFT
  doc.moveDown(0.6)
  doc.fillColor('black').font(REGULAR).fontSize(9.5)
  doc.text(stampLine(certificate.stamp), LEFT, doc.y, { width: WIDTH })
  doc.text(feesLine(certificate.feesCents), { width: WIDTH })
  doc.moveDown(0.5)
  doc.font(BOLD).fontSize(9).text(certificate.legalNotice.toLocaleUpperCase('it'), { width: WIDTH })
  doc.moveDown(0.9)

  const top = doc.y
  const half = WIDTH / 2
  const placeAndDate = `${placeOfIssue(certificate.city.name)}, ${formatLongDate(certificate.issuedOn, 'it')}`
  doc.font(REGULAR).fontSize(10.5).text(placeAndDate, LEFT, top, { width: half })
  const dateBottom = doc.y
  doc.font(SEMIBOLD).text(`L'Ufficiale d'Anagrafe ${certificate.officer}`, LEFT + half, top, {
    width: half,
    align: 'right',
  })
  doc.y = Math.max(dateBottom, doc.y) + 4
  doc.font(REGULAR).fontSize(9.5).fillColor(PDF_GREY)
  doc.text(protocolNumber(certificate.protocol), LEFT, doc.y, { width: half })
  doc.text(`Valido fino al ${formatLongDate(certificate.validUntil, 'it')}`, { width: half })
}

/** At the foot of the last page: the QR code, where and how to verify, and the seal. */
function drawVerificationBox(doc: PDFKit.PDFDocument, certificate: CertificateDocument): void {
  doc.rect(LEFT, BOX_TOP, WIDTH, BOX_HEIGHT).lineWidth(0.8).strokeColor(PDF_RULE).stroke()
  drawQrCode(doc, certificate.verificationUrl, LEFT + QR_QUIET_ZONE, BOX_TOP + QR_QUIET_ZONE, QR_SIZE)
  const textLeft = LEFT + QR_SIZE + 2 * QR_QUIET_ZONE + 4
  const textWidth = RIGHT - 10 - textLeft
  doc.fillColor('black').font(SEMIBOLD).fontSize(9)
  doc.text("Verifica dell'autenticità", textLeft, BOX_TOP + 12, { width: textWidth })
  doc.font(REGULAR).fontSize(8)
  // Without the scheme: Titillium kerns "//" so tightly that the two strokes print as one.
  const address = certificate.verificationUrl.replace(/^https?:\/\//, '')
  doc.text(`Inquadra il codice QR o visita ${address}`, { width: textWidth })
  doc.text(`Codice di verifica: ${certificate.verificationCode}`, { width: textWidth })
  doc.moveDown(0.3)
  doc.fillColor(PDF_GREY).fontSize(6.5)
  doc.text(`Sigillo elettronico (Ed25519): ${certificate.seal}`, { width: textWidth })
}

/**
 * The QR code as filled squares, each row's dark run as one rectangle: no image to encode and
 * compress, and sharp at any zoom.
 */
function drawQrCode(doc: PDFKit.PDFDocument, text: string, x: number, y: number, size: number): void {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' })
  const cell = size / modules.size
  for (let row = 0; row < modules.size; row++) {
    let runStart = -1
    for (let column = 0; column <= modules.size; column++) {
      const dark = column < modules.size && modules.get(row, column)
      if (dark && runStart < 0) runStart = column
      if (!dark && runStart >= 0) {
        doc.rect(x + runStart * cell, y + row * cell, (column - runStart) * cell, cell)
        runStart = -1
      }
    }
  }
  doc.fillColor('black').fill()
}
