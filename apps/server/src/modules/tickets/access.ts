import type { Actor } from '../../platform/context.js'

/** Supervisors open every ticket and take the supervisor actions (merge across contacts, taxonomy). */
export function isTicketSupervisor(actor: Actor): boolean {
  return actor.type === 'staff' && actor.roles.includes('supervisor')
}

export function isTicketOperator(actor: Actor): boolean {
  return actor.type === 'staff' && actor.roles.includes('operator')
}

function teamsOf(actor: Actor): readonly string[] {
  return actor.type === 'staff' ? actor.teams : []
}

/**
 * Whether a member of staff may open a ticket: a supervisor any, an operator those of their teams.
 * Analysts and administrators see none unless they also hold one of these roles.
 */
export function mayOpenTicket(actor: Actor, ticket: { teamCode: string }): boolean {
  if (isTicketSupervisor(actor)) return true
  return isTicketOperator(actor) && teamsOf(actor).includes(ticket.teamCode)
}

/** Whether a member of staff may work a team's queue. */
export function mayWorkTeam(actor: Actor, teamCode: string): boolean {
  return mayOpenTicket(actor, { teamCode })
}

/** The teams whose queues an operator sees; null for a supervisor, who sees them all. */
export function visibleTeams(actor: Actor): readonly string[] | null {
  if (isTicketSupervisor(actor)) return null
  return isTicketOperator(actor) ? teamsOf(actor) : []
}

/** The fiscal code whose tickets a citizen sees: their own, or the person they act for. */
export function citizenTicketOwner(actor: Actor): string | null {
  if (actor.type !== 'citizen') return null
  return actor.onBehalfOf ?? actor.fiscalCode
}

/** A citizen sees a ticket only when its contact carries the fiscal code they act as. */
export function citizenMaySeeTicket(actor: Actor, contact: { fiscalCode: string | null }): boolean {
  const owner = citizenTicketOwner(actor)
  return owner !== null && contact.fiscalCode === owner
}

/**
 * Who an operator may hand a ticket to: a supervisor to anyone of the ticket's team, an operator to
 * a colleague of that same team (membership of the assignee is checked against identity).
 */
export function mayAssignWithinTeam(actor: Actor, teamCode: string): boolean {
  if (isTicketSupervisor(actor)) return true
  return isTicketOperator(actor) && teamsOf(actor).includes(teamCode)
}
