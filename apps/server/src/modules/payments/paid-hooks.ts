import type { Queryable } from '../../db/client.js'
import type { NotifyDeps } from '../notifications/service.js'
import type { PositionRow } from './repo.js'

/** What a capability does when a position it created is paid in full, inside the receipt's transaction. */
export type PositionPaidListener = (
  tx: Queryable,
  position: PositionRow,
  deps: { notify: NotifyDeps },
) => Promise<void>

const listeners = new Map<string, PositionPaidListener>()

/** Registers the listener of positions whose `source` is this capability (certificates' stamp duty). */
export function onPositionPaid(source: string, listener: PositionPaidListener): void {
  listeners.set(source, listener)
}

export async function announcePositionPaid(
  tx: Queryable,
  position: PositionRow,
  deps: { notify: NotifyDeps },
) {
  await listeners.get(position.source)?.(tx, position, deps)
}
