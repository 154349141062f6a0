import { useTranslation } from 'react-i18next'
import { changeLanguage, currentLanguage } from '../i18n/i18n'
import { LANGUAGE_ENDONYMS, SUPPORTED_LANGUAGES } from '../i18n/languages'

/** Two short buttons (IT | EN); screen readers also hear each language's own name. */
export function LanguageSwitch() {
  const { t } = useTranslation()
  const active = currentLanguage()
  return (
    <fieldset className="civico-language-switch">
      <legend className="visually-hidden">{t('header.language')}</legend>
      {SUPPORTED_LANGUAGES.map((language) => (
        <button
          key={language}
          type="button"
          className="civico-language-button"
          lang={language}
          aria-pressed={language === active}
          data-language={language}
          onClick={() => {
            void changeLanguage(language)
          }}
        >
          {language.toUpperCase()}
          <span className="visually-hidden"> - {LANGUAGE_ENDONYMS[language]}</span>
        </button>
      ))}
    </fieldset>
  )
}
