import type { SignedInSession } from '../../app/session/session-api'

/** Operators and supervisors work the CRM: queues, tickets, citizens' timelines, calls. */
export function isCrmStaff(session: SignedInSession): boolean {
  return (
    session.kind === 'staff' && (session.roles.includes('operator') || session.roles.includes('supervisor'))
  )
}

/** Supervisors see every team, the dashboard, the taxonomy and the canned replies. */
export function isCrmSupervisor(session: SignedInSession): boolean {
  return session.kind === 'staff' && session.roles.includes('supervisor')
}
