import type { AssuranceLevel } from '../../app/session/session-api'
import { citizenSignInUrl } from './sign-in-urls'

/** The SPID mark (a person in a white disc), drawn here so the page loads nothing from elsewhere. */
function SpidMark() {
  return (
    <svg className="civico-signin-mark" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <circle cx="16" cy="16" r="16" fill="#fff" />
      <circle cx="16" cy="10.5" r="4.5" fill="#0066cc" />
      <path d="M8.5 25.5c0-5 3.4-8.5 7.5-8.5s7.5 3.5 7.5 8.5z" fill="#0066cc" />
    </svg>
  )
}

/** A plain identity card with its chip, standing for the Carta d'Identità Elettronica. */
function CieMark() {
  return (
    <svg className="civico-signin-mark" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <rect x="1" y="6" width="30" height="20" rx="3" fill="#fff" />
      <rect x="5" y="11" width="7" height="6" rx="1" fill="#0066cc" />
      <circle cx="22.5" cy="14" r="3" fill="#0066cc" />
      <path d="M17.5 22c0-2.8 2.2-4.5 5-4.5s5 1.7 5 4.5z" fill="#0066cc" />
    </svg>
  )
}

interface SignInButtonProps {
  label: string
  returnTo: string
}

/** "Entra con SPID" in the style of the AgID button: blue, the mark on the left, bold label. */
export function SpidSignInButton({ label, returnTo, level }: SignInButtonProps & { level: AssuranceLevel }) {
  return (
    <a
      className="civico-signin-button"
      href={citizenSignInUrl({ method: 'spid', level, returnTo })}
      data-testid="spid-sign-in"
    >
      <SpidMark />
      <span>{label}</span>
    </a>
  )
}

/** "Entra con CIE": the electronic identity card always signs in at the highest level. */
export function CieSignInButton({ label, returnTo }: SignInButtonProps) {
  return (
    <a
      className="civico-signin-button"
      href={citizenSignInUrl({ method: 'cie', level: 3, returnTo })}
      data-testid="cie-sign-in"
    >
      <CieMark />
      <span>{label}</span>
    </a>
  )
}
