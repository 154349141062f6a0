import {
  type PickedFile,
  type PickRefusal,
  type RefusedPick,
  readPickedFiles,
} from '../../app/files/picked-files'
import type { AttachmentUpload } from './tickets-api'

/** The server's limits, repeated here only to spare the citizen an upload it would refuse. */
export const MAX_ATTACHMENTS = 5
export const ATTACHMENT_MAX_BYTES = 10_000_000

/** What the city accepts, by extension: the server also reads the content and decides. */
export const ACCEPTED_EXTENSIONS = [
  'pdf',
  'png',
  'jpg',
  'jpeg',
  'gif',
  'webp',
  'txt',
  'docx',
  'xlsx',
  'pptx',
  'odt',
  'ods',
  'odp',
] as const

export const ACCEPT_ATTRIBUTE = ACCEPTED_EXTENSIONS.map((extension) => `.${extension}`).join(',')

export type ChosenFile = PickedFile
export type FileRefusal = PickRefusal
export type RefusedFile = RefusedPick

function extensionOf(name: string): string {
  return /\.([A-Za-z0-9]{1,8})$/.exec(name)?.[1]?.toLowerCase() ?? ''
}

export function refusalOf(file: { name: string; size: number }): FileRefusal | null {
  if (!(ACCEPTED_EXTENSIONS as readonly string[]).includes(extensionOf(file.name))) return 'type'
  if (file.size === 0) return 'empty'
  if (file.size > ATTACHMENT_MAX_BYTES) return 'size'
  return null
}

/**
 * Reads the files the citizen picked, keeping the ones the city would take and saying why the
 * others were left out; past the limit of five, the extra ones are refused by count.
 */
export function readChosenFiles(picked: readonly File[], alreadyChosen: number) {
  return readPickedFiles(picked, alreadyChosen, { max: MAX_ATTACHMENTS, refusalOf, idPrefix: 'file' })
}

export function uploadsOf(files: readonly ChosenFile[]): AttachmentUpload[] {
  // An empty type says nothing; the server then goes by the content and the extension.
  return files.map((file) => ({
    name: file.name,
    ...(file.type ? { type: file.type } : {}),
    data: file.data,
  }))
}

/** "1,2 MB" or "830 kB", the way each language writes numbers. */
export function formatFileSize(bytes: number, language: string): string {
  const locale = language === 'en' ? 'en-GB' : 'it-IT'
  if (bytes < 1_000_000) {
    return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(Math.max(1, bytes / 1000))} kB`
  }
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(bytes / 1_000_000)} MB`
}
