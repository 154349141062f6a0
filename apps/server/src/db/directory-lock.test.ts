import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { acquireDirectoryLock, DirectoryLockedError } from './directory-lock.js'

const made: string[] = []
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'civico-lock-'))
  made.push(dir)
  return dir
}

afterEach(() => {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true })
})

describe('embedded database directory lock', () => {
  it('refuses a second opener and frees the directory on release', () => {
    const dir = tempDir()
    const lock = acquireDirectoryLock(dir)
    expect(() => acquireDirectoryLock(dir)).toThrow(DirectoryLockedError)
    lock.release()
    acquireDirectoryLock(dir).release()
  })

  it('refuses while another live process holds it, naming that process', async () => {
    const dir = tempDir()
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)'])
    try {
      fs.writeFileSync(path.join(dir, 'civico.lock'), String(other.pid))
      expect(() => acquireDirectoryLock(dir)).toThrow(new RegExp(`process ${other.pid}`))
    } finally {
      other.kill()
    }
  })

  it('takes over a lock left by a process that died', async () => {
    const dir = tempDir()
    const dead = spawn(process.execPath, ['-e', ''])
    await new Promise((resolve) => dead.on('exit', resolve))
    fs.writeFileSync(path.join(dir, 'civico.lock'), String(dead.pid))
    const lock = acquireDirectoryLock(dir)
    expect(fs.readFileSync(path.join(dir, 'civico.lock'), 'utf8')).toBe(String(process.pid))
    lock.release()
  })
})
