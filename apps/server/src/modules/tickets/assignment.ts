import type { Queryable } from '../../db/client.js'
import { listActiveTeamMembers } from '../identity/staff-admin-service.js'
import type { TicketsContext } from './context.js'
import { lockTicket } from './repo.js'
import { countOpenTicketsByAssignee, findTeamSettings } from './taxonomy-repo.js'
import { isOpenStatus } from './workflow-policy.js'
import { applyChanges, auditTicket, recordTicketEvent } from './workflow-support.js'

/**
 * The member a least-loaded team gives new work to: the active operator holding the fewest open
 * tickets, the first by name on a tie. Pure, so the rule is tested on its own.
 */
export function leastLoaded(
  members: readonly { id: string }[],
  load: ReadonlyMap<string, number>,
): string | null {
  let best: { id: string; open: number } | null = null
  for (const member of members) {
    const open = load.get(member.id) ?? 0
    if (!best || open < best.open) best = { id: member.id, open }
  }
  return best?.id ?? null
}

/**
 * Assigns an unassigned open ticket by its team's rule, in the caller's transaction: nothing for a
 * team that claims from the queue, the least-loaded operator for one that assigns by load.
 * Returns who got it, or null.
 */
export async function assignByRule(
  tx: Queryable,
  ctx: Pick<TicketsContext, 'clock' | 'actor' | 'meta'>,
  ticketId: string,
): Promise<string | null> {
  const ticket = await lockTicket(tx, ticketId)
  if (!ticket || ticket.assigneeStaffId || !isOpenStatus(ticket.status)) return null
  const settings = await findTeamSettings(tx, ticket.teamCode)
  if (settings?.assignment !== 'least-loaded') return null
  const operators = (await listActiveTeamMembers(tx, ticket.teamCode)).filter((member) =>
    member.roles.includes('operator'),
  )
  const assignee = leastLoaded(
    operators,
    await countOpenTicketsByAssignee(
      tx,
      operators.map((member) => member.id),
    ),
  )
  if (!assignee) return null
  const now = ctx.clock.now()
  const status = ticket.status === 'new' ? 'assigned' : ticket.status
  await applyChanges(tx, ticket, { assigneeStaffId: assignee, status })
  await recordTicketEvent(tx, ticket, now, {
    kind: 'assigned',
    fromStatus: ticket.status,
    toStatus: status,
    teamCode: ticket.teamCode,
    staffId: assignee,
    note: 'least-loaded',
  })
  await auditTicket(tx, ctx, now, 'ticket.assign-by-rule', ticket, { to: assignee })
  return assignee
}
