import { createHash } from 'node:crypto'
import { deflateRawSync } from 'node:zlib'
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { isAppError } from '../../platform/errors.js'
import type { FileStore } from '../../platform/files.js'
import { createTestApp, type TestApp } from '../../test/app.js'
import { uniqueFiscalCode } from '../../test/identity.js'
import {
  checkAttachments,
  type IncomingFile,
  inAttachmentTransaction,
  readAttachment,
  sanitizeFileName,
  sniffMediaType,
} from './attachments.js'
import { openTicket, openTicketInTx } from './intake.js'
import { testTicketsContext } from './intake-fixtures.js'
import { ticketAttachments, tickets } from './tables.js'

const bytes = (...parts: (string | number[])[]) =>
  new Uint8Array(
    parts.flatMap((part) => (typeof part === 'string' ? [...Buffer.from(part, 'latin1')] : part)),
  )

const PDF = bytes('%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n')
const PNG = bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'rest of a png')
const JPEG = bytes([0xff, 0xd8, 0xff, 0xe0], 'JFIF')
const GIF = bytes('GIF89a', [1, 0, 1, 0])
const WEBP = bytes('RIFF', [0, 0, 0, 0], 'WEBPVP8 ')
const TEXT = new Uint8Array(Buffer.from('Buongiorno,\nallego la ricevuta è già pagata.\n', 'utf8'))

/** A ZIP archive of the given entries: the first stored, the others deflated, as office suites write them. */
function zip(entries: { name: string; content: string }[]): Uint8Array {
  const locals: Buffer[] = []
  const centrals: Buffer[] = []
  let offset = 0
  entries.forEach((entry, index) => {
    const name = Buffer.from(entry.name)
    const raw = Buffer.from(entry.content)
    const method = index === 0 ? 0 : 8
    const data = method === 0 ? raw : deflateRawSync(raw)
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(method, 8)
    local.writeUInt32LE(data.length, 18)
    local.writeUInt32LE(raw.length, 22)
    local.writeUInt16LE(name.length, 26)
    locals.push(local, name, data)
    const central = Buffer.alloc(46)
    central.writeUInt32LE(0x02014b50, 0)
    central.writeUInt16LE(method, 10)
    central.writeUInt32LE(data.length, 20)
    central.writeUInt32LE(raw.length, 24)
    central.writeUInt16LE(name.length, 28)
    central.writeUInt32LE(offset, 42)
    centrals.push(central, name)
    offset += 30 + name.length + data.length
  })
  const directory = Buffer.concat(centrals)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(entries.length, 8)
  end.writeUInt16LE(entries.length, 10)
  end.writeUInt32LE(directory.length, 12)
  end.writeUInt32LE(offset, 16)
  return new Uint8Array(Buffer.concat([...locals, directory, end]))
}

const WORD = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
const DOCX = zip([
  {
    name: '[Content_Types].xml',
    content: `<Types><Override PartName="/word/document.xml" ContentType="${WORD}.main+xml"/></Types>`,
  },
  { name: 'word/document.xml', content: '<w:document/>' },
])
const ODT = zip([
  { name: 'mimetype', content: 'application/vnd.oasis.opendocument.text' },
  { name: 'content.xml', content: '<office:document-content/>' },
])
const PLAIN_ZIP = zip([{ name: 'photo.png', content: 'not a document' }])

function refusalOf(work: () => unknown) {
  try {
    work()
  } catch (error) {
    if (isAppError(error)) return { status: error.status, messageKey: error.messageKey, params: error.params }
    throw error
  }
  throw new Error('expected a refusal')
}

