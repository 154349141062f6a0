import { escapeHtml } from '../../../platform/html.js'
import type { CitizenTestIdentity, LevelChoice, StaffTestIdentity } from './identities.js'
import { DEV_IDP_STYLESHEET_PATH, interactionPath } from './paths.js'

/** Served as a file: the CSP allows styles from this origin, and pages stay free of inline blocks. */
export const DEV_IDP_STYLESHEET = `
:root { color-scheme: light; --blue: #0066cc; --ink: #1a1a1a; --muted: #5c6f82; --line: #c5c7c9; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.5 "Titillium Web", system-ui, sans-serif; color: var(--ink); background: #f5f5f5; }
main { max-width: 46rem; margin: 0 auto; padding: 1.5rem 1rem 3rem; }
.banner { background: #8a4b00; color: #fff; padding: .5rem 1rem; margin: 0; font-weight: 600; }
h1 { font-size: 1.75rem; margin: .5rem 0; }
h2 { font-size: 1.25rem; margin: 1.75rem 0 .5rem; }
.en { color: var(--muted); font-size: .95rem; margin-top: 0; }
section, fieldset { background: #fff; border: 1px solid var(--line); border-radius: 4px; padding: 1rem; }
fieldset { margin: 1rem 0; }
legend { font-weight: 600; padding: 0 .25rem; }
ul { list-style: none; margin: 0; padding: 0; }
li { display: flex; flex-wrap: wrap; gap: .25rem 1rem; align-items: center; padding: .5rem 0; border-top: 1px solid #eee; }
li:first-child { border-top: 0; }
.meta { color: var(--muted); font-size: .9rem; }
label { display: block; font-weight: 600; margin-top: .75rem; }
input[type=text], input[type=email], input[type=date], select { width: 100%; padding: .5rem; font: inherit; border: 1px solid var(--muted); border-radius: 4px; }
.choice { display: block; padding: .2rem 0; }
.choice label, .check label { display: inline; font-weight: 400; margin: 0 0 0 .4rem; }
button { font: inherit; font-weight: 600; padding: .5rem 1rem; border-radius: 4px; border: 2px solid var(--blue); background: var(--blue); color: #fff; cursor: pointer; }
button.secondary { background: #fff; color: var(--blue); }
button:focus-visible, input:focus-visible, select:focus-visible { outline: 3px solid #f90; outline-offset: 2px; }
.error { border-left: 4px solid #d9364f; background: #fdecee; padding: .75rem 1rem; }
`

export { escapeHtml }

function layout(title: string, body: string): string {
  return `<!doctype html>
<html lang="it">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)} – Civico</title>
<link rel="stylesheet" href="${DEV_IDP_STYLESHEET_PATH}">
</head>
<body>
<header><p class="banner">Ambiente di prova: nessuna identità reale. <span lang="en">Development environment: no real identities.</span></p></header>
<main>
${body}
</main>
</body>
</html>`
}

function errorBox(message: string | null): string {
  return message ? `<p class="error" role="alert" id="form-error">${escapeHtml(message)}</p>` : ''
}

const LEVEL_OPTIONS: { value: LevelChoice; label: string; detail: string }[] = [
  { value: '1', label: 'SPID livello 1', detail: 'password' },
  { value: '2', label: 'SPID livello 2', detail: 'password e codice temporaneo' },
  { value: '3', label: 'SPID livello 3', detail: 'dispositivo sicuro' },
  { value: 'cie', label: 'CIE', detail: 'carta d’identità elettronica, livello 3' },
]

function levelRadios(selected: LevelChoice): string {
  return LEVEL_OPTIONS.map(
    (option) =>
      `<span class="choice"><input type="radio" name="level" id="level-${option.value}" value="${option.value}"${
        option.value === selected ? ' checked' : ''
      }><label for="level-${option.value}">${option.label} <span class="meta">(${option.detail})</span></label></span>`,
  ).join('\n')
}

