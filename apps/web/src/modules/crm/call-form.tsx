import { type FormEvent, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { isApiError } from '../../app/api/api-error'
import { BACK_OFFICE_CONTACT_CENTRE_BOOKING_PATH } from '../../app/paths'
import { ErrorAlert } from '../../app/ui/error-alert'
import { RadioChoices } from '../../app/ui/radio-choices'
import { TextArea } from '../../app/ui/text-area'
import { TextField } from '../../app/ui/text-field'
import { formatDuration, parseDuration, useCallTimer } from './call-timer'
import { CALL_OUTCOMES, type Caller, type CallOutcome, type LoggedCall, useLogCall } from './calls-api'
import { asFiscalCode } from './citizens-page'
import { useTripletCategories } from './taxonomy-api'
import { TripletPicker } from './triplet-picker'

type CallerKind = 'citizen' | 'phone' | 'anonymous'
type Field = 'fiscalCode' | 'phone' | 'category' | 'outcome' | 'bookingCode' | 'notes' | 'duration'
const BOOKING_CODE = /^[A-HJ-NP-Z2-9]{8}$/

/** What the server refused, by the form's own field names. */
function serverErrors(error: unknown): Partial<Record<Field, string>> {
  if (!isApiError(error)) return {}
  const errors: Partial<Record<Field, string>> = {}
  const pick = (field: Field, path: string) => {
    const message = error.fieldError(path)
    if (message) errors[field] = message
  }
  pick('fiscalCode', 'caller.fiscalCode')
  pick('phone', 'caller.phone')
  pick('category', 'categoryCode')
  pick('bookingCode', 'bookingCode')
  pick('notes', 'notes')
  pick('duration', 'durationSeconds')
  return errors
}

/**
 * The log of a call just answered: who called, what about (the triplet), how it ended, how long it
 * took (a running clock the operator may correct) and notes. "Ticket" opens a request with the notes.
 */
export function CallForm({
  initialFiscalCode,
  initialPhone,
  onLogged,
}: {
  initialFiscalCode: string
  initialPhone: string
  onLogged: (call: LoggedCall) => void
}) {
  const { t } = useTranslation()
  const taxonomy = useTripletCategories()
  const log = useLogCall()
  const timer = useCallTimer()
  const formRef = useRef<HTMLFormElement>(null)
  const [callerKind, setCallerKind] = useState<CallerKind>(
    initialFiscalCode || !initialPhone ? 'citizen' : 'phone',
  )
  const [fiscalCode, setFiscalCode] = useState(initialFiscalCode)
  const [phone, setPhone] = useState(initialPhone)
  const [name, setName] = useState('')
  const [categoryCode, setCategoryCode] = useState('')
  const [outcome, setOutcome] = useState<CallOutcome | null>(null)
  const [bookingCode, setBookingCode] = useState('')
  const [subject, setSubject] = useState('')
  const [notes, setNotes] = useState('')
  const [duration, setDuration] = useState<string | null>(null)
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({})
  const shown = { ...serverErrors(log.error), ...errors }

  const validate = (): Partial<Record<Field, string>> => {
    const found: Partial<Record<Field, string>> = {}
    if (callerKind === 'citizen' && !asFiscalCode(fiscalCode))
      found.fiscalCode = t('crm.call.errors.fiscalCode')
    if (callerKind === 'phone' && !/^\+?[\d\s().-]{3,30}$/.test(phone.trim()))
      found.phone = t('crm.call.errors.phone')
    if (!categoryCode && outcome !== 'dropped') found.category = t('crm.call.errors.category')
    if (!outcome) found.outcome = t('crm.call.errors.outcome')
    if (outcome === 'appointment' && !BOOKING_CODE.test(bookingCode.trim().toUpperCase()))
      found.bookingCode = t('crm.call.errors.bookingCode')
    if (outcome === 'ticket' && !notes.trim()) found.notes = t('crm.call.errors.notes')
    if (duration !== null && parseDuration(duration) === null) found.duration = t('crm.call.errors.duration')
    return found
  }

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const found = validate()
    setErrors(found)
    if (!outcome || Object.keys(found).length > 0) {
      // The first field to fix takes focus, so nobody has to look for it.
      window.setTimeout(() => {
        formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"], [data-invalid] input')?.focus()
      })
      return
    }
    const caller: Caller =
      callerKind === 'citizen'
        ? {
            fiscalCode: asFiscalCode(fiscalCode) ?? fiscalCode,
            ...(name.trim() ? { name: name.trim() } : {}),
          }
        : callerKind === 'phone'
          ? { phone: phone.trim(), ...(name.trim() ? { name: name.trim() } : {}) }
          : { anonymous: true }
    log.mutate(
      {
        caller,
        ...(categoryCode ? { categoryCode } : {}),
        outcome,
        startedAt: new Date(timer.startedAt).toISOString(),
        durationSeconds: duration === null ? timer.elapsedSeconds : (parseDuration(duration) ?? 0),
        notes: notes.trim(),
        ...(outcome === 'ticket' && subject.trim() ? { subject: subject.trim() } : {}),
        ...(outcome === 'appointment' ? { bookingCode: bookingCode.trim().toUpperCase() } : {}),
      },
      {
        onSuccess: (call) => {
          timer.finish()
          onLogged(call)
        },
      },
    )
  }

  return (
    <form ref={formRef} className="civico-panel" onSubmit={submit} noValidate data-testid="call-form">
      <RadioChoices<CallerKind>
        legend={t('crm.call.caller')}
        name="caller-kind"
        value={callerKind}
        onChange={setCallerKind}
        choices={[
          { value: 'citizen', label: t('crm.call.callerKinds.citizen') },
          { value: 'phone', label: t('crm.call.callerKinds.phone') },
          { value: 'anonymous', label: t('crm.call.callerKinds.anonymous') },
        ]}
        testId="caller-kind"
      />
      <div className="row g-3">
        {callerKind === 'citizen' ? (
          <div className="col-12 col-md-6">
            <TextField
              label={t('crm.call.fiscalCode')}
              value={fiscalCode}
              onChange={(event) => setFiscalCode(event.target.value)}
              error={shown.fiscalCode}
              autoComplete="off"
              spellCheck={false}
              className="text-uppercase"
            />
          </div>
        ) : null}
        {callerKind === 'phone' ? (
          <div className="col-12 col-md-6">
            <TextField
              label={t('crm.call.phone')}
              type="tel"
              value={phone}
              onChange={(event) => setPhone(event.target.value)}
              error={shown.phone}
              autoComplete="off"
            />
          </div>
        ) : null}
        {callerKind !== 'anonymous' ? (
          <div className="col-12 col-md-6">
            <TextField
              label={t('crm.call.name')}
              value={name}
              onChange={(event) => setName(event.target.value)}
              autoComplete="off"
              maxLength={200}
            />
          </div>
        ) : null}
      </div>

      {taxonomy.isError ? (
        <ErrorAlert error={taxonomy.error} onRetry={() => void taxonomy.refetch()} />
      ) : null}
      <TripletPicker
        categories={taxonomy.data ?? []}
        value={categoryCode}
        onChange={setCategoryCode}
        error={shown.category}
        testId="call-triplet"
      />

      <div data-invalid={shown.outcome ? true : undefined}>
        <RadioChoices<CallOutcome>
          legend={t('crm.call.outcome')}
          name="call-outcome"
          value={outcome}
          onChange={setOutcome}
          choices={CALL_OUTCOMES.map((value) => ({
            value,
            label: t(`crm.outcomes.${value}`),
            description: t(`crm.call.outcomeHints.${value}`),
          }))}
          error={shown.outcome}
          testId="call-outcome"
        />
      </div>
      {outcome === 'appointment' ? (
        <div className="civico-crm-subfield">
          <TextField
            label={t('crm.call.bookingCode')}
            hint={t('crm.call.bookingCodeHint')}
            value={bookingCode}
            onChange={(event) => setBookingCode(event.target.value)}
            error={shown.bookingCode}
            autoComplete="off"
            spellCheck={false}
            maxLength={12}
            className="text-uppercase"
          />
          <p className="small">
            <Link to={BACK_OFFICE_CONTACT_CENTRE_BOOKING_PATH}>{t('crm.call.bookNow')}</Link>
          </p>
        </div>
      ) : null}
      {outcome === 'ticket' ? (
        <div className="civico-crm-subfield">
          <TextField
            label={t('crm.call.subject')}
            hint={t('crm.call.subjectHint')}
            value={subject}
            onChange={(event) => setSubject(event.target.value)}
            maxLength={200}
          />
        </div>
      ) : null}

      <div className="civico-crm-duration">
        <p className="mb-1">
          <span className="civico-field-label d-block">{t('crm.call.timer')}</span>
          <span className="civico-crm-clock" data-testid="call-timer">
            {formatDuration(timer.elapsedSeconds)}
          </span>
        </p>
        <TextField
          label={t('crm.call.duration')}
          hint={t('crm.call.durationHint')}
          value={duration ?? formatDuration(timer.elapsedSeconds)}
          onChange={(event) => setDuration(event.target.value)}
          error={shown.duration}
          inputMode="numeric"
          autoComplete="off"
        />
        <div className="d-flex flex-wrap gap-2 mb-3">
          {duration !== null ? (
            <button
              type="button"
              className="btn btn-outline-secondary btn-sm"
              onClick={() => setDuration(null)}
            >
              {t('crm.call.useTimer')}
            </button>
          ) : null}
          <button
            type="button"
            className="btn btn-outline-secondary btn-sm"
            onClick={() => {
              timer.restart()
              setDuration(null)
            }}
          >
            {t('crm.call.restartTimer')}
          </button>
        </div>
      </div>

      <TextArea
        label={outcome === 'ticket' ? t('crm.call.notesRequired') : t('crm.call.notes')}
        value={notes}
        onChange={(event) => setNotes(event.target.value)}
        error={shown.notes}
        rows={4}
        maxLength={4000}
      />
      {log.isError && Object.keys(serverErrors(log.error)).length === 0 ? (
        <ErrorAlert error={log.error} />
      ) : null}
      <button type="submit" className="btn btn-primary" disabled={log.isPending}>
        {t('crm.call.submit')}
      </button>
    </form>
  )
}
