import type { Adapter, AdapterPayload } from 'oidc-provider'

interface Entry {
  payload: AdapterPayload
  expiresAt: number
}

const SWEEP_EVERY_WRITES = 200

/**
 * Storage for the development provider's codes, tokens, sessions and interactions. It lives in the
 * process and dies with it, which is what a development tool wants: restarting signs everybody out
 * of the provider, never out of Civico. Each provider gets its own, so test apps never share state.
 */
export function createMemoryAdapterFactory(): (model: string) => Adapter {
  const entries = new Map<string, Entry>()
  const byUid = new Map<string, string>()
  const byUserCode = new Map<string, string>()
  const byGrant = new Map<string, Set<string>>()
  let writes = 0

  function live(key: string): Entry | undefined {
    const entry = entries.get(key)
    if (!entry) return undefined
    if (entry.expiresAt <= Date.now()) {
      entries.delete(key)
      return undefined
    }
    return entry
  }

  function sweep() {
    const now = Date.now()
    for (const [key, entry] of entries) if (entry.expiresAt <= now) entries.delete(key)
    for (const [uid, key] of byUid) if (!entries.has(key)) byUid.delete(uid)
    for (const [code, key] of byUserCode) if (!entries.has(key)) byUserCode.delete(code)
    for (const [grantId, keys] of byGrant) {
      for (const key of keys) if (!entries.has(key)) keys.delete(key)
      if (keys.size === 0) byGrant.delete(grantId)
    }
  }

  return (model: string): Adapter => {
    const keyOf = (id: string) => `${model}:${id}`
    return {
      async upsert(id, payload, expiresIn) {
        const key = keyOf(id)
        const expiresAt = expiresIn ? Date.now() + expiresIn * 1000 : Number.POSITIVE_INFINITY
        entries.set(key, { payload, expiresAt })
        if (payload.uid) byUid.set(payload.uid, key)
        if (payload.userCode) byUserCode.set(payload.userCode, key)
        if (payload.grantId) {
          const keys = byGrant.get(payload.grantId) ?? new Set<string>()
          keys.add(key)
          byGrant.set(payload.grantId, keys)
        }
        writes++
        if (writes % SWEEP_EVERY_WRITES === 0) sweep()
      },
      async find(id) {
        return live(keyOf(id))?.payload
      },
      async findByUid(uid) {
        const key = byUid.get(uid)
        return key ? live(key)?.payload : undefined
      },
      async findByUserCode(userCode) {
        const key = byUserCode.get(userCode)
        return key ? live(key)?.payload : undefined
      },
      async consume(id) {
        const entry = live(keyOf(id))
        if (entry) entry.payload = { ...entry.payload, consumed: Math.floor(Date.now() / 1000) }
      },
      async destroy(id) {
        entries.delete(keyOf(id))
      },
      async revokeByGrantId(grantId) {
        for (const key of byGrant.get(grantId) ?? []) entries.delete(key)
        byGrant.delete(grantId)
      },
    }
  }
}