function levelSelect(selected: LevelChoice): string {
  const options = LEVEL_OPTIONS.map(
    (option) =>
      `<option value="${option.value}"${option.value === selected ? ' selected' : ''}>${option.label}</option>`,
  ).join('')
  return `<label for="custom-level">Livello di accesso <span lang="en" class="meta">Assurance level</span></label>
<select id="custom-level" name="level">${options}</select>`
}

function identityItem(identity: CitizenTestIdentity): string {
  const name = `${identity.givenName} ${identity.familyName}`
  return `<li><button type="submit" name="identity" value="${escapeHtml(identity.fiscalCode)}">Entra come ${escapeHtml(name)}</button>
<span class="meta">${escapeHtml(identity.fiscalCode)} · ${escapeHtml(identity.note)}</span></li>`
}

function textInput(
  id: string,
  name: string,
  label: string,
  english: string,
  value = '',
  type = 'text',
): string {
  return `<label for="${id}">${label} <span lang="en" class="meta">${english}</span></label>
<input type="${type}" id="${id}" name="${name}" value="${escapeHtml(value)}" autocomplete="off">`
}

function cancelForm(uid: string): string {
  return `<form method="get" action="${escapeHtml(interactionPath(uid, 'abort'))}">
<p><button type="submit" class="secondary" id="cancel">Annulla e torna al Comune</button> <span lang="en" class="meta">Cancel</span></p>
</form>`
}

export interface CitizenPageInput {
  uid: string
  selectedLevel: LevelChoice
  publicIdentities: readonly CitizenTestIdentity[]
  residents: readonly CitizenTestIdentity[]
  error: string | null
  /** What was typed in the other-person form, shown again after an error. */
  typed?: Record<string, string>
}

/**
 * The sign-in page for citizens. Plain GET forms: a signed-in citizen stepping up carries the city's
 * session cookie here too, and the city's CSRF guard rightly refuses header-less form posts.
 */
export function renderCitizenPage(input: CitizenPageInput): string {
  const action = escapeHtml(interactionPath(input.uid, 'login'))
  const typed = input.typed ?? {}
  const residents = input.residents.length
    ? `<ul>${input.residents.map(identityItem).join('\n')}</ul>`
    : '<p>Nessun residente nell’anagrafe di prova. <span lang="en">The sample registry is empty.</span></p>'
  return layout(
    'Accesso con SPID o CIE',
    `<h1>Accesso con SPID o CIE</h1>
<p class="en" lang="en">Test sign-in for Civico: choose the level, then the person to sign in as.</p>
${errorBox(input.error)}
<form method="get" action="${action}" id="identity-list">
<fieldset>
<legend>Livello di accesso <span lang="en" class="meta">Assurance level</span></legend>
${levelRadios(input.selectedLevel)}
</fieldset>
<section aria-labelledby="public-identities">
<h2 id="public-identities">Identità di prova SPID <span lang="en" class="meta">Public SPID test identities</span></h2>
<ul>${input.publicIdentities.map(identityItem).join('\n')}</ul>
</section>
<section aria-labelledby="residents">
<h2 id="residents">Residenti dell’anagrafe di prova <span lang="en" class="meta">Sample residents</span></h2>
${residents}
</section>
</form>
<section aria-labelledby="other-person">
<h2 id="other-person">Un’altra persona <span lang="en" class="meta">Someone else</span></h2>
<form method="get" action="${action}" id="custom-identity">
<input type="hidden" name="identity" value="custom">
${textInput('custom-fiscal-code', 'fiscalCode', 'Codice fiscale', 'Fiscal code', typed.fiscalCode)}
<p class="meta">Non viene controllato qui: lo controlla Civico all’accesso. <span lang="en">Not checked here: Civico checks it.</span></p>
${textInput('custom-given-name', 'givenName', 'Nome', 'Given name', typed.givenName)}
${textInput('custom-family-name', 'familyName', 'Cognome', 'Family name', typed.familyName)}
${textInput('custom-birth-date', 'birthDate', 'Data di nascita (facoltativa)', 'Birth date, optional', typed.birthDate, 'date')}
${textInput('custom-email', 'email', 'E-mail (facoltativa)', 'E-mail, optional', typed.email, 'email')}
<p class="check"><input type="checkbox" id="custom-email-verified" name="emailVerified" value="true"${
      typed.emailVerified === 'true' ? ' checked' : ''
    }><label for="custom-email-verified">E-mail verificata dal gestore <span lang="en" class="meta">verified by the provider</span></label></p>
${levelSelect(input.selectedLevel)}
<p><button type="submit" id="custom-submit">Entra con questi dati</button></p>
</form>
</section>
${cancelForm(input.uid)}`,
  )
}

