import { createHash } from 'node:crypto'
import { AwsClient } from 'aws4fetch'
import type { FileStore } from './files.js'

export interface S3Settings {
  /** The service's base URL, e.g. https://s3.eu-south-1.amazonaws.com or a MinIO address. */
  endpoint: string
  bucket: string
  region: string
  accessKeyId: string
  secretAccessKey: string
  /** Retries of a request the service answered 5xx or 429 (with backoff). */
  retries?: number
}

const SAFE_KEY = /^[a-z0-9][a-z0-9/_.-]{0,200}$/

/**
 * Files in an S3-compatible bucket (AWS S3, MinIO, Ceph, the cloud providers' object storage),
 * through SigV4-signed requests. Objects are addressed path-style, which every such service
 * accepts, and each upload carries its SHA-256 so the service refuses bytes damaged on the way.
 */
export function s3FileStore(settings: S3Settings): FileStore {
  const client = new AwsClient({
    accessKeyId: settings.accessKeyId,
    secretAccessKey: settings.secretAccessKey,
    region: settings.region,
    service: 's3',
    retries: settings.retries ?? 3,
  })
  const base = `${settings.endpoint.replace(/\/+$/, '')}/${encodeURIComponent(settings.bucket)}`
  const urlOf = (key: string) => {
    // Keys are made by the platform, never by users; this guards against a bug escaping the bucket.
    if (!SAFE_KEY.test(key) || key.includes('..')) throw new Error(`unsafe file key: ${key}`)
    return `${base}/${key}`
  }
  const failure = async (what: string, key: string, response: Response) =>
    new Error(
      `object storage ${what} of ${key} failed: ${response.status} ${(await response.text()).slice(0, 300)}`,
    )

  return {
    adapter: 's3',
    async put(key, bytes, mediaType) {
      const response = await client.fetch(urlOf(key), {
        method: 'PUT',
        body: bytes,
        headers: {
          'content-type': mediaType,
          'x-amz-content-sha256': createHash('sha256').update(bytes).digest('hex'),
        },
      })
      if (!response.ok) throw await failure('write', key, response)
      await response.body?.cancel()
    },
    async get(key) {
      const response = await client.fetch(urlOf(key), { method: 'GET' })
      if (response.status === 404) {
        await response.body?.cancel()
        return null
      }
      if (!response.ok) throw await failure('read', key, response)
      return new Uint8Array(await response.arrayBuffer())
    },
    async remove(key) {
      const response = await client.fetch(urlOf(key), { method: 'DELETE' })
      // Removing what is not there is done already.
      if (!response.ok && response.status !== 404) throw await failure('removal', key, response)
      await response.body?.cancel()
    },
  }
}
