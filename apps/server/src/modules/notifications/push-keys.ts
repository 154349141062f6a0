import type { Queryable } from '../../db/client.js'
import { createVapidKeys, type VapidKeys } from './push-sender.js'
import { findPushKeys, insertPushKeysIfMissing } from './repo.js'

const keysByDatabase = new WeakMap<object, Promise<VapidKeys>>()

/**
 * The VAPID key pair: created on first start and stored, so browsers' subscriptions survive restarts
 * and every process signs with the same key. Two processes starting together agree on the first
 * one written.
 */
export function ensurePushKeys(db: Queryable): Promise<VapidKeys> {
  let keys = keysByDatabase.get(db)
  if (!keys) {
    keys = (async () => {
      const existing = await findPushKeys(db)
      if (existing) return existing
      await insertPushKeysIfMissing(db, createVapidKeys())
      const stored = await findPushKeys(db)
      if (!stored) throw new Error('VAPID keys could not be stored')
      return stored
    })()
    keys.catch(() => keysByDatabase.delete(db))
    keysByDatabase.set(db, keys)
  }
  return keys
}