export interface StaffPageInput {
  uid: string
  staff: readonly StaffTestIdentity[]
  error: string | null
  typed?: Record<string, string>
}

function staffItem(member: StaffTestIdentity): string {
  const state = member.active ? '' : ' · disattivato'
  return `<li><button type="submit" name="identity" value="${escapeHtml(member.subject)}">Entra come ${escapeHtml(member.displayName)}</button>
<span class="meta">${escapeHtml(member.subject)} · ${escapeHtml(member.roles.join(', '))}${state}</span></li>`
}

/** The sign-in page of the city's staff directory. */
export function renderStaffPage(input: StaffPageInput): string {
  const action = escapeHtml(interactionPath(input.uid, 'login'))
  const typed = input.typed ?? {}
  const list = input.staff.length
    ? `<ul>${input.staff.map(staffItem).join('\n')}</ul>`
    : '<p>Nessun operatore registrato. <span lang="en">No staff accounts yet.</span></p>'
  return layout(
    'Accesso operatori',
    `<h1>Accesso operatori del Comune</h1>
<p class="en" lang="en">Test sign-in to the city directory: choose a staff member.</p>
${errorBox(input.error)}
<form method="get" action="${action}" id="identity-list">
<section aria-labelledby="staff">
<h2 id="staff">Operatori di prova <span lang="en" class="meta">Test staff</span></h2>
${list}
</section>
</form>
<section aria-labelledby="other-staff">
<h2 id="other-staff">Un altro utente della directory <span lang="en" class="meta">Another directory user</span></h2>
<form method="get" action="${action}" id="custom-identity">
<input type="hidden" name="identity" value="custom">
${textInput('custom-subject', 'subject', 'Identificativo (sub)', 'Subject', typed.subject)}
${textInput('custom-display-name', 'displayName', 'Nome e cognome', 'Full name', typed.displayName)}
${textInput('custom-email', 'email', 'E-mail', 'E-mail', typed.email, 'email')}
<p><button type="submit" id="custom-submit">Entra con questi dati</button></p>
</form>
</section>
${cancelForm(input.uid)}`,
  )
}

/** A dead end with a way back: expired interaction, unknown client, bad request. */
export function renderMessagePage(title: string, message: string, english: string): string {
  return layout(
    title,
    `<h1>${escapeHtml(title)}</h1>
<p>${escapeHtml(message)}</p>
<p class="en" lang="en">${escapeHtml(english)}</p>
<p><a href="/">Torna al sito del Comune</a> <span lang="en" class="meta">Back to the city website</span></p>`,
  )
}

/** What the provider itself shows when a request to it is malformed. */
export function renderProviderErrorPage(out: { error?: string; error_description?: string }): string {
  const detail = [out.error, out.error_description].filter((part) => typeof part === 'string').join(': ')
  return renderMessagePage(
    'Richiesta di accesso non valida',
    `Il gestore dell’identità di prova non può completare la richiesta (${detail}).`,
    'The test identity provider cannot complete this request.',
  )
}
