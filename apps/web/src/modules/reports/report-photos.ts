/** The server's limits, repeated here only to spare the citizen an upload it would refuse. */
export const MAX_PHOTOS = 3
export const PHOTO_MAX_BYTES = 8 * 1024 * 1024
export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const
export const PHOTO_ACCEPT = [...PHOTO_TYPES, '.jpg', '.jpeg', '.png', '.webp'].join(',')

export interface ChosenPhoto {
  id: string
  name: string
  type: string
  size: number
  /** The bytes in base64, without the `data:` prefix. */
  data: string
}

export type PhotoRefusal = 'type' | 'size' | 'empty' | 'count' | 'unreadable'

export interface RefusedPhoto {
  name: string
  reason: PhotoRefusal
}

const EXTENSION = /\.(jpe?g|png|webp)$/i

function refusalOf(file: File): PhotoRefusal | null {
  // Some phones give no type: the name then decides here, and the server reads the bytes anyway.
  const typed = file.type ? (PHOTO_TYPES as readonly string[]).includes(file.type) : EXTENSION.test(file.name)
  if (!typed) return 'type'
  if (file.size === 0) return 'empty'
  if (file.size > PHOTO_MAX_BYTES) return 'size'
  return null
}

function readAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => {
      const url = typeof reader.result === 'string' ? reader.result : ''
      resolve(url.slice(url.indexOf(',') + 1))
    }
    reader.onerror = () => reject(reader.error)
    reader.readAsDataURL(file)
  })
}

let counter = 0

/** Keeps the photos the city would take and says why the others were left out. */
export async function readChosenPhotos(
  picked: readonly File[],
  alreadyChosen: number,
): Promise<{ accepted: ChosenPhoto[]; refused: RefusedPhoto[] }> {
  const accepted: ChosenPhoto[] = []
  const refused: RefusedPhoto[] = []
  for (const file of picked) {
    const reason = refusalOf(file)
    if (reason) {
      refused.push({ name: file.name, reason })
      continue
    }
    if (alreadyChosen + accepted.length >= MAX_PHOTOS) {
      refused.push({ name: file.name, reason: 'count' })
      continue
    }
    try {
      counter += 1
      accepted.push({
        id: `photo-${Date.now()}-${counter}`,
        name: file.name,
        type: file.type || 'image/jpeg',
        size: file.size,
        data: await readAsBase64(file),
      })
    } catch {
      refused.push({ name: file.name, reason: 'unreadable' })
    }
  }
  return { accepted, refused }
}

export const photoSource = (photo: ChosenPhoto) => `data:${photo.type};base64,${photo.data}`
