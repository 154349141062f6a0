/** A file chosen by the citizen, already read, so it can be kept in a draft and sent as JSON. */
export interface PickedFile {
  id: string
  name: string
  type: string
  size: number
  /** The bytes in base64, without the `data:` prefix. */
  data: string
}

/** Why a picked file was left out: checked here only to spare an upload the server would refuse. */
export type PickRefusal = 'type' | 'size' | 'empty' | 'count' | 'unreadable'

export interface RefusedPick {
  name: string
  reason: PickRefusal
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

/**
 * Reads the files the citizen picked, keeping those the form takes and saying why the others were
 * left out; past `max` (counting those already chosen) the extra ones are refused by count.
 */
export async function readPickedFiles(
  picked: readonly File[],
  alreadyChosen: number,
  rules: {
    max: number
    refusalOf: (file: File) => PickRefusal | null
    idPrefix: string
    typeOf?: (file: File) => string
  },
): Promise<{ accepted: PickedFile[]; refused: RefusedPick[] }> {
  const accepted: PickedFile[] = []
  const refused: RefusedPick[] = []
  for (const file of picked) {
    const reason = rules.refusalOf(file)
    if (reason) {
      refused.push({ name: file.name, reason })
      continue
    }
    if (alreadyChosen + accepted.length >= rules.max) {
      refused.push({ name: file.name, reason: 'count' })
      continue
    }
    try {
      counter += 1
      accepted.push({
        id: `${rules.idPrefix}-${Date.now()}-${counter}`,
        name: file.name,
        type: rules.typeOf ? rules.typeOf(file) : file.type,
        size: file.size,
        data: await readAsBase64(file),
      })
    } catch {
      refused.push({ name: file.name, reason: 'unreadable' })
    }
  }
  return { accepted, refused }
}
