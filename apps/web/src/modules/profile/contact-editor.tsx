import { type FormEvent, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { isApiError } from '../../app/api/api-error'
import { formatTime } from '../../app/i18n/format'
import { TextField } from '../../app/ui/text-field'
import { ContactBadge } from './contact-badge'
import { type ContactState, type MyAccount, useRequestContactCode, useVerifyContact } from './me-api'

export type ContactKind = 'email' | 'mobile'

const CODE_PATTERN = /^\d{6}$/

/** People type numbers as they read them ("333 123 4567", "0039…"); the server wants +39 and digits. */
export function normaliseMobile(input: string): string {
  let digits = input.replace(/[\s().-]/g, '')
  if (digits.startsWith('00')) digits = `+${digits.slice(2)}`
  if (/^3\d{8,9}$/.test(digits)) digits = `+39${digits}`
  return digits
}

/** The server's words for this field if it named it, else its general reason. */
function messageFor(error: unknown, field: string, fallback: string): string {
  if (!isApiError(error)) return fallback
  return error.fieldError(field) ?? error.detail
}

function channelOf(kind: ContactKind) {
  return kind === 'email' ? 'email' : 'sms'
}

interface AddressFormProps {
  kind: ContactKind
  onSent: () => void
  onCancel?: () => void
}

/** Step one: the new address or number, to which a code is sent. */
function AddressForm({ kind, onSent, onCancel }: AddressFormProps) {
  const { t } = useTranslation()
  const requestCode = useRequestContactCode(channelOf(kind))
  const [value, setValue] = useState('')
  const [problem, setProblem] = useState<string>()
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const cleaned = kind === 'mobile' ? normaliseMobile(value) : value.trim()
    if (!cleaned) {
      setProblem(t(`profile.contacts.${kind}.required`))
      return
    }
    setProblem(undefined)
    requestCode.mutate(cleaned, {
      onSuccess: onSent,
      onError: (error) => setProblem(messageFor(error, kind, t('errors.unexpected'))),
    })
  }
  return (
    <form onSubmit={onSubmit} noValidate className="civico-inline-form">
      <TextField
        label={t(`profile.contacts.${kind}.newLabel`)}
        hint={t(`profile.contacts.${kind}.hint`)}
        value={value}
        onChange={(event) => setValue(event.target.value)}
        type={kind === 'email' ? 'email' : 'tel'}
        autoComplete={kind === 'email' ? 'email' : 'tel'}
        error={problem}
        name={kind}
      />
      <div className="d-flex flex-wrap gap-2">
        <button type="submit" className="btn btn-primary btn-sm" disabled={requestCode.isPending}>
          {t('profile.contacts.sendCode')}
        </button>
        {onCancel ? (
          <button type="button" className="btn btn-outline-primary btn-sm" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        ) : null}
      </div>
    </form>
  )
}

interface CodeFormProps {
  kind: ContactKind
  pending: NonNullable<ContactState['pending']>
  focusOnMount: boolean
  onVerified: () => void
  onChangeAddress: () => void
}

