import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { TextField } from '../../app/ui/text-field'
import { usePageTitle } from '../../app/ui/use-page-title'
import { BackOfficePage, useBackOfficeTitle } from './back-office-page'
import { compactFiscalCode, fiscalCodeProblem } from './contact-centre-booking-api'
import { CitizenAppointments } from './contact-centre-booking-citizen'
import { NewBookingForm } from './contact-centre-booking-form'

/** The fiscal code of the citizen on the phone, checked character by character as it is typed. */
function CitizenSearch({ onFound }: { onFound: (fiscalCode: string) => void }) {
  const { t } = useTranslation()
  const [typed, setTyped] = useState('')
  const [submitted, setSubmitted] = useState(false)
  const code = compactFiscalCode(typed)
  const problem = code ? fiscalCodeProblem(code) : 'short'
  // Short is only a problem once the operator tries to search; a wrong character shows at once.
  const shown = problem === 'shape' || problem === 'check' || (submitted && problem === 'short')
  const error = shown && problem ? t(`contactCentreBooking.search.${problem}`) : undefined
  const progress =
    code && problem === 'short' ? t('contactCentreBooking.search.remaining', { count: 16 - code.length }) : ''

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    setSubmitted(true)
    if (problem === null) onFound(code)
  }

  return (
    <form
      onSubmit={onSubmit}
      noValidate
      className="civico-panel mb-4"
      aria-labelledby="citizen-search-title"
      data-testid="citizen-search"
    >
      <h2 id="citizen-search-title" className="h4">
        {t('contactCentreBooking.search.title')}
      </h2>
      <TextField
        label={t('contactCentreBooking.search.fiscalCode')}
        hint={t('contactCentreBooking.search.hint')}
        value={typed}
        onChange={(event) => setTyped(event.target.value)}
        error={error}
        autoComplete="off"
        spellCheck={false}
        maxLength={20}
        className="text-uppercase"
      />
      <p className="small" aria-live="polite" data-testid="fiscal-code-progress">
        {problem === null ? t('contactCentreBooking.search.valid') : progress}
      </p>
      <button type="submit" className="btn btn-primary btn-sm">
        {t('contactCentreBooking.search.submit')}
      </button>
    </form>
  )
}

/**
 * "Prenotazioni 020202": the contact centre finds the caller by fiscal code, reads their
 * appointments, moves or cancels one, or books a new one and reads the code out.
 */
export function ContactCentreBookingPage() {
  const { t } = useTranslation()
  const [fiscalCode, setFiscalCode] = useState<string | null>(null)
  const [announcement, setAnnouncement] = useState('')
  usePageTitle(useBackOfficeTitle(t('contactCentreBooking.title')))
  return (
    <BackOfficePage
      title={t('contactCentreBooking.title')}
      lead={t('contactCentreBooking.lead')}
      testId="contact-centre-booking"
    >
      <CitizenSearch
        onFound={(code) => {
          setFiscalCode(code)
          setAnnouncement('')
        }}
      />
      <div role="status" data-testid="contact-centre-status">
        {announcement ? <p className="alert alert-success">{announcement}</p> : null}
      </div>
      {fiscalCode ? (
        <div className="row g-4">
          <div className="col-12 col-xl-6">
            <CitizenAppointments key={fiscalCode} fiscalCode={fiscalCode} announce={setAnnouncement} />
          </div>
          <div className="col-12 col-xl-6">
            <NewBookingForm key={fiscalCode} fiscalCode={fiscalCode} />
          </div>
        </div>
      ) : null}
    </BackOfficePage>
  )
}
