import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { isApiError } from '../../app/api/api-error'
import { formatDay, formatTime } from '../../app/i18n/format'
import { ErrorAlert } from '../../app/ui/error-alert'
import { LoadingState } from '../../app/ui/loading-state'
import { TextArea } from '../../app/ui/text-area'
import { TextField } from '../../app/ui/text-field'
import { SelectField } from './appointment-admin-fields'
import { type Booked, useBookableServices, useBookForCitizen } from './contact-centre-booking-api'
import { SlotChooser } from './contact-centre-booking-slots'

/** Words for each character of a booking code, so it is not misheard on the phone. */
const SPELLING: Record<string, Record<string, string>> = {
  it: {
    A: 'Ancona',
    B: 'Bologna',
    C: 'Como',
    D: 'Domodossola',
    E: 'Empoli',
    F: 'Firenze',
    G: 'Genova',
    H: 'Hotel',
    J: 'Jolly',
    K: 'Kappa',
    L: 'Livorno',
    M: 'Milano',
    N: 'Napoli',
    P: 'Palermo',
    Q: 'Quarto',
    R: 'Roma',
    S: 'Savona',
    T: 'Torino',
    U: 'Udine',
    V: 'Venezia',
    W: 'Washington',
    X: 'Xilofono',
    Y: 'York',
    Z: 'Zara',
  },
  en: {
    A: 'Alfa',
    B: 'Bravo',
    C: 'Charlie',
    D: 'Delta',
    E: 'Echo',
    F: 'Foxtrot',
    G: 'Golf',
    H: 'Hotel',
    J: 'Juliett',
    K: 'Kilo',
    L: 'Lima',
    M: 'Mike',
    N: 'November',
    P: 'Papa',
    Q: 'Quebec',
    R: 'Romeo',
    S: 'Sierra',
    T: 'Tango',
    U: 'Uniform',
    V: 'Victor',
    W: 'Whiskey',
    X: 'X-ray',
    Y: 'Yankee',
    Z: 'Zulu',
  },
}

export function spellCode(code: string, language: string): string {
  const words = SPELLING[language] ?? SPELLING.it ?? {}
  return code
    .split('')
    .map((character) => words[character] ?? character)
    .join(', ')
}

function BookedNotice({
  booked,
  serviceName,
  officeName,
}: {
  booked: Booked
  serviceName: string
  officeName: string
}) {
  const { t, i18n } = useTranslation()
  return (
    <div className="alert alert-success" data-testid="booked-notice">
      <h3 className="h5">{t('contactCentreBooking.booked.title')}</h3>
      <p className="mb-1">
        {t('contactCentreBooking.booked.when', {
          service: serviceName,
          office: officeName,
          day: formatDay(booked.startsAt, i18n.language),
          time: formatTime(booked.startsAt, i18n.language),
        })}
      </p>
      <p className="mb-1">
        {t('contactCentreBooking.booked.code')}{' '}
        <strong className="fs-4" data-testid="booked-code">
          {booked.code}
        </strong>
      </p>
      <p className="mb-0 small">
        {t('contactCentreBooking.booked.spelled', { spelled: spellCode(booked.code, i18n.language) })}
      </p>
    </div>
  )
}

type Problems = { service?: string; office?: string; start?: string; reason?: string; contact?: string }

