import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  DESKTOP_WIDTH,
  forgetExpectedRefusals,
  launchBrowser,
  openJourneyPage,
  PHONE_WIDTH,
} from '../support/browser'
import {
  baseUrl,
  expectHeading,
  expectNoAccessibilityViolations,
  expectNoPageProblems,
  fetchCity,
} from '../support/journey'
import { saveScreenshot } from '../support/screenshots'

describe('page not found', () => {
  let browser: Browser

  beforeAll(async () => {
    browser = await launchBrowser()
  })

  afterAll(async () => {
    await browser?.close()
  })

  for (const width of [PHONE_WIDTH, DESKTOP_WIDTH]) {
    it(`explains an unknown address and leads home (${width} px)`, async () => {
      const city = await fetchCity()
      const { page, problems, close } = await openJourneyPage(browser, baseUrl(), { width })
      try {
        await page.goto('/questa-pagina/non-esiste')
        await page.getByTestId('not-found').waitFor()
        await expectHeading(page, 'Pagina non trovata')
        await page.waitForFunction(
          (name: string) => document.title === `Pagina non trovata - Comune di ${name}`,
          city.name,
        )
        // Header and footer are there, so the visitor is not stranded.
        expect(await page.locator('[data-element="main-navigation"]').count()).toBe(1)
        expect(await page.locator('[data-element="faq"]').count()).toBe(1)

        await expectNoAccessibilityViolations(page, `the 404 page at ${width} px`)
        await saveScreenshot(page, 'not-found')

        await page.getByRole('link', { name: 'Torna alla home page' }).click()
        await page.waitForURL(`${baseUrl()}/`)
        await expectHeading(page, `Comune di ${city.name}`)
        expectNoPageProblems(problems)
      } finally {
        await close()
      }
    })
  }

  it('treats an unknown service like any unknown page', async () => {
    const { page, problems, close } = await openJourneyPage(browser, baseUrl(), { width: DESKTOP_WIDTH })
    try {
      await page.goto('/servizi/servizio-inventato')
      await page.getByTestId('not-found').waitFor()
      await expectHeading(page, 'Pagina non trovata')
      forgetExpectedRefusals(problems, [
        { status: 404, path: '/api/v1/catalogue/services/servizio-inventato' },
      ])
      expectNoPageProblems(problems)
    } finally {
      await close()
    }
  })
})
