/** The languages the interface is translated into; Italian is the reference language. */
export const SUPPORTED_LANGUAGES = ['it', 'en'] as const

export type Language = (typeof SUPPORTED_LANGUAGES)[number]

export const DEFAULT_LANGUAGE: Language = 'it'

/** Where the visitor's explicit choice is remembered between visits. */
export const LANGUAGE_STORAGE_KEY = 'civico.lang'

/** Each language is named in itself, so a visitor can find their own even in a foreign interface. */
export const LANGUAGE_ENDONYMS: Record<Language, string> = {
  it: 'Italiano',
  en: 'English',
}

export function isSupportedLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (SUPPORTED_LANGUAGES as readonly string[]).includes(value)
}

export function readStoredLanguage(): Language | undefined {
  try {
    const stored = window.localStorage.getItem(LANGUAGE_STORAGE_KEY)
    return isSupportedLanguage(stored) ? stored : undefined
  } catch {
    // Storage can be unavailable (private mode, disabled cookies): fall back to the default.
    return undefined
  }
}

export function storeLanguage(language: Language): void {
  try {
    window.localStorage.setItem(LANGUAGE_STORAGE_KEY, language)
  } catch {
    // Not remembering the choice is acceptable; the switch still works for this visit.
  }
}
