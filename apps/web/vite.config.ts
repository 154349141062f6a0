import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

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

export default defineConfig({
  plugins: [react()],
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
