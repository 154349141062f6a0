import QRCode from 'qrcode'
import { formatEuro, formatShortDate } from '../../platform/format.js'
import { drawLetterhead, PDF_GREY, PDF_RULE, startPdf } from '../../platform/pdf.js'
import { formatNoticeNumber, qrPayload } from './policy.js'

export interface NoticeDocument {
  city: { name: string; fiscalCode: string }
  debtor: { name: string; fiscalCode: string }
  description: string
  /** The single payment first, then the instalments still to pay. */
  options: { label: string; nav: string; amountCents: number; dueDate: string }[]
}

/**
 * The payment notice (avviso di pagamento): who owes what to whom, and one slip per way to pay
 * with its notice number and the QR code pagoPA apps and PSP counters read.
 */
export async function renderNoticePdf(notice: NoticeDocument): Promise<Buffer> {
  const codes = await Promise.all(
    notice.options.map((option) =>
      QRCode.toBuffer(qrPayload(option.nav, notice.city.fiscalCode, option.amountCents), {
        version: 4,
        errorCorrectionLevel: 'M',
        margin: 1,
        scale: 4,
      }),
    ),
  )
  const { doc, bytes } = startPdf({
    title: `Avviso di pagamento – ${notice.description}`,
    author: notice.city.name,
  })
  drawLetterhead(doc, notice.city)
  doc.fillColor('black').fontSize(16).font('Helvetica-Bold').text('AVVISO DI PAGAMENTO')
  doc.fontSize(12).font('Helvetica').text(notice.description)
  doc.moveDown()
  doc.fontSize(10).text(`Destinatario: ${notice.debtor.name} – codice fiscale ${notice.debtor.fiscalCode}`)
  doc.moveDown()
  doc
    .fontSize(9)
    .fillColor(PDF_GREY)
    .text(
      'Puoi pagare con pagoPA sul sito del Comune, con l’app IO, dalla tua banca o presso gli sportelli abilitati, ' +
        'inquadrando il codice QR o indicando il codice avviso e il codice fiscale dell’ente.',
    )
  doc.moveDown()

  notice.options.forEach((option, index) => {
    if (doc.y > 640) doc.addPage()
    const top = doc.y
    doc.rect(48, top, 499, 130).strokeColor(PDF_RULE).stroke()
    doc
      .fillColor('black')
      .font('Helvetica-Bold')
      .fontSize(12)
      .text(option.label, 60, top + 12, { width: 330 })
    doc.font('Helvetica').fontSize(10)
    doc.text(`Importo: ${formatEuro(option.amountCents, 'it')}`, 60, top + 34, { width: 330 })
    doc.text(`Entro il: ${formatShortDate(option.dueDate, 'it')}`, 60, top + 50, { width: 330 })
    doc.text(`Codice avviso: ${formatNoticeNumber(option.nav)}`, 60, top + 66, { width: 330 })
    doc.text(`Codice fiscale ente: ${notice.city.fiscalCode}`, 60, top + 82, { width: 330 })
    doc.image(codes[index] as Buffer, 420, top + 10, { width: 110 })
    doc.y = top + 145
    doc.x = 48
  })
  doc.end()
  return bytes
}
