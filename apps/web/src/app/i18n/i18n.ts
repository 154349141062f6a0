import i18next from 'i18next'
import { initReactI18next } from 'react-i18next'
import { en, it } from './catalogues'
import {
  DEFAULT_LANGUAGE,
  isSupportedLanguage,
  type Language,
  readStoredLanguage,
  storeLanguage,
} from './languages'

export const i18n = i18next.createInstance()

function applyDocumentLanguage(language: Language): void {
  document.documentElement.lang = language
}

export function currentLanguage(): Language {
  const language = i18n.resolvedLanguage ?? i18n.language
  return isSupportedLanguage(language) ? language : DEFAULT_LANGUAGE
}

export async function initI18n(): Promise<void> {
  const initial = readStoredLanguage() ?? DEFAULT_LANGUAGE
  await i18n.use(initReactI18next).init({
    resources: { it: { translation: it }, en: { translation: en } },
    lng: initial,
    fallbackLng: DEFAULT_LANGUAGE,
    supportedLngs: ['it', 'en'],
    interpolation: { escapeValue: false },
    showSupportNotice: false,
  })
  applyDocumentLanguage(initial)
  i18n.on('languageChanged', (language) => {
    if (isSupportedLanguage(language)) applyDocumentLanguage(language)
  })
}

/** Switches the interface language and remembers it for the next visit. */
export async function changeLanguage(language: Language): Promise<void> {
  storeLanguage(language)
  await i18n.changeLanguage(language)
}
