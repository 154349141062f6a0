import { type FormEvent, useCallback, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { isApiError } from '../../app/api/api-error'
import { PERSONAL_AREA_PATH } from '../../app/paths'
import { ErrorAlert } from '../../app/ui/error-alert'
import { Icon } from '../../app/ui/icon'
import { LoadingState } from '../../app/ui/loading-state'
import { PageHeader } from '../../app/ui/page-header'
import { StepIndicator } from '../../app/ui/step-indicator'
import { usePageTitle } from '../../app/ui/use-page-title'
import { ProblemNotice } from '../identity/problem-notice'
import { useMe } from '../profile/me-api'
import {
  type BookableService,
  type Booked,
  useBookAppointment,
  useBookableServices,
  useIsStillFree,
} from './appointments-api'
import { BookingConfirmation } from './booking-confirmation'
import {
  BOOKING_STEPS,
  type BookingDraft,
  bookingOf,
  chosen,
  type DraftErrors,
  emptyDraft,
  errorsOf,
} from './booking-draft'
import { DetailsStep, OfficeStep, ServiceStep } from './booking-steps'
import { BookingSummary } from './booking-summary'
import { type SlotChoice, SlotPicker } from './slot-picker'
import './appointments.css'

function BookingForm({ services, contact }: { services: BookableService[]; contact: string }) {
  const { t } = useTranslation()
  const [draft, setDraft] = useState<BookingDraft>(() => emptyDraft(contact))
  const [stepIndex, setStepIndex] = useState(0)
  const [errors, setErrors] = useState<DraftErrors>({})
  const [booked, setBooked] = useState<Booked | null>(null)
  /** The chosen time went to someone else while the citizen was confirming: offer the others. */
  const [taken, setTaken] = useState(false)
  const book = useBookAppointment()
  const isStillFree = useIsStillFree()
  const form = useRef<HTMLFormElement>(null)
  const moved = useRef(false)
  const step = BOOKING_STEPS[stepIndex] ?? 'service'
  const last = stepIndex === BOOKING_STEPS.length - 1
  const { service, office } = chosen(services, draft)

  // A new step is a new page for whoever reads it: its heading takes the focus.
  const focusHeading = (heading: HTMLHeadingElement | null) => {
    if (!heading || !moved.current) return
    moved.current = false
    heading.focus()
  }

  useEffect(() => {
    if (Object.keys(errors).length === 0) return
    const root = form.current
    const field =
      root?.querySelector<HTMLElement>('[aria-invalid="true"]') ??
      root?.querySelector('.civico-field-error')?.closest('fieldset')?.querySelector<HTMLElement>('input')
    field?.focus()
  }, [errors])

  const change = useCallback(
    (next: Partial<BookingDraft>) => {
      setDraft((current) => ({ ...current, ...next }))
      setErrors((current) => {
        const left = { ...current }
        for (const key of Object.keys(next)) delete left[key as keyof DraftErrors]
        return left
      })
      if (book.isError) book.reset()
    },
    [book],
  )

  const chooseSlot = useCallback((choice: SlotChoice) => change(choice), [change])

  const goTo = (index: number) => {
    moved.current = true
    setErrors({})
    setTaken(false)
    setStepIndex(index)
  }

  const confirm = () => {
    const request = bookingOf(draft)
    book.mutate(request, {
      onSuccess: setBooked,
      onError: async (error) => {
        if (!isApiError(error) || error.status !== 409) return
        const free = await isStillFree({
          serviceId: draft.serviceId,
          officeId: draft.officeId,
          date: draft.date,
          start: draft.start,
        }).catch(() => true)
        if (!free) {
          setTaken(true)
          setDraft((current) => ({ ...current, start: '' }))
        }
      },
    })
  }

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const found = errorsOf(step === 'summary' && taken ? 'when' : step, draft)
    if (Object.keys(found).length > 0) {
      setErrors(found)
      return
    }
    if (last) confirm()
    else goTo(stepIndex + 1)
  }

  if (booked && service && office) {
    return (
      <BookingConfirmation
        booked={booked}
        service={service}
        office={office}
        onAnother={() => {
          setBooked(null)
          setDraft(emptyDraft(contact))
          book.reset()
          goTo(0)
        }}
      />
    )
  }

  return (
    <form ref={form} noValidate onSubmit={submit} data-testid="booking-form" data-step={step}>
      <StepIndicator
        steps={BOOKING_STEPS}
        current={stepIndex}
        nameOf={(step) => t(`appointments.stepNames.${step}`)}
        progress={t('appointments.progress', { step: stepIndex + 1, total: BOOKING_STEPS.length })}
      />
      <h2 key={step} ref={focusHeading} className="h3" tabIndex={-1}>
        {t(`appointments.stepTitles.${step}`)}
      </h2>
      {step === 'service' ? (
        <ServiceStep draft={draft} errors={errors} onChange={change} services={services} />
      ) : null}
      {step === 'office' && service ? (
        <OfficeStep draft={draft} errors={errors} onChange={change} service={service} />
      ) : null}
      {step === 'when' && service && office ? (
        <SlotPicker
          serviceId={service.id}
          officeId={office.id}
          maxDaysAhead={service.maxDaysAhead}
          value={{ date: draft.date, start: draft.start }}
          onChange={chooseSlot}
          error={errors.start ? t('appointments.slots.timeError') : undefined}
          offerWaitlist
          idPrefix="booking"
        />
      ) : null}
      {step === 'details' ? <DetailsStep draft={draft} errors={errors} onChange={change} /> : null}
      {step === 'summary' && service && office ? (
        <>
          <p>{t('appointments.summaryLead')}</p>
          <BookingSummary draft={draft} service={service} office={office} />
        </>
      ) : null}
      <div aria-live="polite" data-testid="booking-refusal">
        {book.isError ? (
          <ProblemNotice error={book.error} title={t('appointments.refusalTitle')} headingLevel="h3" />
        ) : null}
      </div>
      {step === 'summary' && taken && service && office ? (
        <section className="civico-panel mb-3" data-testid="booking-alternatives">
          <h3 className="h5">{t('appointments.alternativesTitle')}</h3>
          <p>{t('appointments.alternativesText')}</p>
          <SlotPicker
            serviceId={service.id}
            officeId={office.id}
            maxDaysAhead={service.maxDaysAhead}
            value={{ date: draft.date, start: draft.start }}
            onChange={chooseSlot}
            error={errors.start ? t('appointments.slots.timeError') : undefined}
            idPrefix="alternative"
          />
        </section>
      ) : null}
      <div className="d-flex flex-wrap justify-content-between gap-2 mt-4">
        {stepIndex > 0 ? (
          <button type="button" className="btn btn-outline-primary" onClick={() => goTo(stepIndex - 1)}>
            {t('appointments.back')}
          </button>
        ) : (
          <span />
        )}
        <button type="submit" className="btn btn-primary" disabled={book.isPending}>
          {last
            ? book.isPending
              ? t('appointments.sending')
              : t('appointments.confirm')
            : t('appointments.next')}
        </button>
      </div>
    </form>
  )
}