describe('what a file is', () => {
  it.each([
    ['application/pdf', PDF],
    ['image/png', PNG],
    ['image/jpeg', JPEG],
    ['image/gif', GIF],
    ['image/webp', WEBP],
    ['text/plain', TEXT],
    [WORD, DOCX],
    ['application/vnd.oasis.opendocument.text', ODT],
  ])('recognises %s by its bytes', (type, content) => {
    expect(sniffMediaType(content)).toBe(type)
  })

  it('recognises neither a plain archive nor binary bytes nor broken UTF-8', () => {
    expect(sniffMediaType(PLAIN_ZIP)).toBeNull()
    expect(sniffMediaType(bytes([0x00, 0x01, 0x02, 0x03]))).toBeNull()
    expect(sniffMediaType(bytes([0x41, 0xc3, 0x28]))).toBeNull()
  })

  it('keeps a safe name: no folders, controls or direction tricks, bounded length', () => {
    expect(sanitizeFileName('../../etc/passwd')).toBe('passwd')
    expect(sanitizeFileName('C:\\Users\\anna\\ricevuta.pdf')).toBe('ricevuta.pdf')
    expect(sanitizeFileName('fattura\u202Efdp.exe')).toBe('fatturafdp.exe')
    expect(sanitizeFileName('  .hidden.txt ')).toBe('hidden.txt')
    expect(sanitizeFileName('.pdf')).toBe('allegato.pdf')
    expect(sanitizeFileName(`${'a'.repeat(300)}.pdf`)).toHaveLength(120)
  })
})

describe('checking a set of files', () => {
  const MAX = 1000
  const check = (files: IncomingFile[]) => () => checkAttachments(files, MAX)

  it('accepts files whose name and declared type agree with their content', () => {
    const checked = checkAttachments(
      [
        { fileName: 'ricevuta.PDF', mediaType: 'application/pdf', bytes: PDF },
        { fileName: 'foto.jpeg', mediaType: 'image/jpeg', bytes: JPEG },
        { fileName: 'nota.txt', mediaType: 'text/plain; charset=utf-8', bytes: TEXT },
        { fileName: 'domanda.docx', mediaType: 'application/octet-stream', bytes: DOCX },
        { fileName: 'lettera.odt', bytes: ODT },
      ],
      100_000,
    )
    expect(checked.map((file) => file.mediaType)).toEqual([
      'application/pdf',
      'image/jpeg',
      'text/plain',
      WORD,
      'application/vnd.oasis.opendocument.text',
    ])
  })

  it('refuses a PNG named .pdf, and a text declared as a PDF, naming the file', () => {
    expect(refusalOf(check([{ fileName: 'documento.pdf', bytes: PNG }]))).toEqual({
      status: 422,
      messageKey: 'tickets.attachment-type',
      params: { name: 'documento.pdf' },
    })
    expect(
      refusalOf(check([{ fileName: 'nota.txt', mediaType: 'application/pdf', bytes: TEXT }])),
    ).toMatchObject({
      messageKey: 'tickets.attachment-type',
      params: { name: 'nota.txt' },
    })
    expect(refusalOf(check([{ fileName: 'archivio.docx', bytes: PLAIN_ZIP }]))).toMatchObject({
      messageKey: 'tickets.attachment-type',
    })
  })

  it('refuses a file over the limit and more than five files', () => {
    expect(
      refusalOf(check([{ fileName: 'grande.txt', bytes: new Uint8Array(MAX + 1).fill(65) }])),
    ).toMatchObject({
      status: 422,
      messageKey: 'tickets.attachment-too-large',
      params: { name: 'grande.txt' },
    })
    const six = Array.from({ length: 6 }, (_, index) => ({ fileName: `f${index}.pdf`, bytes: PDF }))
    expect(refusalOf(check(six))).toMatchObject({ status: 422, messageKey: 'tickets.too-many-attachments' })
  })
})