/** A new booking for the citizen on the phone: service, office, day and time, details, confirm. */
export function NewBookingForm({ fiscalCode }: { fiscalCode: string }) {
  const { t } = useTranslation()
  const services = useBookableServices()
  const book = useBookForCitizen()
  const [serviceId, setServiceId] = useState('')
  const [officeId, setOfficeId] = useState('')
  const [start, setStart] = useState('')
  const [reason, setReason] = useState('')
  const [notes, setNotes] = useState('')
  const [contact, setContact] = useState('')
  const [problems, setProblems] = useState<Problems>({})
  const [booked, setBooked] = useState<{ booking: Booked; serviceName: string; officeName: string }>()
  const service = services.data?.find((candidate) => candidate.id === serviceId)
  const office = service?.offices.find((candidate) => candidate.id === officeId)

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const found: Problems = {}
    if (!service) found.service = t('contactCentreBooking.form.serviceRequired')
    else if (!office) found.office = t('contactCentreBooking.form.officeRequired')
    else if (!start) found.start = t('contactCentreBooking.form.startRequired')
    setProblems(found)
    if (!service || !office || !start) return
    book.mutate(
      {
        fiscalCode,
        service: service.id,
        office: office.id,
        start,
        reason: reason.trim(),
        notes: notes.trim(),
        contact: contact.trim(),
      },
      {
        onSuccess: (booking) => {
          setBooked({ booking, serviceName: service.name, officeName: office.name })
          setStart('')
          setReason('')
          setNotes('')
          setContact('')
        },
        onError: (error) => {
          if (!isApiError(error)) return
          // A time taken meanwhile: the times are read again and the operator picks another.
          if (error.code === 'CONFLICT') setStart('')
          setProblems({
            start: error.fieldError('start'),
            reason: error.fieldError('reason'),
            contact: error.fieldError('contact'),
          })
        },
      },
    )
  }

  return (
    <section className="civico-panel mb-4" aria-labelledby="new-booking-title" data-testid="new-booking">
      <h2 id="new-booking-title" className="h4">
        {t('contactCentreBooking.form.title')}
      </h2>
      {booked ? (
        <BookedNotice
          booked={booked.booking}
          serviceName={booked.serviceName}
          officeName={booked.officeName}
        />
      ) : null}
      {services.isPending ? <LoadingState /> : null}
      {services.isError ? (
        <ErrorAlert error={services.error} onRetry={() => void services.refetch()} />
      ) : null}
      {services.data ? (
        <form onSubmit={onSubmit} noValidate data-testid="new-booking-form">
          <SelectField
            label={t('contactCentreBooking.form.service')}
            value={serviceId}
            onChange={(value) => {
              setServiceId(value)
              const offices = services.data.find((candidate) => candidate.id === value)?.offices ?? []
              setOfficeId(offices.length === 1 ? (offices[0]?.id ?? '') : '')
              setStart('')
              setBooked(undefined)
            }}
            error={problems.service}
          >
            <option value="">{t('contactCentreBooking.form.choose')}</option>
            {services.data
              .filter((candidate) => candidate.offices.length > 0)
              .map((candidate) => (
                <option key={candidate.id} value={candidate.id}>
                  {t('contactCentreBooking.form.serviceOption', {
                    name: candidate.name,
                    minutes: candidate.durationMinutes,
                  })}
                </option>
              ))}
          </SelectField>
          {service ? (
            <SelectField
              label={t('contactCentreBooking.form.office')}
              value={officeId}
              onChange={(value) => {
                setOfficeId(value)
                setStart('')
              }}
              error={problems.office}
            >
              <option value="">{t('contactCentreBooking.form.choose')}</option>
              {service.offices.map((candidate) => (
                <option key={candidate.id} value={candidate.id}>
                  {`${candidate.name} - ${candidate.address}`}
                </option>
              ))}
            </SelectField>
          ) : null}
          {service && office ? (
            <SlotChooser
              key={`${service.id}:${office.id}`}
              serviceId={service.id}
              officeId={office.id}
              maxDaysAhead={service.maxDaysAhead}
              value={start}
              onChange={setStart}
              error={problems.start}
            />
          ) : null}
          {service && service.documentsToBring.length > 0 ? (
            <div className="mb-3">
              <p className="civico-field-label mb-1">{t('contactCentreBooking.form.documents')}</p>
              <ul className="small">
                {service.documentsToBring.map((document) => (
                  <li key={document}>{document}</li>
                ))}
              </ul>
            </div>
          ) : null}
          <TextField
            label={t('contactCentreBooking.form.reason')}
            hint={t('contactCentreBooking.form.reasonHint')}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            error={problems.reason}
            maxLength={500}
            autoComplete="off"
          />
          <TextArea
            label={t('contactCentreBooking.form.notes')}
            hint={t('contactCentreBooking.form.notesHint')}
            value={notes}
            onChange={(e) => setNotes(e.target.value)}
            maxLength={1000}
            rows={2}
          />
          <TextField
            label={t('contactCentreBooking.form.contact')}
            hint={t('contactCentreBooking.form.contactHint')}
            value={contact}
            onChange={(e) => setContact(e.target.value)}
            error={problems.contact}
            maxLength={200}
            autoComplete="off"
          />
          <button type="submit" className="btn btn-primary" disabled={book.isPending}>
            {t('contactCentreBooking.form.submit')}
          </button>
          {book.isError ? (
            <div className="mt-3">
              <ErrorAlert error={book.error} />
            </div>
          ) : null}
        </form>
      ) : null}
    </section>
  )
}
