import type { SignedInSession } from '../../app/session/session-api'

/** Administrators manage staff, teams and API clients; the server enforces the same rule. */
export function isAdmin(session: SignedInSession): boolean {
  return session.kind === 'staff' && session.roles.includes('admin')
}

/** Operators and supervisors work with citizens' data: look-ups, tickets, appointments. */
export function isOperator(session: SignedInSession): boolean {
  return (
    session.kind === 'staff' && (session.roles.includes('operator') || session.roles.includes('supervisor'))
  )
}

/** Administrators and supervisors edit the service catalogue. */
export function isCatalogueEditor(session: SignedInSession): boolean {
  return session.kind === 'staff' && (session.roles.includes('admin') || session.roles.includes('supervisor'))
}

/** The communication office (analysts) and administrators write "Informami" campaigns. */
export function isCommunication(session: SignedInSession): boolean {
  return session.kind === 'staff' && (session.roles.includes('analyst') || session.roles.includes('admin'))
}
