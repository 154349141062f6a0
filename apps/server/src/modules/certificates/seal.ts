import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
  sign,
  verify,
} from 'node:crypto'
import type { Queryable } from '../../db/client.js'
import { findSealKey, insertSealKeyOnce, listSealKeys } from './repo.js'

/** JSON with every object's keys in order: the same content always signs to the same bytes. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value)
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, item]) => item !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`
}

export interface SealKey {
  id: string
  privateKey: KeyObject
  publicKeyPem: string
}

/** A key's id: the first 16 hex digits of the SHA-256 of its public key. */
function keyIdOf(publicKeyPem: string): string {
  return createHash('sha256').update(publicKeyPem).digest('hex').slice(0, 16)
}

function sealKeyFrom(privateKeyPem: string): SealKey {
  const privateKey = createPrivateKey(privateKeyPem)
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new Error('the certificate seal key must be Ed25519')
  const publicKeyPem = createPublicKey(privateKey).export({ type: 'spki', format: 'pem' }).toString()
  return { id: keyIdOf(publicKeyPem), privateKey, publicKeyPem }
}

const cached = new WeakMap<object, Promise<SealKey>>()

/**
 * The key that seals certificates: the configured one (its public half is stored so verification
 * keeps working after a change of key), or one made on first use and stored, for the embedded city.
 */
export function sealKeyFor(db: Queryable, configured: string | null): Promise<SealKey> {
  const known = cached.get(db)
  if (known) return known
  const loading = (async () => {
    if (configured) {
      const key = sealKeyFrom(configured)
      await insertSealKeyOnce(db, { id: key.id, publicKey: key.publicKeyPem, privateKey: '' })
      return key
    }
    const stored = (await listSealKeys(db)).find((row) => row.privateKey !== '')
    if (stored) return sealKeyFrom(stored.privateKey)
    const { privateKey } = generateKeyPairSync('ed25519')
    const key = sealKeyFrom(privateKey.export({ type: 'pkcs8', format: 'pem' }).toString())
    await insertSealKeyOnce(db, {
      id: key.id,
      publicKey: key.publicKeyPem,
      privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    })
    // Two processes may race on first use: whichever key was stored first is the one to use.
    const winner = (await listSealKeys(db)).find((row) => row.privateKey !== '')
    return winner ? sealKeyFrom(winner.privateKey) : key
  })()
  cached.set(db, loading)
  loading.catch(() => cached.delete(db))
  return loading
}

export function sealContent(key: SealKey, content: unknown): string {
  return sign(null, Buffer.from(canonicalJson(content)), key.privateKey).toString('base64')
}

/** Whether a stored seal still matches its content under the key that made it. */
export async function sealHolds(
  db: Queryable,
  keyId: string,
  content: unknown,
  seal: string,
): Promise<boolean> {
  const row = await findSealKey(db, keyId)
  if (!row) return false
  return verify(
    null,
    Buffer.from(canonicalJson(content)),
    createPublicKey(row.publicKey),
    Buffer.from(seal, 'base64'),
  )
}
