import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser, openJourneyPage, PHONE_WIDTH } from '../support/browser'
import {
  baseUrl,
  describeFocus,
  expectHeading,
  expectNoAccessibilityViolations,
  expectNoPageProblems,
} from '../support/journey'
import { saveScreenshot } from '../support/screenshots'
import { GAIO_GIULIO_CESARE, signInAsCitizen } from '../support/sign-in'

describe('idle session', () => {
  let browser: Browser

  beforeAll(async () => {
    browser = await launchBrowser()
  })

  afterAll(async () => {
    await browser?.close()
  })

  it('warns two minutes before the idle end, offers to stay, and ends politely', async () => {
    const { page, problems, close } = await openJourneyPage(browser, baseUrl(), { width: PHONE_WIDTH })
    try {
      await signInAsCitizen(page, { name: GAIO_GIULIO_CESARE.name, level: '1' })
      // The page's clock is made controllable, then the page loads again so its timers use it.
      await page.clock.install()
      const firstHeartbeat = page.waitForResponse('**/api/v1/session/heartbeat')
      await page.goto('/area-personale')
      await page.getByTestId('person-summary').getByText(GAIO_GIULIO_CESARE.fiscalCode).waitFor()
      await firstHeartbeat

      // 28½ minutes without touching the page: the 30-minute idle end is two minutes away.
      await page.clock.fastForward('28:30')
      const warning = page.getByRole('dialog', { name: 'Vuoi restare collegato?' })
      await warning.waitFor()
      expect(await warning.textContent()).toContain('la sessione terminerà tra 2 minuti')
      expect(await describeFocus(page)).toMatchObject({ tag: 'button', text: 'Resta collegato' })
      await expectNoAccessibilityViolations(page, 'the idle warning dialog')
      await saveScreenshot(page, 'session-warning')

      // "Resta collegato" asks the server to keep the session.
      const heartbeat = page.waitForRequest('**/api/v1/session/heartbeat')
      await warning.getByRole('button', { name: 'Resta collegato' }).click()
      await heartbeat

      // Left alone past the end, the page says the session is over and offers to sign in again.
      await page.clock.fastForward('05:00')
      await page.waitForURL('**/login?returnTo=%2Farea-personale')
      await expectHeading(page, "Accedi all'area personale")
      await page.getByTestId('shell-notice').filter({ hasText: 'La sessione è scaduta' }).waitFor()
      expectNoPageProblems(problems)
    } finally {
      await close()
    }
  })
})
