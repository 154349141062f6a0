import path from 'node:path'
import type { Page } from 'playwright-core'
import { SCREENSHOT_DIR } from './paths'

/** Saves a full-page screenshot as screenshots/<name>-<width>.png and returns its path. */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  const width = page.viewportSize()?.width ?? 0
  const file = path.join(SCREENSHOT_DIR, `${name}-${width}.png`)
  // Fonts load asynchronously; a screenshot taken before they arrive shows fallback type.
  await page.evaluate(() => document.fonts.ready.then(() => undefined))
  await page.screenshot({ path: file, fullPage: true })
  return file
}
