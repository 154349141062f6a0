import { type FormEvent, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { isApiError } from '../../app/api/api-error'
import { TextField } from '../../app/ui/text-field'
import { CieSignInButton, SpidSignInButton } from '../identity/sign-in-buttons'
import { requestEmailCode, verifyEmailCode } from './tickets-api'
import type { VerifiedEmail } from './write-draft'

/** A new code can be asked for after this pause, so nobody floods their own mailbox by mistake. */
export const RESEND_PAUSE_SECONDS = 60

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/
const CODE = /^\d{6}$/

function messageOf(error: unknown, field: string, fallback: string): string {
  if (!isApiError(error)) return fallback
  return error.fieldError(field) ?? error.detail
}

/** Seconds left until `until`, ticking once a second while there are some. */
function useSecondsLeft(until: number): number {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    if (until <= Date.now()) return
    const timer = window.setInterval(() => setNow(Date.now()), 1000)
    return () => window.clearInterval(timer)
  }, [until])
  return Math.max(0, Math.ceil((until - now) / 1000))
}

interface EmailVerificationProps {
  verified: VerifiedEmail | null
  onVerified: (verified: VerifiedEmail | null) => void
}

/** Without SPID or CIE: an address, the six digits sent to it, and the proof that it is the writer's. */
function EmailVerification({ verified, onVerified }: EmailVerificationProps) {
  const { t } = useTranslation()
  const [email, setEmail] = useState(verified?.email ?? '')
  const [name, setName] = useState(verified?.name ?? '')
  const [stage, setStage] = useState<'address' | 'code'>('address')
  const [code, setCode] = useState('')
  const [problem, setProblem] = useState<{ field: 'email' | 'code'; text: string } | null>(null)
  const [pending, setPending] = useState(false)
  const [resendAt, setResendAt] = useState(0)
  const [resent, setResent] = useState(false)
  const secondsLeft = useSecondsLeft(resendAt)
  const codeField = useRef<HTMLDivElement>(null)
  const done = useRef<HTMLParagraphElement>(null)

  const send = async (again: boolean) => {
    const address = email.trim()
    if (!EMAIL.test(address)) {
      setProblem({ field: 'email', text: t('tickets.identity.emailError') })
      return
    }
    setProblem(null)
    setPending(true)
    try {
      await requestEmailCode(address)
      setStage('code')
      setCode('')
      setResent(again)
      setResendAt(Date.now() + RESEND_PAUSE_SECONDS * 1000)
      // The code field is where the person types next.
      window.setTimeout(() => codeField.current?.querySelector('input')?.focus(), 0)
    } catch (error) {
      setProblem({ field: again ? 'code' : 'email', text: messageOf(error, 'email', t('errors.unexpected')) })
    } finally {
      setPending(false)
    }
  }

  const verify = async (event: FormEvent) => {
    event.preventDefault()
    const digits = code.replace(/\s/g, '')
    if (!CODE.test(digits)) {
      setProblem({ field: 'code', text: t('tickets.identity.codeFormat') })
      return
    }
    setProblem(null)
    setPending(true)
    try {
      const { proof } = await verifyEmailCode(email.trim(), digits)
      onVerified({ email: email.trim(), proof, name })
      window.setTimeout(() => done.current?.focus(), 0)
    } catch (error) {
      setProblem({ field: 'code', text: messageOf(error, 'code', t('errors.unexpected')) })
    } finally {
      setPending(false)
    }
  }

  if (verified) {
    return (
      <div data-testid="email-verified">
        <p ref={done} tabIndex={-1} className="civico-success-text" role="status">
          {t('tickets.identity.verified', { email: verified.email })}
        </p>
        <button
          type="button"
          className="btn btn-link btn-sm px-0"
          onClick={() => {
            onVerified(null)
            setStage('address')
          }}
        >
          {t('tickets.identity.otherAddress')}
        </button>
      </div>
    )
  }

  if (stage === 'address') {
    return (
      <form
        noValidate
        className="civico-inline-form"
        data-testid="email-form"
        onSubmit={(event) => {
          event.preventDefault()
          void send(false)
        }}
      >
        <TextField
          label={t('tickets.identity.emailLabel')}
          hint={t('tickets.identity.emailHint')}
          error={problem?.field === 'email' ? problem.text : undefined}
          name="email"
          type="email"
          autoComplete="email"
          maxLength={254}
          value={email}
          onChange={(event) => setEmail(event.target.value)}
        />
        <TextField
          label={t('tickets.identity.nameLabel')}
          name="name"
          autoComplete="name"
          maxLength={200}
          value={name}
          onChange={(event) => setName(event.target.value)}
        />
        <button type="submit" className="btn btn-primary btn-sm" disabled={pending}>
          {t('tickets.identity.sendCode')}
        </button>
      </form>
    )
  }

  return (
    <form
      noValidate
      className="civico-inline-form"
      data-testid="code-form"
      onSubmit={(event) => void verify(event)}
    >
      <p role="status" data-testid="code-sent">
        {t(resent ? 'tickets.identity.codeResent' : 'tickets.identity.codeSent', { email: email.trim() })}
      </p>
      <div ref={codeField}>
        <TextField
          label={t('tickets.identity.codeLabel')}
          hint={t('tickets.identity.codeHint')}
          error={problem?.field === 'code' ? problem.text : undefined}
          name="email-code"
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={7}
          value={code}
          onChange={(event) => setCode(event.target.value)}
        />
      </div>
      <div className="d-flex flex-wrap gap-2 align-items-center">
        <button type="submit" className="btn btn-primary btn-sm" disabled={pending}>
          {t('tickets.identity.confirmCode')}
        </button>
        <button
          type="button"
          className="btn btn-outline-primary btn-sm"
          disabled={pending || secondsLeft > 0}
          onClick={() => void send(true)}
          aria-describedby={secondsLeft > 0 ? 'resend-wait' : undefined}
        >
          {t('tickets.identity.resend')}
        </button>
        <button
          type="button"
          className="btn btn-link btn-sm"
          onClick={() => {
            setProblem(null)
            setStage('address')
          }}
        >
          {t('tickets.identity.otherAddress')}
        </button>
      </div>
      {secondsLeft > 0 ? (
        <p id="resend-wait" className="civico-field-hint mt-2 mb-0">
          {t('tickets.identity.resendIn', { count: secondsLeft })}
        </p>
      ) : null}
    </form>
  )
}