describe('storing files', () => {
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp({ work: false })
  })
  afterAll(async () => t?.close())

  /** The test app's store, remembering what was written and removed; optionally failing a write. */
  function recordingStore(options: { failOnPut?: number } = {}) {
    const puts: string[] = []
    const removed: string[] = []
    const inner = t.runtime.files
    const store: FileStore = {
      adapter: 'recording',
      async put(key, content, type) {
        if (puts.length + 1 === options.failOnPut) throw new Error('disk full')
        puts.push(key)
        await inner.put(key, content, type)
      },
      get: (key) => inner.get(key),
      async remove(key) {
        removed.push(key)
        await inner.remove(key)
      },
    }
    return { store, puts, removed }
  }

  const contextWith = (files: FileStore) => ({
    ...testTicketsContext(t.runtime, { type: 'system', name: 'test' }),
    files,
  })

  const input = (attachments: IncomingFile[]) => ({
    channel: 'web' as const,
    contact: { fiscalCode: uniqueFiscalCode() },
    subject: 'Con allegati',
    body: 'Vedi allegati',
    attachments,
  })

  it('stores the bytes under the ticket with their hash, and reads them back', async () => {
    const { store, puts } = recordingStore()
    const ctx = contextWith(store)
    const opened = await openTicket(
      ctx,
      input([
        { fileName: 'ricevuta.pdf', bytes: PDF },
        { fileName: 'foto.png', bytes: PNG },
      ]),
    )
    const rows = await t.runtime.db
      .select()
      .from(ticketAttachments)
      .where(eq(ticketAttachments.ticketId, opened.id))
    expect(rows).toHaveLength(2)
    expect(puts).toEqual(rows.map((row) => row.storageKey))
    for (const key of puts) expect(key).toMatch(new RegExp(`^tickets/${opened.id}/[0-9a-f-]{36}$`))
    const pdf = rows.find((row) => row.fileName === 'ricevuta.pdf')!
    expect(pdf).toMatchObject({
      mediaType: 'application/pdf',
      sizeBytes: PDF.length,
      messageId: opened.messageId,
    })
    expect(pdf.sha256).toBe(createHash('sha256').update(PDF).digest('hex'))

    const read = await readAttachment(ctx, { attachmentId: pdf.id, ticketId: opened.id })
    expect(Buffer.from(read.bytes).equals(Buffer.from(PDF))).toBe(true)
    const other = await openTicket(ctx, input([]))
    await expect(readAttachment(ctx, { attachmentId: pdf.id, ticketId: other.id })).rejects.toMatchObject({
      status: 404,
    })
    await expect(readAttachment(ctx, { attachmentId: 'not-a-uuid' })).rejects.toMatchObject({ status: 404 })
  })

  it('stores nothing when one file of the set is refused', async () => {
    const { store, puts } = recordingStore()
    const countTickets = async () =>
      (await t.runtime.db.select().from(tickets).where(eq(tickets.subject, 'Con allegati'))).length
    const before = await countTickets()
    const request = input([
      { fileName: 'buona.pdf', bytes: PDF },
      { fileName: 'falsa.pdf', bytes: PNG },
    ])
    await expect(openTicket(contextWith(store), request)).rejects.toMatchObject({
      messageKey: 'tickets.attachment-type',
    })
    expect(puts).toEqual([])
    expect(await countTickets()).toBe(before)
  })

  it('removes the bytes already written when a later write fails, leaving no rows', async () => {
    const { store, puts, removed } = recordingStore({ failOnPut: 2 })
    const request = input([
      { fileName: 'a.pdf', bytes: PDF },
      { fileName: 'b.pdf', bytes: PDF },
    ])
    await expect(openTicket(contextWith(store), request)).rejects.toThrow('disk full')
    expect(puts).toHaveLength(1)
    expect(removed).toEqual(puts)
    expect(await t.runtime.files.get(puts[0]!)).toBeNull()
  })

  it('removes the bytes when the transaction fails after they were stored', async () => {
    const { store, puts, removed } = recordingStore()
    const ctx = contextWith(store)
    let ticketId = ''
    await expect(
      inAttachmentTransaction(ctx, async (tx) => {
        ticketId = (await openTicketInTx(tx, ctx, input([{ fileName: 'a.txt', bytes: TEXT }]))).id
        throw new Error('something after the files')
      }),
    ).rejects.toThrow('something after the files')
    expect(puts).toHaveLength(1)
    expect(removed).toEqual(puts)
    expect(await t.runtime.files.get(puts[0]!)).toBeNull()
    expect(await t.runtime.db.select().from(tickets).where(eq(tickets.id, ticketId))).toEqual([])
  })
})
