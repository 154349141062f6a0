import sharp from 'sharp'
import { AppError } from '../../platform/errors.js'
import './messages.js'

export const MAX_PHOTOS = 3
export const MAX_PHOTO_BYTES = 8 * 1024 * 1024
// A small file can still claim a huge canvas: decoding stops past this many pixels.
const MAX_INPUT_PIXELS = 50_000_000
const PHOTO_EDGE = 1600
const THUMBNAIL_EDGE = 320

export interface ProcessedPhoto {
  photo: Uint8Array
  thumbnail: Uint8Array
  width: number
  height: number
}

const startsWith = (bytes: Uint8Array, prefix: readonly number[], at = 0) =>
  prefix.every((byte, index) => bytes[at + index] === byte)
const ascii = (text: string) => [...text].map((char) => char.charCodeAt(0))

/** The image type by its first bytes, whatever the name or the declared type say. */
export function sniffImageType(bytes: Uint8Array): 'image/jpeg' | 'image/png' | 'image/webp' | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg'
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png'
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return 'image/webp'
  return null
}

function refuse(messageKey: string, params: Record<string, string | number> = {}): AppError {
  return new AppError('VALIDATION_FAILED', { status: 422, messageKey, params })
}

/**
 * Re-encodes a photo as JPEG: turned upright, at most 1600 px a side, with no metadata at all (the
 * EXIF position and camera, the comments), plus a 320 px thumbnail. Anything not a JPEG, PNG or
 * WebP image, by its content, is refused.
 */
export async function processPhoto(bytes: Uint8Array, position: number): Promise<ProcessedPhoto> {
  const params = { position: position + 1 }
  if (bytes.length === 0 || bytes.length > MAX_PHOTO_BYTES) {
    throw refuse('reports.photo-too-large', { ...params, maxMb: MAX_PHOTO_BYTES / 1024 / 1024 })
  }
  if (!sniffImageType(bytes)) throw refuse('reports.photo-type', params)
  try {
    // rotate() applies the EXIF orientation before the metadata goes; sharp keeps none by default.
    const upright = sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' }).rotate()
    const { data, info } = await upright
      .clone()
      .resize({ width: PHOTO_EDGE, height: PHOTO_EDGE, fit: 'inside', withoutEnlargement: true })
      .jpeg({ quality: 82, mozjpeg: true })
      .toBuffer({ resolveWithObject: true })
    const thumbnail = await upright
      .clone()
      .resize({ width: THUMBNAIL_EDGE, height: THUMBNAIL_EDGE, fit: 'inside', withoutEnlargement: true })
      .jpeg({ quality: 75 })
      .toBuffer()
    return {
      photo: new Uint8Array(data),
      thumbnail: new Uint8Array(thumbnail),
      width: info.width,
      height: info.height,
    }
  } catch {
    throw refuse('reports.photo-unreadable', params)
  }
}

/** All photos of a report, refused together when one is wrong. */
export async function processPhotos(files: readonly Uint8Array[]): Promise<ProcessedPhoto[]> {
  if (files.length > MAX_PHOTOS) throw refuse('reports.too-many-photos', { max: MAX_PHOTOS })
  const processed: ProcessedPhoto[] = []
  // One at a time: decoding is CPU and memory heavy, and the machine is shared with the API.
  for (const [position, bytes] of files.entries()) processed.push(await processPhoto(bytes, position))
  return processed
}