/**
 * Step 3, for visitors who are not signed in: SPID or CIE (the request then lives in the personal
 * area), or an e-mail address proved with a code (the answers arrive by e-mail).
 */
export function IdentityStep({
  verified,
  onVerified,
  missing,
  returnTo,
}: EmailVerificationProps & { missing: boolean; returnTo: string }) {
  const { t } = useTranslation()
  return (
    <div data-testid="identity-step">
      <div role="alert">
        {missing ? <p className="alert alert-danger">{t('tickets.identity.missing')}</p> : null}
      </div>
      <section className="civico-panel mb-4" aria-labelledby="identity-spid">
        <h3 id="identity-spid" className="h5">
          {t('tickets.identity.signInTitle')}
        </h3>
        <p>{t('tickets.identity.signInText')}</p>
        <div className="d-flex flex-column flex-sm-row flex-wrap gap-3">
          <SpidSignInButton label={t('login.spidButton')} returnTo={returnTo} level={1} />
          <CieSignInButton label={t('login.cieButton')} returnTo={returnTo} />
        </div>
      </section>
      <section className="civico-panel" aria-labelledby="identity-email">
        <h3 id="identity-email" className="h5">
          {t('tickets.identity.emailTitle')}
        </h3>
        <p>{t('tickets.identity.emailText')}</p>
        <EmailVerification verified={verified} onVerified={onVerified} />
      </section>
    </div>
  )
}