/** Step two: the six digits received; a new code can be asked for, or another address typed. */
function CodeForm({ kind, pending, focusOnMount, onVerified, onChangeAddress }: CodeFormProps) {
  const { t, i18n } = useTranslation()
  const verify = useVerifyContact(channelOf(kind))
  const resend = useRequestContactCode(channelOf(kind))
  const [code, setCode] = useState('')
  const [problem, setProblem] = useState<string>()
  const [resent, setResent] = useState(false)
  const formRef = useRef<HTMLFormElement>(null)

  useEffect(() => {
    if (focusOnMount) formRef.current?.querySelector('input')?.focus()
  }, [focusOnMount])

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const cleaned = code.replace(/\s/g, '')
    if (!CODE_PATTERN.test(cleaned)) {
      setProblem(t('profile.contacts.codeFormat'))
      return
    }
    setProblem(undefined)
    verify.mutate(cleaned, {
      onSuccess: onVerified,
      onError: (error) => setProblem(messageFor(error, 'code', t('errors.unexpected'))),
    })
  }
  const onResend = () => {
    setProblem(undefined)
    setResent(false)
    resend.mutate(pending.value, {
      onSuccess: () => setResent(true),
      onError: (error) => setProblem(messageFor(error, kind, t('errors.unexpected'))),
    })
  }

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="civico-inline-form">
      <p className="mb-3" role="status" data-testid="code-sent">
        {t(resent ? 'profile.contacts.codeResent' : `profile.contacts.${kind}.codeSent`, {
          value: pending.value,
          time: formatTime(pending.expiresAt, i18n.language),
        })}
      </p>
      <TextField
        label={t('profile.contacts.codeLabel')}
        hint={t('profile.contacts.codeHint')}
        value={code}
        onChange={(event) => setCode(event.target.value)}
        inputMode="numeric"
        autoComplete="one-time-code"
        maxLength={7}
        error={problem}
        name={`${kind}-code`}
      />
      <div className="d-flex flex-wrap gap-2">
        <button type="submit" className="btn btn-primary btn-sm" disabled={verify.isPending}>
          {t('profile.contacts.confirmCode')}
        </button>
        <button
          type="button"
          className="btn btn-outline-primary btn-sm"
          disabled={resend.isPending}
          onClick={onResend}
        >
          {t('profile.contacts.resend')}
        </button>
        <button type="button" className="btn btn-link btn-sm" onClick={onChangeAddress}>
          {t(`profile.contacts.${kind}.changePending`)}
        </button>
      </div>
    </form>
  )
}

interface ContactEditorProps {
  kind: ContactKind
  account: MyAccount
}

/**
 * One contact and its proof of ownership: type the address, receive a six-digit code there, type the
 * code back. Until then the new contact is pending and the one in use (if any) stays in use.
 */
export function ContactEditor({ kind, account }: ContactEditorProps) {
  const { t } = useTranslation()
  const contact = account[kind]
  const [editing, setEditing] = useState(false)
  const [codeJustSent, setCodeJustSent] = useState(false)
  const [justVerified, setJustVerified] = useState(false)
  const headingRef = useRef<HTMLHeadingElement>(null)
  const showAddressForm = editing || (contact.value === null && contact.pending === null)
  const titleId = `contact-${kind}-title`

  return (
    <section className="civico-panel" aria-labelledby={titleId} data-testid={`contact-${kind}`}>
      <h3 id={titleId} ref={headingRef} tabIndex={-1} className="h5">
        {t(`profile.contacts.${kind}.title`)}
      </h3>
      <p className="mb-2">
        <span className="civico-contact-value">{contact.value ?? t(`profile.contacts.${kind}.none`)}</span>{' '}
        <ContactBadge contact={contact} />
      </p>
      <div role="status">
        {justVerified && contact.verified ? (
          <p className="civico-success-text">{t(`profile.contacts.${kind}.verifiedNow`)}</p>
        ) : null}
      </div>
      {showAddressForm ? (
        <AddressForm
          kind={kind}
          onSent={() => {
            setEditing(false)
            setJustVerified(false)
            setCodeJustSent(true)
          }}
          onCancel={contact.value || contact.pending ? () => setEditing(false) : undefined}
        />
      ) : contact.pending ? (
        <CodeForm
          kind={kind}
          pending={contact.pending}
          focusOnMount={codeJustSent}
          onVerified={() => {
            setJustVerified(true)
            setCodeJustSent(false)
            headingRef.current?.focus()
          }}
          onChangeAddress={() => setEditing(true)}
        />
      ) : (
        <button type="button" className="btn btn-outline-primary btn-sm" onClick={() => setEditing(true)}>
          {t(`profile.contacts.${kind}.change`)}
        </button>
      )}
    </section>
  )
}
