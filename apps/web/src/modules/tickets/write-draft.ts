import type { ChosenFile } from './ticket-files'
import type { WriteInput } from './tickets-api'

/** "Scrivi al Comune" or the "Posta del Sindaco": the same form on two parts of the taxonomy. */
export type WriteKind = 'city' | 'mayor'

export const WRITE_STEPS = ['category', 'request', 'identity', 'summary'] as const
export type WriteStep = (typeof WRITE_STEPS)[number]

/** Signed-in citizens are known already: the step asking who writes is only for the others. */
export function stepsFor(signedIn: boolean): WriteStep[] {
  return signedIn ? ['category', 'request', 'summary'] : [...WRITE_STEPS]
}

export const SUBJECT_MIN = 3
export const SUBJECT_MAX = 150
export const BODY_MIN = 10
export const BODY_MAX = 5000

export interface WriteDraft {
  areaCode: string
  topicCode: string
  detailCode: string
  subject: string
  body: string
  phone: string
  files: ChosenFile[]
  /** The step the citizen was on, so coming back from signing in lands where they left. */
  step: WriteStep
}

export type DraftField = 'areaCode' | 'topicCode' | 'detailCode' | 'subject' | 'body' | 'phone' | 'identity'
export type DraftErrors = Partial<Record<DraftField, true>>

export const emptyDraft = (): WriteDraft => ({
  areaCode: '',
  topicCode: '',
  detailCode: '',
  subject: '',
  body: '',
  phone: '',
  files: [],
  step: 'category',
})

const PHONE = /^\+?[\d\s().-]{6,20}$/

/** What a step is missing, by the same rules as the server, checked before moving on. */
export function errorsOf(step: WriteStep, draft: WriteDraft, verified: boolean): DraftErrors {
  const errors: DraftErrors = {}
  if (step === 'category') {
    if (!draft.areaCode) errors.areaCode = true
    else if (!draft.topicCode) errors.topicCode = true
    else if (!draft.detailCode) errors.detailCode = true
  }
  if (step === 'request') {
    const subject = draft.subject.trim()
    const body = draft.body.trim()
    if (subject.length < SUBJECT_MIN || subject.length > SUBJECT_MAX) errors.subject = true
    if (body.length < BODY_MIN || body.length > BODY_MAX) errors.body = true
    if (draft.phone.trim() && !PHONE.test(draft.phone.trim())) errors.phone = true
  }
  if (step === 'identity' && !verified) errors.identity = true
  return errors
}

export interface VerifiedEmail {
  email: string
  proof: string
  name: string
}

export function writeInputOf(
  draft: WriteDraft,
  uploads: WriteInput['attachments'],
  verified: VerifiedEmail | null,
): WriteInput {
  const phone = draft.phone.trim()
  return {
    categoryCode: draft.detailCode,
    subject: draft.subject.trim(),
    body: draft.body.trim(),
    ...(phone ? { phone } : {}),
    attachments: uploads,
    ...(verified
      ? {
          email: verified.email,
          proof: verified.proof,
          ...(verified.name.trim() ? { name: verified.name.trim() } : {}),
        }
      : {}),
  }
}

const storageKey = (kind: WriteKind) => `civico.write-draft.${kind}`
const filesKey = (kind: WriteKind) => `${storageKey(kind)}.files`

function isDraft(value: unknown): value is Omit<WriteDraft, 'files'> {
  if (typeof value !== 'object' || value === null) return false
  const record = value as Record<string, unknown>
  return (
    ['areaCode', 'topicCode', 'detailCode', 'subject', 'body', 'phone'].every(
      (key) => typeof record[key] === 'string',
    ) && (WRITE_STEPS as readonly unknown[]).includes(record.step)
  )
}

function isChosenFile(value: unknown): value is ChosenFile {
  if (typeof value !== 'object' || value === null) return false
  const record = value as Record<string, unknown>
  return (
    typeof record.id === 'string' &&
    typeof record.name === 'string' &&
    typeof record.type === 'string' &&
    typeof record.size === 'number' &&
    typeof record.data === 'string'
  )
}

export interface StoredDraft {
  draft: WriteDraft
  /** Files were attached but could not be kept in the browser: the citizen adds them again. */
  filesLost: boolean
}

/**
 * The draft kept in this tab (sessionStorage): signing in with SPID or CIE leaves the site and comes
 * back, and nobody should have to write their request twice. It goes when the tab is closed.
 */
export function loadDraft(kind: WriteKind): StoredDraft | null {
  try {
    const raw = window.sessionStorage.getItem(storageKey(kind))
    if (!raw) return null
    const parsed: unknown = JSON.parse(raw)
    if (!isDraft(parsed)) return null
    const record = parsed as unknown as Record<string, unknown>
    const expected = typeof record.fileCount === 'number' ? record.fileCount : 0
    const storedFiles: unknown = JSON.parse(window.sessionStorage.getItem(filesKey(kind)) ?? '[]')
    const files = Array.isArray(storedFiles) ? storedFiles.filter(isChosenFile) : []
    return { draft: { ...emptyDraft(), ...parsed, files }, filesLost: files.length < expected }
  } catch {
    return null
  }
}

/** Keeps the text always; the files only when they fit in the browser's storage. */
export function saveDraft(kind: WriteKind, draft: WriteDraft, filesChanged: boolean): void {
  try {
    const { files, ...text } = draft
    window.sessionStorage.setItem(storageKey(kind), JSON.stringify({ ...text, fileCount: files.length }))
    if (!filesChanged) return
    try {
      window.sessionStorage.setItem(filesKey(kind), JSON.stringify(files))
    } catch {
      window.sessionStorage.removeItem(filesKey(kind))
    }
  } catch {
    // Storage may be unavailable (private mode): the form still works, only the round trip forgets.
  }
}

export function clearDraft(kind: WriteKind): void {
  try {
    window.sessionStorage.removeItem(storageKey(kind))
    window.sessionStorage.removeItem(filesKey(kind))
  } catch {
    // Nothing was stored.
  }
}
