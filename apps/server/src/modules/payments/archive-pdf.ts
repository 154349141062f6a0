import { formatEuro, formatRomeDateTime, formatShortDate } from '../../platform/format.js'
import {
  drawField,
  drawLetterhead,
  PDF_GREY,
  PDF_RULE,
  PDF_TEXT_WIDTH,
  startPdf,
} from '../../platform/pdf.js'
import { formatNoticeNumber } from './policy.js'

interface City {
  name: string
  fiscalCode: string
}

export interface ReceiptDocument {
  city: City
  debtor: { name: string; fiscalCode: string }
  payerFiscalCode: string | null
  description: string
  nav: string
  amountCents: number
  paidAt: Date
  psp: string | null
  receiptReference: string
  refunds: { amountCents: number; reason: string; at: Date }[]
}

/**
 * The receipt (ricevuta) of one paid notice, from the telematic receipt pagoPA sent: what was paid,
 * by whom, when, through which provider, and any money given back since.
 */
export async function renderReceiptPdf(receipt: ReceiptDocument): Promise<Buffer> {
  const { doc, bytes } = startPdf({
    title: `Ricevuta di pagamento – ${receipt.description}`,
    author: receipt.city.name,
  })
  drawLetterhead(doc, receipt.city)
  doc.fillColor('black').fontSize(16).font('Helvetica-Bold').text('RICEVUTA DI PAGAMENTO')
  doc.fontSize(12).font('Helvetica').text(receipt.description)
  doc.moveDown()
  drawField(doc, 'Importo pagato', formatEuro(receipt.amountCents, 'it'))
  drawField(doc, 'Data e ora del pagamento', formatRomeDateTime(receipt.paidAt, 'it'))
  drawField(doc, 'Debitore', `${receipt.debtor.name} – codice fiscale ${receipt.debtor.fiscalCode}`)
  if (receipt.payerFiscalCode && receipt.payerFiscalCode !== receipt.debtor.fiscalCode) {
    drawField(doc, 'Pagato da', `codice fiscale ${receipt.payerFiscalCode}`)
  }
  drawField(doc, 'Codice avviso', formatNoticeNumber(receipt.nav))
  drawField(doc, 'IUV', receipt.nav.slice(1))
  drawField(doc, 'Ente creditore', `${receipt.city.name} – codice fiscale ${receipt.city.fiscalCode}`)
  drawField(doc, 'Prestatore di servizi di pagamento', receipt.psp ?? 'non indicato')
  drawField(doc, 'Identificativo della ricevuta', receipt.receiptReference)
  if (receipt.refunds.length > 0) {
    doc.moveDown()
    doc.fontSize(12).font('Helvetica-Bold').fillColor('black').text('Rimborsi')
    for (const refund of receipt.refunds) {
      drawField(
        doc,
        formatRomeDateTime(refund.at, 'it'),
        `${formatEuro(refund.amountCents, 'it')} – ${refund.reason}`,
      )
    }
  }
  doc.moveDown(2)
  doc
    .fontSize(8)
    .fillColor(PDF_GREY)
    .text(
      `Documento prodotto da ${receipt.city.name} dalla ricevuta telematica del sistema pagoPA. ` +
        'Conservalo come prova del pagamento.',
    )
  doc.end()
  return bytes
}

export interface PaymentsListDocument {
  city: City
  debtor: { name: string; fiscalCode: string }
  printedAt: Date
  positions: {
    description: string
    status: string
    options: { label: string; nav: string; amountCents: number; dueDate: string; state: string }[]
  }[]
  totals: { dueCents: number; paidCents: number; refundedCents: number }
}

/** "Stampa lista pagamenti": every position of the citizen with each way to pay and where it stands. */
export async function renderPaymentsListPdf(list: PaymentsListDocument): Promise<Buffer> {
  const { doc, bytes } = startPdf({ title: 'Elenco dei pagamenti', author: list.city.name })
  drawLetterhead(doc, list.city)
  doc.fillColor('black').fontSize(16).font('Helvetica-Bold').text('ELENCO DEI PAGAMENTI')
  doc
    .fontSize(10)
    .font('Helvetica')
    .text(`${list.debtor.name} – codice fiscale ${list.debtor.fiscalCode}`)
    .fillColor(PDF_GREY)
    .text(`Situazione al ${formatRomeDateTime(list.printedAt, 'it')}`)
  doc.moveDown()
  drawField(doc, 'Da pagare', formatEuro(list.totals.dueCents, 'it'))
  drawField(doc, 'Pagato', formatEuro(list.totals.paidCents, 'it'))
  if (list.totals.refundedCents > 0) drawField(doc, 'Rimborsato', formatEuro(list.totals.refundedCents, 'it'))
  doc.moveDown()
  if (list.positions.length === 0) doc.fillColor('black').text('Non risultano posizioni a tuo nome.')
  const columns = [48, 220, 330, 410] as const
  for (const position of list.positions) {
    if (doc.y > 700) doc.addPage()
    doc.fillColor('black').fontSize(12).font('Helvetica-Bold').text(position.description, 48)
    doc.fontSize(9).font('Helvetica').fillColor(PDF_GREY).text(position.status)
    doc.moveDown(0.3)
    for (const option of position.options) {
      if (doc.y > 760) doc.addPage()
      const top = doc.y
      doc.fillColor('black').fontSize(9)
      doc.text(`${option.label}\n${formatNoticeNumber(option.nav)}`, columns[0], top, { width: 165 })
      doc.text(formatEuro(option.amountCents, 'it'), columns[1], top, { width: 100 })
      doc.text(`entro il ${formatShortDate(option.dueDate, 'it')}`, columns[2], top, { width: 80 })
      doc.text(option.state, columns[3], top, { width: 137 })
      doc.y = Math.max(doc.y, top + 24)
      doc
        .moveTo(48, doc.y)
        .lineTo(48 + PDF_TEXT_WIDTH, doc.y)
        .strokeColor(PDF_RULE)
        .stroke()
      doc.y += 4
    }
    doc.x = 48
    doc.moveDown()
  }
  doc.end()
  return bytes
}
