import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DESKTOP_WIDTH, launchBrowser, openJourneyPage, PHONE_WIDTH } from '../support/browser'
import {
  baseUrl,
  expectHeading,
  expectNoAccessibilityViolations,
  expectNoPageProblems,
} from '../support/journey'
import { saveScreenshot } from '../support/screenshots'
import { ADA_LOVELACE, STAFF, signInAsCitizen, signInAsStaff } from '../support/sign-in'

describe('notifications', () => {
  let browser: Browser

  beforeAll(async () => {
    browser = await launchBrowser()
  })

  afterAll(async () => {
    await browser?.close()
  })

  it('delivers a reminder live to an open inbox, to be read, archived, and tuned in the profile', async () => {
    const ada = await openJourneyPage(browser, baseUrl(), { width: PHONE_WIDTH })
    const supervisor = await openJourneyPage(browser, baseUrl(), { width: DESKTOP_WIDTH })
    try {
      await signInAsCitizen(ada.page, {
        name: ADA_LOVELACE.name,
        level: '2',
        returnTo: '/area-personale/notifiche',
      })
      await expectHeading(ada.page, 'Notifiche')
      await ada.page.getByTestId('inbox-empty').or(ada.page.getByTestId('message-list')).first().waitFor()

      // The permit of the demo's test citizens ends in four weeks: the 30-day rule writes to them.
      await supervisor.page.goto('/backoffice')
      await signInAsStaff(supervisor.page, STAFF.supervisor)
      await supervisor.page.getByRole('link', { name: 'Promemoria', exact: true }).click()
      await expectHeading(supervisor.page, 'Promemoria automatici')
      const row = supervisor.page.locator('[data-rule="parking-permit-expiring-30"]')
      await row.waitFor()
      await expectNoAccessibilityViolations(supervisor.page, 'the reminder rules page')
      await row.getByRole('button', { name: /^Esegui ora/ }).click()
      await supervisor.page
        .getByTestId('rule-ran')
        .filter({ hasText: /Eseguita: [1-9]/ })
        .waitFor()

      // Ada's page, left open, shows the message without a reload.
      const message = ada.page.getByRole('link', { name: /^Il tuo permesso di sosta residenti scade il / })
      await message.waitFor({ timeout: 20_000 })
      await expectNoAccessibilityViolations(ada.page, 'the inbox at 360 px')
      await saveScreenshot(ada.page, 'inbox')
      await message.click()
      await ada.page.getByTestId('message-page').waitFor()
      expect(await ada.page.locator('.civico-message-body').textContent()).toMatch(
        /Il permesso di sosta residenti PS\d{7} scade il/,
      )
      await ada.page.getByRole('link', { name: 'Come rinnovare' }).waitFor()
      await expectNoAccessibilityViolations(ada.page, 'a message at 360 px')
      await saveScreenshot(ada.page, 'message')
      await ada.page.getByRole('button', { name: 'Archivia' }).click()
      await expectHeading(ada.page, 'Notifiche')
      await ada.page.getByRole('button', { name: 'Archiviati' }).click()
      await ada.page.getByRole('link', { name: /^Il tuo permesso di sosta residenti scade il / }).waitFor()

      // Preferences: deadlines no longer through App IO.
      await ada.page.goto('/area-personale/profilo')
      const preferences = ada.page.getByTestId('notification-preferences')
      const ioForDeadlines = preferences.getByLabel('Scadenze di documenti e permessi via App IO')
      await ioForDeadlines.waitFor()
      expect(await ioForDeadlines.isChecked()).toBe(true)
      await ioForDeadlines.uncheck()
      await preferences.getByRole('button', { name: 'Salva le preferenze' }).click()
      await preferences.getByTestId('preferences-saved').waitFor()
      await ada.page.reload()
      await ioForDeadlines.waitFor()
      expect(await ioForDeadlines.isChecked()).toBe(false)
      await expectNoAccessibilityViolations(ada.page, 'the profile with notification preferences')
      expectNoPageProblems(ada.problems)
      expectNoPageProblems(supervisor.problems)
    } finally {
      await ada.close()
      await supervisor.close()
    }
  })
})