/** "Prenota un appuntamento" at /prenota-appuntamento: one decision a step, a summary, the booking code. */
export function BookingPage() {
  const { t } = useTranslation()
  usePageTitle(t('appointments.pageTitle'))
  const services = useBookableServices()
  const me = useMe()
  const contact = me.data?.email.verified
    ? (me.data.email.value ?? '')
    : me.data?.mobile.verified
      ? (me.data.mobile.value ?? '')
      : ''
  return (
    <div className="container pb-5" data-testid="booking-page">
      <PageHeader
        title={t('appointments.title')}
        lead={t('appointments.lead')}
        parents={[{ label: t('personalArea.title'), to: PERSONAL_AREA_PATH }]}
      />
      <div className="row">
        <div className="col-12 col-lg-8">
          {services.isPending || me.isPending ? (
            <LoadingState />
          ) : services.isError ? (
            <ErrorAlert
              error={services.error}
              title={t('appointments.loadFailed')}
              onRetry={() => void services.refetch()}
            />
          ) : services.data.length === 0 ? (
            <div className="civico-empty-state">
              <Icon name="it-calendar" size="lg" color="primary" className="mb-2" />
              <h2 className="h5">{t('appointments.noServicesTitle')}</h2>
              <p className="mb-0">{t('appointments.noServicesText')}</p>
            </div>
          ) : (
            <BookingForm services={services.data} contact={contact} />
          )}
        </div>
      </div>
    </div>
  )
}
