import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import react from '@vitejs/plugin-react'
import { defineConfig, type Plugin } from 'vite'

const apiOrigin = process.env.CIVICO_API_ORIGIN ?? 'http://localhost:3000'

/** Same policy the server sends, so a preview of the build fails the same way production would. */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "img-src 'self' data:",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self' data:",
  "script-src 'self'",
  "connect-src 'self'",
].join('; ')

const apiProxy = {
  '/api': apiOrigin,
  '/health': apiOrigin,
  // Sign-in round trips, the bundled identity provider and the development outbox.
  '/auth': apiOrigin,
  '/dev-idp': apiOrigin,
  '/dev/outbox': apiOrigin,
}

/** The page itself (written after this plugin runs) and files of `public/` the shell needs offline. */
const SHELL_FILES = ['/index.html', '/manifest.webmanifest', '/favicon.svg', '/icons/icon-192.png']

/**
 * Writes `sw.js` at build time: the worker in `pwa/service-worker.js`, preceded by the list of files
 * of this build to precache and a version derived from their (hashed) names, so a new build
 * replaces the old shell.
 */
function serviceWorker(): Plugin {
  return {
    name: 'civico-service-worker',
    apply: 'build',
    generateBundle(_options, bundle) {
      const built = Object.keys(bundle)
        .filter((fileName) => !fileName.endsWith('.map'))
        .map((fileName) => `/${fileName}`)
        .sort()
      const precache = [...new Set([...built, ...SHELL_FILES])]
      const version = createHash('sha256').update(precache.join('\n')).digest('hex').slice(0, 12)
      const worker = readFileSync(new URL('./pwa/service-worker.js', import.meta.url), 'utf8')
      this.emitFile({
        type: 'asset',
        fileName: 'sw.js',
        source: `const PRECACHE_URLS = ${JSON.stringify(precache)}\nconst BUILD_VERSION = '${version}'\n${worker}`,
      })
    },
  }
}

export default defineConfig({
  plugins: [react(), serviceWorker()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The icon sprite is referenced by <use href>, which does not follow data: URLs: keep SVGs as files.
    assetsInlineLimit: (filePath) => (filePath.endsWith('.svg') ? false : undefined),
    chunkSizeWarningLimit: 700,
  },
  // The dev server injects inline scripts for hot reload, so only the preview enforces the policy.
  server: { proxy: apiProxy },
  preview: { proxy: apiProxy, headers: { 'Content-Security-Policy': CONTENT_SECURITY_POLICY } },
})
