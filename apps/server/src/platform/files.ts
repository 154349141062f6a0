import { mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'

/**
 * The files port: attachments and photos are kept here, the database holds only their keys.
 * The embedded default is a directory; production plugs in S3-compatible object storage.
 */
export interface FileStore {
  readonly adapter: string
  put(key: string, bytes: Uint8Array, mediaType: string): Promise<void>
  /** The bytes under a key, or null when nothing is stored there. */
  get(key: string): Promise<Uint8Array | null>
  remove(key: string): Promise<void>
}

const SAFE_KEY = /^[a-z0-9][a-z0-9/_.-]{0,200}$/

function checkKey(key: string): void {
  // Keys are made by the platform, never by users; this guards against a bug writing outside the root.
  if (!SAFE_KEY.test(key) || key.includes('..')) throw new Error(`unsafe file key: ${key}`)
}

/** Files in a directory of the data dir (`./data/files` by default). */
export function directoryFileStore(root: string): FileStore {
  const pathOf = (key: string) => {
    checkKey(key)
    return path.join(root, key)
  }
  return {
    adapter: 'directory',
    async put(key, bytes) {
      const target = pathOf(key)
      await mkdir(path.dirname(target), { recursive: true })
      await writeFile(target, bytes)
    },
    async get(key) {
      try {
        return new Uint8Array(await readFile(pathOf(key)))
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
        throw error
      }
    },
    async remove(key) {
      await rm(pathOf(key), { force: true })
    },
  }
}
