import { type FormEvent, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useSearchParams } from 'react-router'
import { BACK_OFFICE_NEW_CALL_PATH, backOfficeCitizenPath } from '../../app/paths'
import { ErrorAlert } from '../../app/ui/error-alert'
import { LoadingState } from '../../app/ui/loading-state'
import { TextField } from '../../app/ui/text-field'
import { usePageTitle } from '../../app/ui/use-page-title'
import { BackOfficePage, useBackOfficeTitle } from '../backoffice/back-office-page'
import { compactFiscalCode, fiscalCodeProblem } from '../backoffice/contact-centre-booking-api'
import { type ContactMatch, useContactSearch, useMergeContact } from './citizens-api'
import { ContactFacts } from './contact-facts'

/** The typed text as a fiscal code, when it is one (spaces and case do not matter). */
export function asFiscalCode(text: string): string | null {
  const code = compactFiscalCode(text)
  return code.length === 16 && fiscalCodeProblem(code) === null ? code : null
}

/** An anonymous writer or caller turned out to be a known citizen: their history moves there. */
function MergeForm({ contact, onMerged }: { contact: ContactMatch; onMerged: (message: string) => void }) {
  const { t } = useTranslation()
  const merge = useMergeContact()
  const [typed, setTyped] = useState('')
  const [error, setError] = useState<string>()
  const submit = (event: FormEvent) => {
    event.preventDefault()
    const fiscalCode = asFiscalCode(typed)
    if (!fiscalCode) {
      setError(t('crm.citizens.merge.invalid'))
      return
    }
    setError(undefined)
    merge.mutate(
      { contactId: contact.id, fiscalCode },
      { onSuccess: () => onMerged(t('crm.citizens.merge.done', { fiscalCode })) },
    )
  }
  return (
    <form className="mt-2" onSubmit={submit} noValidate data-testid="merge-contact-form">
      <TextField
        label={t('crm.citizens.merge.fiscalCode')}
        hint={t('crm.citizens.merge.hint')}
        value={typed}
        onChange={(event) => setTyped(event.target.value)}
        error={error}
        autoComplete="off"
        spellCheck={false}
        className="text-uppercase"
      />
      <button type="submit" className="btn btn-outline-primary btn-sm" disabled={merge.isPending}>
        {t('crm.citizens.merge.submit')}
      </button>
      {merge.isError ? (
        <div className="mt-2">
          <ErrorAlert error={merge.error} />
        </div>
      ) : null}
    </form>
  )
}

function ContactItem({ contact, announce }: { contact: ContactMatch; announce: (message: string) => void }) {
  const { t } = useTranslation()
  const [merging, setMerging] = useState(false)
  const name = contact.displayName || t('crm.citizens.noName')
  return (
    <li className="civico-panel mb-3" data-contact={contact.id}>
      <div className="d-flex flex-wrap justify-content-between align-items-start gap-2">
        <h3 className="h5 mb-1">{name}</h3>
        <span className="badge civico-badge-neutral">
          {contact.fiscalCode ? t('crm.citizens.citizen') : t('crm.citizens.anonymous')}
        </span>
      </div>
      <dl className="civico-crm-facts">
        <ContactFacts contact={contact} />
        <div>
          <dt>{t('crm.citizens.tickets')}</dt>
          <dd>{contact.ticketCount}</dd>
        </div>
      </dl>
      <div className="d-flex flex-wrap gap-2">
        {contact.fiscalCode ? (
          <Link className="btn btn-primary btn-sm" to={backOfficeCitizenPath(contact.fiscalCode)}>
            {t('crm.citizens.open360')}
            <span className="visually-hidden"> {name}</span>
          </Link>
        ) : contact.mergedIntoId ? (
          <p className="small mb-0">{t('crm.citizens.alreadyMerged')}</p>
        ) : (
          <button
            type="button"
            className="btn btn-outline-primary btn-sm"
            aria-expanded={merging}
            onClick={() => setMerging((open) => !open)}
          >
            {t('crm.citizens.merge.open')}
            <span className="visually-hidden"> {name}</span>
          </button>
        )}
        {contact.phone && !contact.fiscalCode ? (
          <Link
            className="btn btn-outline-secondary btn-sm"
            to={`${BACK_OFFICE_NEW_CALL_PATH}?tel=${encodeURIComponent(contact.phone)}`}
          >
            {t('crm.citizens.logCall')}
          </Link>
        ) : null}
      </div>
      {merging && !contact.fiscalCode ? <MergeForm contact={contact} onMerged={announce} /> : null}
    </li>
  )
}

