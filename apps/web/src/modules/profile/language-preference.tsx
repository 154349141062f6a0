import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { changeLanguage } from '../../app/i18n/i18n'
import { LANGUAGE_ENDONYMS, type Language, SUPPORTED_LANGUAGES } from '../../app/i18n/languages'
import { ErrorAlert } from '../../app/ui/error-alert'
import { type MyAccount, useUpdateLocale } from './me-api'

/** The language of the city's messages to the citizen; saving it also switches these pages. */
export function LanguagePreference({ account }: { account: MyAccount }) {
  const { t } = useTranslation()
  const update = useUpdateLocale()
  const [choice, setChoice] = useState<Language>(account.locale)
  const [saved, setSaved] = useState(false)

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    setSaved(false)
    update.mutate(choice, {
      onSuccess: async (updated) => {
        await changeLanguage(updated.locale)
        setSaved(true)
      },
    })
  }

  return (
    <section className="civico-panel" aria-labelledby="language-title" data-testid="language-preference">
      <h2 id="language-title" className="h4">
        {t('profile.language.title')}
      </h2>
      <form onSubmit={onSubmit}>
        <fieldset>
          <legend className="civico-field-label">{t('profile.language.legend')}</legend>
          {SUPPORTED_LANGUAGES.map((language) => (
            <div className="form-check" key={language}>
              <input
                className="form-check-input"
                type="radio"
                name="locale"
                id={`locale-${language}`}
                value={language}
                checked={choice === language}
                onChange={() => setChoice(language)}
              />
              <label className="form-check-label" htmlFor={`locale-${language}`} lang={language}>
                {LANGUAGE_ENDONYMS[language]}
              </label>
            </div>
          ))}
        </fieldset>
        <button type="submit" className="btn btn-primary btn-sm mt-2" disabled={update.isPending}>
          {t('profile.language.save')}
        </button>
        <div role="status">
          {saved ? <p className="civico-success-text mt-2 mb-0">{t('profile.language.saved')}</p> : null}
        </div>
      </form>
      {update.isError ? <ErrorAlert error={update.error} /> : null}
    </section>
  )
}
