import { createHash } from 'node:crypto'
import { inflateRawSync } from 'node:zlib'
import type { Database, Queryable, Transaction } from '../../db/client.js'
import { inTransaction } from '../../db/transaction.js'
import { AppError } from '../../platform/errors.js'
import type { FileStore } from '../../platform/files.js'
import { timeOrderedUuid } from '../../platform/ids.js'
import type { TicketsContext } from './context.js'
import { findAttachment, insertAttachments } from './intake-repo.js'
import './intake-messages.js'

/** A file as it arrives from a form, an e-mail or an integration. */
export interface IncomingFile {
  fileName: string
  mediaType?: string
  bytes: Uint8Array
}

export interface StoredAttachment {
  id: string
  fileName: string
  mediaType: string
  sizeBytes: number
  sha256: string
}

export const MAX_ATTACHMENTS = 5

const OOXML = 'application/vnd.openxmlformats-officedocument'
const ODF = 'application/vnd.oasis.opendocument'

/** The accepted types and the extensions a file of each may carry. */
const ACCEPTED: Record<string, readonly string[]> = {
  'application/pdf': ['pdf'],
  'image/png': ['png'],
  'image/jpeg': ['jpg', 'jpeg'],
  'image/gif': ['gif'],
  'image/webp': ['webp'],
  'text/plain': ['txt'],
  [`${OOXML}.wordprocessingml.document`]: ['docx'],
  [`${OOXML}.spreadsheetml.sheet`]: ['xlsx'],
  [`${OOXML}.presentationml.presentation`]: ['pptx'],
  [`${ODF}.text`]: ['odt'],
  [`${ODF}.spreadsheet`]: ['ods'],
  [`${ODF}.presentation`]: ['odp'],
}

const startsWith = (bytes: Uint8Array, prefix: readonly number[], at = 0) =>
  prefix.every((byte, index) => bytes[at + index] === byte)
const ascii = (text: string) => [...text].map((char) => char.charCodeAt(0))

// Controls other than tab, line feed, form feed and carriage return never occur in real text.
const TEXT_CONTROLS = new Set([0x09, 0x0a, 0x0c, 0x0d])
const isBinaryControl = (code: number) => (code < 0x20 && !TEXT_CONTROLS.has(code)) || code === 0x7f

function isPlainText(bytes: Uint8Array): boolean {
  if (bytes.some(isBinaryControl)) return false
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes)
    return true
  } catch {
    return false
  }
}

interface ZipEntry {
  name: string
  method: number
  compressedSize: number
  localHeaderOffset: number
}

/** The central directory of a ZIP archive (no ZIP64: documents this size never need it). */
function zipEntries(bytes: Uint8Array): ZipEntry[] | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const lowest = Math.max(0, bytes.length - 22 - 0xffff)
  let end = -1
  for (let at = bytes.length - 22; at >= lowest; at--) {
    if (view.getUint32(at, true) === 0x06054b50) {
      end = at
      break
    }
  }
  if (end < 0) return null
  const count = view.getUint16(end + 10, true)
  let at = view.getUint32(end + 16, true)
  const entries: ZipEntry[] = []
  for (let index = 0; index < count; index++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50) return null
    const nameLength = view.getUint16(at + 28, true)
    const extraLength = view.getUint16(at + 30, true)
    const commentLength = view.getUint16(at + 32, true)
    entries.push({
      name: new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength)),
      method: view.getUint16(at + 10, true),
      compressedSize: view.getUint32(at + 20, true),
      localHeaderOffset: view.getUint32(at + 42, true),
    })
    at += 46 + nameLength + extraLength + commentLength
  }
  return entries
}

function zipEntryText(bytes: Uint8Array, entry: ZipEntry, maxBytes: number): string | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const at = entry.localHeaderOffset
  if (at + 30 > bytes.length || view.getUint32(at, true) !== 0x04034b50) return null
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true)
  const data = bytes.subarray(start, start + entry.compressedSize)
  try {
    if (entry.method === 0) return new TextDecoder().decode(data.subarray(0, maxBytes))
    if (entry.method === 8) return inflateRawSync(data, { maxOutputLength: maxBytes }).toString('utf8')
  } catch {
    // Corrupt, or larger than any real manifest: not a document we accept.
  }
  return null
}

