import { useSyncExternalStore } from 'react'

/** Installs the service worker of the built app (the development server has none). */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('/sw.js').catch(() => {
      // Without a worker the site still works online; offline reading is a bonus, not a requirement.
    })
  })
}

/** At sign-out nobody's folder may stay readable on this device. */
export async function forgetOfflineData(): Promise<void> {
  navigator.serviceWorker?.controller?.postMessage('forget-private-data')
  if ('caches' in window) await caches.delete('civico-data')
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('online', onChange)
  window.addEventListener('offline', onChange)
  return () => {
    window.removeEventListener('online', onChange)
    window.removeEventListener('offline', onChange)
  }
}

export function useOnline(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => navigator.onLine,
    () => true,
  )
}
