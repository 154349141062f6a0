import { useEffect, useState } from 'react'

const STORAGE_KEY = 'civico.crm.callStartedAt'
// A call form left open longer than this is an old one: the next opening starts a new call.
const RESUME_WITHIN_MS = 30 * 60_000

function readStoredStart(now: number): number | null {
  try {
    const stored = Number(window.sessionStorage.getItem(STORAGE_KEY))
    return Number.isFinite(stored) && stored > 0 && now - stored < RESUME_WITHIN_MS ? stored : null
  } catch {
    return null
  }
}

function storeStart(start: number | null): void {
  try {
    if (start === null) window.sessionStorage.removeItem(STORAGE_KEY)
    else window.sessionStorage.setItem(STORAGE_KEY, String(start))
  } catch {
    // Private windows may refuse storage: the timer then only lives as long as the page.
  }
}

/**
 * A call's running clock, started when the form opens. It survives a visit to the booking page in
 * the same tab (the operator books during the call, then comes back to log it).
 */
export function useCallTimer() {
  const [startedAt, setStartedAt] = useState(() => {
    const now = Date.now()
    const start = readStoredStart(now) ?? now
    storeStart(start)
    return start
  })
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 1000)
    return () => window.clearInterval(timer)
  }, [])
  return {
    startedAt,
    elapsedSeconds: Math.max(0, Math.floor((now - startedAt) / 1000)),
    restart: () => {
      const start = Date.now()
      storeStart(start)
      setStartedAt(start)
      setNow(start)
    },
    /** The call is logged: the next form is a new call. */
    finish: () => storeStart(null),
  }
}

/** 125 seconds as "2:05". */
export function formatDuration(seconds: number): string {
  const minutes = Math.floor(seconds / 60)
  return `${minutes}:${String(seconds % 60).padStart(2, '0')}`
}

/** "2:05", "2", "125s" → seconds; null when it cannot be read. */
export function parseDuration(text: string): number | null {
  const trimmed = text.trim()
  const clock = /^(\d{1,3}):([0-5]\d)$/.exec(trimmed)
  if (clock) return Number(clock[1]) * 60 + Number(clock[2])
  if (/^\d{1,3}$/.test(trimmed)) return Number(trimmed) * 60
  return null
}
