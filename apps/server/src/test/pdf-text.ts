import { extractText, getDocumentProxy } from 'unpdf'

/** The text of every page of a PDF, as a reader would copy it: what tests check documents by. */
export async function pdfText(pdf: Buffer): Promise<string> {
  const document = await getDocumentProxy(new Uint8Array(pdf))
  const { text } = await extractText(document, { mergePages: true })
  return text.replace(/\u00a0|\u202f/g, ' ')
}