/** An office document's type: ODF by its `mimetype` entry, OOXML by its main part's content type. */
function officeType(bytes: Uint8Array): string | null {
  const entries = zipEntries(bytes)
  if (!entries) return null
  const first = entries[0]
  if (first?.name === 'mimetype' && first.method === 0) {
    const declared = zipEntryText(bytes, first, 100)?.trim()
    return declared && ACCEPTED[declared] && declared.startsWith(ODF) ? declared : null
  }
  const manifest = entries.find((entry) => entry.name === '[Content_Types].xml')
  const text = manifest ? zipEntryText(bytes, manifest, 1_000_000) : null
  if (!text) return null
  for (const type of Object.keys(ACCEPTED).filter((candidate) => candidate.startsWith(OOXML))) {
    if (text.includes(`ContentType="${type}.main+xml"`)) return type
  }
  return null
}

/** What the bytes are, whatever the name and the declared type say; null when not an accepted type. */
export function sniffMediaType(bytes: Uint8Array): string | null {
  if (startsWith(bytes, ascii('%PDF-'))) return 'application/pdf'
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png'
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg'
  if (startsWith(bytes, ascii('GIF87a')) || startsWith(bytes, ascii('GIF89a'))) return 'image/gif'
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return 'image/webp'
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return officeType(bytes)
  return isPlainText(bytes) ? 'text/plain' : null
}

// Characters Windows forbids, and bidirectional marks and overrides that disguise an extension.
const UNSAFE_NAME_CHARS = /[<>:"|?*\u200e\u200f\u202a-\u202e\u2066-\u2069]/g
const withoutControls = (text: string) =>
  [...text].filter((char) => !isBinaryControl(char.codePointAt(0) ?? 0) && char !== '\t').join('')
const MAX_NAME_LENGTH = 120

/** A file name safe to store and to send back in Content-Disposition. */
export function sanitizeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? ''
  const clean = withoutControls(base.normalize('NFC'))
    .replace(UNSAFE_NAME_CHARS, '')
    .replace(/\s+/g, ' ')
    .trim()
  const extension = /\.[A-Za-z0-9]{1,8}$/.exec(clean)?.[0] ?? ''
  // A leading dot would hide the file on the operator's machine.
  const stem =
    clean
      .slice(0, clean.length - extension.length)
      .replace(/^[.\s]+/, '')
      .trim() || 'allegato'
  return `${[...stem].slice(0, MAX_NAME_LENGTH - extension.length).join('')}${extension}`
}

function extensionOf(fileName: string): string {
  return /\.([A-Za-z0-9]{1,8})$/.exec(fileName)?.[1]?.toLowerCase() ?? ''
}

function declaredTypeOf(mediaType: string | undefined): string | null {
  const bare = mediaType?.split(';')[0]?.trim().toLowerCase() ?? ''
  // Mail clients label whatever they do not know as octet-stream: that declares nothing.
  return bare === '' || bare === 'application/octet-stream' ? null : bare
}

export interface CheckedFile {
  fileName: string
  mediaType: string
  bytes: Uint8Array
}

/**
 * Refuses the whole set when one file is wrong: too many, too large, or whose content is not an
 * accepted type or disagrees with its extension or its declared type.
 */
export function checkAttachments(files: readonly IncomingFile[], maxBytes: number): CheckedFile[] {
  if (files.length > MAX_ATTACHMENTS) {
    throw new AppError('VALIDATION_FAILED', {
      status: 422,
      messageKey: 'tickets.too-many-attachments',
      params: { max: MAX_ATTACHMENTS },
    })
  }
  return files.map((file) => {
    const fileName = sanitizeFileName(file.fileName)
    const refuse = (messageKey: string, params: Record<string, string | number> = {}) =>
      new AppError('VALIDATION_FAILED', {
        status: 422,
        messageKey,
        params: { name: fileName, ...params },
        internalDetail: `attachment ${fileName} refused: ${messageKey}`,
      })
    if (file.bytes.length > maxBytes) {
      throw refuse('tickets.attachment-too-large', { maxMb: Math.round(maxBytes / 100_000) / 10 })
    }
    if (file.bytes.length === 0) throw refuse('tickets.attachment-unreadable')
    const sniffed = sniffMediaType(file.bytes)
    const declared = declaredTypeOf(file.mediaType)
    const agrees =
      sniffed !== null &&
      (ACCEPTED[sniffed] ?? []).includes(extensionOf(fileName)) &&
      (declared === null || declared === sniffed)
    if (!agrees || sniffed === null) throw refuse('tickets.attachment-type')
    return { fileName, mediaType: sniffed, bytes: file.bytes }
  })
}

