// The web app's service worker. The build prepends PRECACHE_URLS (the app shell: index.html and every
// bundled asset) and BUILD_VERSION. The shell is served from cache when the network is gone; the
// citizen's last folder answers are kept so the folder can be read offline, and forgotten at
// sign-out or when another person signs in on the same browser.

const SHELL_CACHE = `civico-shell-${BUILD_VERSION}`
const DATA_CACHE = 'civico-data'
const SESSION_PATH = '/api/v1/session'
/** Answers worth reading offline: who is signed in, the city, the account and the folder. */
const OFFLINE_READABLE = [SESSION_PATH, '/api/v1/city', '/api/v1/me', '/api/v1/folder/']
/** Never touched: sign-in round trips, the provider, health checks, other API calls. */
const PASS_THROUGH = ['/api/', '/auth/', '/dev-idp/', '/dev/', '/health/', '/open311/', '/sandbox/']

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(SHELL_CACHE)
      .then((cache) => cache.addAll(PRECACHE_URLS))
      .then(() => self.skipWaiting()),
  )
})

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(
          keys
            .filter((key) => key.startsWith('civico-shell-') && key !== SHELL_CACHE)
            .map((key) => caches.delete(key)),
        ),
      )
      .then(() => self.clients.claim()),
  )
})

self.addEventListener('message', (event) => {
  if (event.data === 'forget-private-data') event.waitUntil(caches.delete(DATA_CACHE))
})

function isOfflineReadable(pathname) {
  return OFFLINE_READABLE.some((prefix) =>
    prefix.endsWith('/') ? pathname.startsWith(prefix) : pathname === prefix,
  )
}

/** The person a cached or fresh session answer belongs to, or null when nobody is signed in. */
async function signedInAs(response) {
  try {
    const session = await response.clone().json()
    return session?.authenticated ? `${session.kind}:${session.fiscalCode ?? ''}` : null
  } catch {
    return null
  }
}

async function networkFirst(request, pathname) {
  const cache = await caches.open(DATA_CACHE)
  try {
    const response = await fetch(request)
    if (pathname === SESSION_PATH) {
      const now = await signedInAs(response)
      const cached = await cache.match(SESSION_PATH)
      const before = cached ? await signedInAs(cached) : null
      // Signed out, or someone else signed in: nobody's data stays behind.
      if (now === null || (before !== null && before !== now)) await caches.delete(DATA_CACHE)
      if (now === null) return response
    }
    if (response.ok) await (await caches.open(DATA_CACHE)).put(request, response.clone())
    return response
  } catch (error) {
    const cached = await cache.match(request)
    if (cached) return cached
    throw error
  }
}

async function cacheFirst(request) {
  const cached = await caches.match(request, { cacheName: SHELL_CACHE })
  return cached ?? fetch(request)
}

self.addEventListener('fetch', (event) => {
  const { request } = event
  if (request.method !== 'GET') return
  const url = new URL(request.url)
  if (url.origin !== self.location.origin) return
  if (isOfflineReadable(url.pathname)) {
    event.respondWith(networkFirst(request, url.pathname))
    return
  }
  if (PASS_THROUGH.some((prefix) => url.pathname.startsWith(prefix))) return
  if (request.mode === 'navigate') {
    event.respondWith(
      fetch(request).catch(
        async () => (await caches.match('/index.html', { cacheName: SHELL_CACHE })) ?? Response.error(),
      ),
    )
    return
  }
  if (PRECACHE_URLS.includes(url.pathname)) event.respondWith(cacheFirst(request))
})

// Web Push: the server sends {title, body, url, messageId}; one notification per message (its tag),
// and a tap opens the message in an existing tab when there is one.
self.addEventListener('push', (event) => {
  let payload = {}
  try {
    payload = event.data ? event.data.json() : {}
  } catch {
    payload = { title: event.data ? event.data.text() : '' }
  }
  const title = payload.title || 'Comune'
  event.waitUntil(
    self.registration.showNotification(title, {
      body: payload.body || '',
      icon: '/icons/icon-192.png',
      badge: '/icons/icon-192.png',
      tag: payload.messageId || undefined,
      data: { url: payload.url || '/area-personale/notifiche' },
    }),
  )
})

self.addEventListener('notificationclick', (event) => {
  event.notification.close()
  const url = new URL(event.notification.data?.url || '/', self.location.origin).href
  event.waitUntil(
    self.clients.matchAll({ type: 'window', includeUncontrolled: true }).then((windows) => {
      const open = windows.find((client) => client.url.startsWith(self.location.origin))
      if (open) return open.navigate(url).then((client) => client?.focus())
      return self.clients.openWindow(url)
    }),
  )
})
