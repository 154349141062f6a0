import fs from 'node:fs'
import type { TestProject } from 'vitest/node'
import { type RunningServer, startCivicoServer } from './civico-server'
import { SCREENSHOT_DIR, WEB_DIST_INDEX } from './paths'

declare module 'vitest' {
  export interface ProvidedContext {
    /** Origin of the Civico server the journeys run against, e.g. http://127.0.0.1:40123 */
    baseUrl: string
  }
}

let server: RunningServer | undefined

export async function setup(project: TestProject): Promise<void> {
  if (!fs.existsSync(WEB_DIST_INDEX)) {
    throw new Error(
      'The web app is not built: run `npm run e2e` (which builds it) or `npm run build -w @civico/web`.',
    )
  }
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true })
  // Pointing at an instance that is already running (E2E_BASE_URL) helps when debugging a journey.
  const existing = process.env.E2E_BASE_URL?.replace(/\/$/, '')
  if (existing) {
    project.provide('baseUrl', existing)
    return
  }
  server = await startCivicoServer()
  project.provide('baseUrl', server.baseUrl)
}

export async function teardown(): Promise<void> {
  await server?.stop()
  server = undefined
}