// Files written during a transaction, so they can be removed if it rolls back.
const writtenDuring = new WeakMap<Transaction, string[]>()

async function removeFiles(files: FileStore, keys: readonly string[]): Promise<void> {
  await Promise.allSettled(keys.map((key) => files.remove(key)))
}

/**
 * A transaction that may store attachments: if it fails, the files it wrote are removed, so nothing
 * is left in the store that no row points to.
 */
export async function inAttachmentTransaction<T>(
  ctx: { db: Database; files: FileStore },
  work: (tx: Transaction) => Promise<T>,
): Promise<T> {
  const written: string[] = []
  try {
    return await inTransaction(ctx.db, async (tx) => {
      writtenDuring.set(tx, written)
      return work(tx)
    })
  } catch (error) {
    await removeFiles(ctx.files, written)
    throw error
  }
}

/**
 * Checks and stores a message's files: bytes first, then the rows, all or none. Call it inside
 * `inAttachmentTransaction` so a later failure of the same transaction removes the bytes too.
 */
export async function storeAttachments(
  tx: Transaction,
  ctx: Pick<TicketsContext, 'files' | 'tickets' | 'clock'>,
  input: { ticketId: string; messageId: string; files: readonly IncomingFile[] },
): Promise<StoredAttachment[]> {
  const checked = checkAttachments(input.files, ctx.tickets.attachmentMaxBytes)
  if (checked.length === 0) return []
  const mine: string[] = []
  try {
    const rows = []
    for (const file of checked) {
      const storageKey = `tickets/${input.ticketId}/${timeOrderedUuid()}`
      await ctx.files.put(storageKey, file.bytes, file.mediaType)
      mine.push(storageKey)
      writtenDuring.get(tx)?.push(storageKey)
      rows.push({
        id: timeOrderedUuid(),
        ticketId: input.ticketId,
        messageId: input.messageId,
        storageKey,
        fileName: file.fileName,
        mediaType: file.mediaType,
        sizeBytes: file.bytes.length,
        sha256: createHash('sha256').update(file.bytes).digest('hex'),
        createdAt: ctx.clock.now(),
      })
    }
    await insertAttachments(tx, rows)
    return rows.map(({ id, fileName, mediaType, sizeBytes, sha256 }) => ({
      id,
      fileName,
      mediaType,
      sizeBytes,
      sha256,
    }))
  } catch (error) {
    await removeFiles(ctx.files, mine)
    const pending = writtenDuring.get(tx)
    if (pending) pending.splice(0, pending.length, ...pending.filter((key) => !mine.includes(key)))
    throw error
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

export interface AttachmentContent extends StoredAttachment {
  ticketId: string
  messageId: string
  bytes: Uint8Array
}

/**
 * An attachment's bytes and what to call them. Callers check access to the ticket first; given a
 * ticket, an attachment of another ticket is not found.
 */
export async function readAttachment(
  ctx: { db: Queryable; files: FileStore },
  input: { attachmentId: string; ticketId?: string },
): Promise<AttachmentContent> {
  const missing = () => new AppError('NOT_FOUND', { messageKey: 'tickets.attachment-missing' })
  if (!UUID.test(input.attachmentId)) throw missing()
  const row = await findAttachment(ctx.db, input.attachmentId)
  if (!row || (input.ticketId !== undefined && row.ticketId !== input.ticketId)) throw missing()
  const bytes = await ctx.files.get(row.storageKey)
  if (!bytes) throw missing()
  return {
    id: row.id,
    ticketId: row.ticketId,
    messageId: row.messageId,
    fileName: row.fileName,
    mediaType: row.mediaType,
    sizeBytes: row.sizeBytes,
    sha256: row.sha256,
    bytes,
  }
}
