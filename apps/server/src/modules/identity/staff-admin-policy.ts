import type { Actor } from '../../platform/context.js'

/** Only administrators change staff, teams and API clients. */
export function mayAdministerStaff(actor: Actor): boolean {
  return actor.type === 'staff' && actor.roles.includes('admin')
}

/** Supervisors read the staff and team lists to organise their queues. */
export function mayReadStaff(actor: Actor): boolean {
  return actor.type === 'staff' && (actor.roles.includes('admin') || actor.roles.includes('supervisor'))
}

/**
 * Would this change lock the administrator out? Removing one's own admin role or deactivating
 * oneself could leave no one able to undo it.
 */
export function selfLockout(
  actor: Actor,
  targetId: string,
  change: { roles?: readonly string[]; active?: boolean },
): 'own-admin-role' | 'own-deactivation' | null {
  if (actor.type !== 'staff' || actor.id !== targetId) return null
  if (change.active === false) return 'own-deactivation'
  if (change.roles && !change.roles.includes('admin')) return 'own-admin-role'
  return null
}
