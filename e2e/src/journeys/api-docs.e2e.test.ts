import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DESKTOP_WIDTH, launchBrowser } from '../support/browser'
import { baseUrl } from '../support/journey'

describe('API documentation', () => {
  let browser: Browser

  beforeAll(async () => {
    browser = await launchBrowser()
  })

  afterAll(async () => {
    await browser?.close()
  })

  it('renders the browsable OpenAPI document', async () => {
    const context = await browser.newContext({ viewport: { width: DESKTOP_WIDTH, height: 900 } })
    const page = await context.newPage()
    const blocked: string[] = []
    page.on('console', (message) => {
      if (message.type() === 'error') blocked.push(message.text())
    })
    try {
      await page.goto(`${baseUrl()}/api/docs/`)
      await page.getByText('Civico API', { exact: false }).first().waitFor({ timeout: 20_000 })
      await page.locator('.opblock-summary-path', { hasText: '/api/v1/city' }).first().waitFor()
      expect(blocked).toEqual([])
    } finally {
      await context.close()
    }
  })
})
