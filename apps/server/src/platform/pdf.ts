import PDFDocument from 'pdfkit'

export const PDF_BLUE = '#0066cc'
export const PDF_GREY = '#5c6f82'
export const PDF_RULE = '#d9dadb'
/** A4 with 48 pt margins leaves this much width for text. */
export const PDF_TEXT_WIDTH = 499

/** An A4 document and the promise of its bytes once `doc.end()` is called. */
export function startPdf(info: { title: string; author: string }): {
  doc: PDFKit.PDFDocument
  bytes: Promise<Buffer>
} {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 48,
    info: { Title: info.title, Author: info.author },
    lang: 'it-IT',
  })
  const chunks: Buffer[] = []
  doc.on('data', (chunk: Buffer) => chunks.push(chunk))
  const bytes = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    doc.on('error', reject)
  })
  return { doc, bytes }
}

/** The municipality's name and fiscal code at the top of every document it issues. */
export function drawLetterhead(doc: PDFKit.PDFDocument, city: { name: string; fiscalCode: string }) {
  doc.fillColor(PDF_BLUE).fontSize(18).font('Helvetica-Bold').text(city.name)
  doc.fillColor(PDF_GREY).fontSize(9).font('Helvetica').text(`Codice fiscale ${city.fiscalCode}`)
  doc.moveDown(1.5)
}

/** A label and its value on one line, the label in grey. */
export function drawField(doc: PDFKit.PDFDocument, label: string, value: string) {
  doc.fontSize(10).font('Helvetica').fillColor(PDF_GREY).text(`${label}: `, { continued: true })
  doc.fillColor('black').text(value)
}
