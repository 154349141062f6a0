import fs from 'node:fs'
import path from 'node:path'

export interface DirectoryLock {
  release(): void
}

export class DirectoryLockedError extends Error {
  constructor(
    readonly directory: string,
    readonly holderPid: number,
  ) {
    super(
      `The embedded database in ${directory} is already open in process ${holderPid}. ` +
        'PGlite allows one process at a time: stop that process, or set DATABASE_URL to use PostgreSQL ' +
        'for several processes.',
    )
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** A pid file beside the data: a second process is refused, a lock left by a dead process is taken over. */
const heldHere = new Set<string>()

export function acquireDirectoryLock(directory: string): DirectoryLock {
  fs.mkdirSync(directory, { recursive: true })
  if (heldHere.has(directory)) throw new DirectoryLockedError(directory, process.pid)
  const lockPath = path.join(directory, 'civico.lock')
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockPath, String(process.pid), { flag: 'wx' })
      heldHere.add(directory)
      let released = false
      const release = () => {
        if (released) return
        released = true
        heldHere.delete(directory)
        try {
          if (fs.readFileSync(lockPath, 'utf8') === String(process.pid)) fs.unlinkSync(lockPath)
        } catch {
          // already gone
        }
      }
      process.once('exit', release)
      return { release }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      const holder = Number.parseInt(fs.readFileSync(lockPath, 'utf8'), 10)
      // A pid equal to ours was left by an earlier boot or container: the locks we hold are in heldHere.
      if (Number.isInteger(holder) && holder !== process.pid && isAlive(holder)) {
        throw new DirectoryLockedError(directory, holder)
      }
      fs.rmSync(lockPath, { force: true })
    }
  }
  throw new Error(`Could not lock ${directory}`)
}
