import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { isApiError } from '../../app/api/api-error'
import { currentLanguage } from '../../app/i18n/i18n'
import { CheckboxGroup } from '../../app/ui/checkbox-group'
import { ErrorAlert } from '../../app/ui/error-alert'
import { LoadingState } from '../../app/ui/loading-state'
import { PageHeader } from '../../app/ui/page-header'
import { TextField } from '../../app/ui/text-field'
import { usePageTitle } from '../../app/ui/use-page-title'
import { usePublicTopics, useSubscribe } from './newsletter-api'

interface Problems {
  email?: string
  topics?: string
  privacy?: string
}

/** "Informami": anyone subscribes with an e-mail address and the topics they care about. */
export function SubscribePage() {
  const { t, i18n } = useTranslation()
  usePageTitle(t('newsletter.title'))
  const topics = usePublicTopics(i18n.language)
  const subscribe = useSubscribe()
  const [email, setEmail] = useState('')
  const [chosen, setChosen] = useState<string[]>([])
  const [privacy, setPrivacy] = useState(false)
  const [problems, setProblems] = useState<Problems>({})
  const [sentTo, setSentTo] = useState<string | null>(null)

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const found: Problems = {}
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim())) found.email = t('newsletter.emailInvalid')
    if (chosen.length === 0) found.topics = t('newsletter.topicsRequired')
    if (!privacy) found.privacy = t('newsletter.privacyRequired')
    setProblems(found)
    if (Object.values(found).some(Boolean)) return
    subscribe.mutate(
      { email: email.trim(), topics: chosen, locale: currentLanguage() },
      {
        onSuccess: () => setSentTo(email.trim()),
        onError: (error) => {
          if (isApiError(error))
            setProblems({ email: error.fieldError('email'), topics: error.fieldError('topics') })
        },
      },
    )
  }

  if (sentTo) {
    return (
      <div className="container pb-5" data-testid="newsletter-subscribe">
        <PageHeader title={t('newsletter.title')} />
        <div className="alert alert-success" role="status" data-testid="newsletter-check-inbox">
          <h2 className="h5">{t('newsletter.checkInboxTitle')}</h2>
          <p className="mb-0">{t('newsletter.checkInbox', { email: sentTo })}</p>
        </div>
      </div>
    )
  }

  const hasFieldProblem = Object.values(problems).some(Boolean)
  return (
    <div className="container pb-5" data-testid="newsletter-subscribe">
      <PageHeader title={t('newsletter.title')} lead={t('newsletter.lead')} />
      {topics.isPending ? <LoadingState /> : null}
      {topics.isError ? <ErrorAlert error={topics.error} onRetry={() => void topics.refetch()} /> : null}
      {topics.data ? (
        <form
          onSubmit={onSubmit}
          noValidate
          className="civico-panel col-lg-8"
          aria-labelledby="subscribe-title"
        >
          <h2 id="subscribe-title" className="h4">
            {t('newsletter.formTitle')}
          </h2>
          <TextField
            label={t('newsletter.email')}
            type="email"
            autoComplete="email"
            value={email}
            onChange={(event) => {
              setEmail(event.target.value)
              setProblems((found) => ({ ...found, email: undefined }))
            }}
            error={problems.email}
          />
          <CheckboxGroup
            legend={t('newsletter.topics')}
            hint={t('newsletter.topicsHint')}
            options={topics.data.map((topic) => ({
              value: topic.id,
              label: `${topic.title} – ${topic.description}`,
            }))}
            selected={chosen}
            onChange={(next) => {
              setChosen(next)
              setProblems((found) => ({ ...found, topics: undefined }))
            }}
            error={problems.topics}
          />
          <div className="form-check mb-3">
            <input
              className="form-check-input"
              type="checkbox"
              id="newsletter-privacy"
              checked={privacy}
              onChange={(event) => {
                setPrivacy(event.target.checked)
                setProblems((found) => ({ ...found, privacy: undefined }))
              }}
              aria-invalid={problems.privacy ? true : undefined}
              aria-describedby={problems.privacy ? 'newsletter-privacy-error' : undefined}
            />
            <label className="form-check-label" htmlFor="newsletter-privacy">
              {t('newsletter.privacy')} <Link to="/privacy">{t('newsletter.privacyLink')}</Link>
            </label>
            {problems.privacy ? (
              <p id="newsletter-privacy-error" className="civico-field-error">
                {problems.privacy}
              </p>
            ) : null}
          </div>
          <button type="submit" className="btn btn-primary" disabled={subscribe.isPending}>
            {t('newsletter.submit')}
          </button>
          {subscribe.isError && !hasFieldProblem ? <ErrorAlert error={subscribe.error} /> : null}
        </form>
      ) : null}
    </div>
  )
}
