export interface Clock {
  now(): Date
}

export const systemClock: Clock = { now: () => new Date() }

/** The system's time shifted so that it read `start` when the process began: it keeps running. */
export function shiftedClock(start: Date): Clock {
  const offset = start.getTime() - Date.now()
  return { now: () => new Date(Date.now() + offset) }
}

/** A clock tests can set and move, so time-dependent rules are checked without waiting. */
export function manualClock(
  start: Date | string,
): Clock & { set(at: Date | string): void; advance(ms: number): void } {
  let current = new Date(start)
  return {
    now: () => new Date(current),
    set(at) {
      current = new Date(at)
    },
    advance(ms) {
      current = new Date(current.getTime() + ms)
    },
  }
}
