import {
  type PickedFile,
  type PickRefusal,
  type RefusedPick,
  readPickedFiles,
} from '../../app/files/picked-files'
/** The server's limits, repeated here only to spare the citizen an upload it would refuse. */
export const MAX_PHOTOS = 3
export const PHOTO_MAX_BYTES = 8 * 1024 * 1024
export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const
export const PHOTO_ACCEPT = [...PHOTO_TYPES, '.jpg', '.jpeg', '.png', '.webp'].join(',')

export type ChosenPhoto = PickedFile
export type PhotoRefusal = PickRefusal
export type RefusedPhoto = RefusedPick

const EXTENSION = /\.(jpe?g|png|webp)$/i

function refusalOf(file: File): PhotoRefusal | null {
  // Some phones give no type: the name then decides here, and the server reads the bytes anyway.
  const typed = file.type ? (PHOTO_TYPES as readonly string[]).includes(file.type) : EXTENSION.test(file.name)
  if (!typed) return 'type'
  if (file.size === 0) return 'empty'
  if (file.size > PHOTO_MAX_BYTES) return 'size'
  return null
}

/** Keeps the photos the city would take and says why the others were left out. */
export function readChosenPhotos(picked: readonly File[], alreadyChosen: number) {
  return readPickedFiles(picked, alreadyChosen, {
    max: MAX_PHOTOS,
    refusalOf,
    idPrefix: 'photo',
    typeOf: (file) => file.type || 'image/jpeg',
  })
}

export const photoSource = (photo: ChosenPhoto) => `data:${photo.type};base64,${photo.data}`