/**
 * "Cittadini": find who is calling or writing by fiscal code, e-mail address or phone number, and
 * open their 360° view. A fiscal code opens the view even when the CRM has never heard from them.
 */
export function CitizensPage() {
  const { t } = useTranslation()
  usePageTitle(useBackOfficeTitle(t('crm.citizens.title')))
  const [searchParams, setSearchParams] = useSearchParams()
  const query = searchParams.get('q')
  const [typed, setTyped] = useState(query ?? '')
  const [error, setError] = useState<string>()
  const [announcement, setAnnouncement] = useState('')
  const results = useContactSearch(query && query.trim().length >= 3 ? query.trim() : null)
  const resultsHeading = useRef<HTMLHeadingElement>(null)
  const fiscalCode = query ? asFiscalCode(query) : null

  // After a search the results take focus, so a screen reader hears what was found.
  useEffect(() => {
    if (results.data) resultsHeading.current?.focus()
  }, [results.data])

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const text = typed.trim()
    if (text.length < 3) {
      setError(t('crm.citizens.search.tooShort'))
      return
    }
    setError(undefined)
    setAnnouncement('')
    setSearchParams({ q: asFiscalCode(text) ?? text })
  }

  const found = results.data ?? []
  const knowsFiscalCode = fiscalCode !== null && found.some((contact) => contact.fiscalCode === fiscalCode)
  return (
    <BackOfficePage title={t('crm.citizens.title')} lead={t('crm.citizens.lead')} testId="crm-citizens">
      <form className="civico-panel mb-4" onSubmit={submit} noValidate data-testid="contact-search">
        <TextField
          label={t('crm.citizens.search.label')}
          hint={t('crm.citizens.search.hint')}
          value={typed}
          onChange={(event) => setTyped(event.target.value)}
          error={error}
          autoComplete="off"
          spellCheck={false}
          maxLength={254}
        />
        <button type="submit" className="btn btn-primary btn-sm">
          {t('crm.citizens.search.submit')}
        </button>
      </form>
      <div role="status">{announcement ? <p className="alert alert-success">{announcement}</p> : null}</div>
      {results.isFetching && !results.data ? <LoadingState /> : null}
      {results.isError ? <ErrorAlert error={results.error} /> : null}
      {results.isSuccess ? (
        <section aria-labelledby="contact-results-title" data-testid="contact-results">
          <h2 id="contact-results-title" className="h4" tabIndex={-1} ref={resultsHeading}>
            {t('crm.citizens.results', { count: found.length })}
          </h2>
          {fiscalCode && !knowsFiscalCode ? (
            <div className="civico-empty-state text-start mb-3" data-testid="not-in-crm">
              <p>{t('crm.citizens.notInCrm', { fiscalCode })}</p>
              <Link className="btn btn-primary btn-sm" to={backOfficeCitizenPath(fiscalCode)}>
                {t('crm.citizens.open360')}
              </Link>
            </div>
          ) : null}
          {found.length === 0 && !fiscalCode ? <p>{t('crm.citizens.none')}</p> : null}
          <ul className="list-unstyled mb-0">
            {found.map((contact) => (
              <ContactItem key={contact.id} contact={contact} announce={setAnnouncement} />
            ))}
          </ul>
        </section>
      ) : null}
    </BackOfficePage>
  )
}
