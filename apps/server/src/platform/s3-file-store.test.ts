import { createHash } from 'node:crypto'
import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ConfigError, loadConfig } from '../config.js'
import { s3FileStore } from './s3-file-store.js'

interface SeenRequest {
  method: string
  url: string
  headers: IncomingMessage['headers']
  body: Buffer
}

/** A bucket in memory that answers like S3 and remembers the requests it saw. */
function fakeObjectStorage() {
  const objects = new Map<string, { bytes: Buffer; type: string }>()
  const seen: SeenRequest[] = []
  let failNext = 0
  const server: Server = createServer(async (request, response) => {
    const chunks: Buffer[] = []
    for await (const chunk of request) chunks.push(chunk as Buffer)
    const body = Buffer.concat(chunks)
    const url = request.url ?? ''
    seen.push({ method: request.method ?? '', url, headers: request.headers, body })
    if (failNext > 0) {
      failNext--
      response.writeHead(500).end('<Error><Code>InternalError</Code></Error>')
      return
    }
    if (request.method === 'PUT') {
      objects.set(url, { bytes: body, type: String(request.headers['content-type']) })
      response.writeHead(200, { etag: '"x"' }).end()
    } else if (request.method === 'GET') {
      const object = objects.get(url)
      if (!object) response.writeHead(404).end('<Error><Code>NoSuchKey</Code></Error>')
      else response.writeHead(200, { 'content-type': object.type }).end(object.bytes)
    } else if (request.method === 'DELETE') {
      objects.delete(url)
      response.writeHead(204).end()
    } else {
      response.writeHead(405).end()
    }
  })
  return {
    server,
    objects,
    seen,
    failNextRequests(count: number) {
      failNext = count
    },
  }
}

describe('the S3-compatible file store', () => {
  const storage = fakeObjectStorage()
  let endpoint = ''

  beforeAll(async () => {
    await new Promise<void>((resolve) => storage.server.listen(0, '127.0.0.1', resolve))
    endpoint = `http://127.0.0.1:${(storage.server.address() as AddressInfo).port}`
  })
  afterAll(async () => {
    await new Promise<void>((resolve) => storage.server.close(() => resolve()))
  })

  const store = (retries = 0) =>
    s3FileStore({
      endpoint: `${endpoint}/`,
      bucket: 'civico-files',
      region: 'eu-south-1',
      accessKeyId: 'AKIDEXAMPLE',
      secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
      retries,
    })

  it('writes signed requests and reads the same bytes back', async () => {
    const bytes = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0, 1, 2, 255])
    const files = store()
    await files.put('tickets/abc/0001', bytes, 'application/pdf')

    const put = storage.seen.at(-1)!
    expect(put).toMatchObject({ method: 'PUT', url: '/civico-files/tickets/abc/0001' })
    expect(put.headers.authorization).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/eu-south-1\/s3\/aws4_request, SignedHeaders=[^,]*host[^,]*x-amz-content-sha256[^,]*x-amz-date[^,]*, Signature=[0-9a-f]{64}$/,
    )
    expect(put.headers['x-amz-date']).toMatch(/^\d{8}T\d{6}Z$/)
    expect(put.headers['x-amz-content-sha256']).toBe(createHash('sha256').update(bytes).digest('hex'))
    expect(put.headers['content-type']).toBe('application/pdf')
    expect(put.body.equals(Buffer.from(bytes))).toBe(true)

    const read = await files.get('tickets/abc/0001')
    expect(read).toEqual(bytes)
    expect(storage.seen.at(-1)?.headers.authorization).toMatch(/^AWS4-HMAC-SHA256 /)
  })

  it('answers null for a missing object, and removing is idempotent', async () => {
    const files = store()
    expect(await files.get('tickets/none/0001')).toBeNull()
    await files.put('tickets/gone/0001', new Uint8Array([1]), 'text/plain')
    await files.remove('tickets/gone/0001')
    await files.remove('tickets/gone/0001')
    expect(storage.objects.has('/civico-files/tickets/gone/0001')).toBe(false)
    expect(storage.seen.at(-1)?.method).toBe('DELETE')
  })

  it('fails loudly when the service fails, and retries when told to', async () => {
    storage.failNextRequests(1)
    await expect(store().put('tickets/x/0001', new Uint8Array([1]), 'text/plain')).rejects.toThrow(/500/)
    storage.failNextRequests(1)
    await store(2).put('tickets/x/0002', new Uint8Array([2]), 'text/plain')
    expect(storage.objects.get('/civico-files/tickets/x/0002')?.bytes).toEqual(Buffer.from([2]))
  })

  it('refuses keys that could leave the bucket', async () => {
    await expect(store().put('../other-bucket/x', new Uint8Array([1]), 'text/plain')).rejects.toThrow(
      /unsafe/,
    )
  })
})

describe('choosing where files go', () => {
  const base = { NODE_ENV: 'test', DATA_DIR: '/tmp/civico-data' }
  const s3 = {
    FILES_S3_ENDPOINT: 'https://objects.example.it',
    FILES_S3_BUCKET: 'civico-files',
    FILES_S3_REGION: 'it-mil-1',
    FILES_S3_ACCESS_KEY_ID: 'AKID',
    FILES_S3_SECRET_ACCESS_KEY: 'secret',
  }

  it('keeps files in the data directory unless object storage is configured', () => {
    expect(loadConfig(base).files).toEqual({ kind: 'directory', dir: '/tmp/civico-data/files' })
    expect(loadConfig({ ...base, ...s3 }).files).toEqual({
      kind: 's3',
      endpoint: 'https://objects.example.it',
      bucket: 'civico-files',
      region: 'it-mil-1',
      accessKeyId: 'AKID',
      secretAccessKey: 'secret',
    })
  })

  it('refuses a partial object storage configuration, naming what is missing', () => {
    const { FILES_S3_SECRET_ACCESS_KEY: _secret, ...partial } = s3
    expect(() => loadConfig({ ...base, ...partial })).toThrow(ConfigError)
    expect(() => loadConfig({ ...base, ...partial })).toThrow(/FILES_S3_SECRET_ACCESS_KEY/)
    expect(() => loadConfig({ ...base, ...s3, FILES_S3_BUCKET: 'Not_A_Bucket' })).toThrow(/bucket name/)
  })
})
