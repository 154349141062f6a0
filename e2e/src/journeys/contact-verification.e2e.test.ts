import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DESKTOP_WIDTH, forgetExpectedRefusals, launchBrowser, openJourneyPage } from '../support/browser'
import {
  baseUrl,
  expectHeading,
  expectNoAccessibilityViolations,
  expectNoPageProblems,
} from '../support/journey'
import { GAIO_GIULIO_CESARE, readOneTimeCode, signInAsCitizen, useUserMenu } from '../support/sign-in'

/** A wrong code that is surely not the right one: each digit moved by one. */
function wrongCodeFor(code: string): string {
  return [...code].map((digit) => String((Number(digit) + 1) % 10)).join('')
}

describe('verifying a contact with a one-time code', () => {
  let browser: Browser

  beforeAll(async () => {
    browser = await launchBrowser()
  })

  afterAll(async () => {
    await browser?.close()
  })

  it('sends a code to a new e-mail address, refuses a wrong one and verifies the right one', async () => {
    const { page, problems, close } = await openJourneyPage(browser, baseUrl(), { width: DESKTOP_WIDTH })
    // A new address each run, so the journey also works against a server that already saw it.
    const email = `gaio.cesare.${Date.now()}@example.it`
    try {
      await signInAsCitizen(page, { name: GAIO_GIULIO_CESARE.name, level: '1' })
      await useUserMenu(page, 'Profilo')
      await page.waitForURL('**/area-personale/profilo')
      await expectHeading(page, 'Profilo')

      const emailPanel = page.getByTestId('contact-email')
      await emailPanel.waitFor()
      // A server used before may already hold an address, or a code waiting: start a new one either way.
      for (const name of ["Modifica l'e-mail", 'Usa un altro indirizzo']) {
        const button = emailPanel.getByRole('button', { name })
        if (await button.isVisible()) await button.click()
      }
      const addressField = emailPanel.getByLabel('Nuovo indirizzo e-mail')

      // An empty address is caught before anything is sent, next to the field.
      await emailPanel.getByRole('button', { name: 'Invia il codice' }).click()
      await emailPanel.getByText('Inserisci un indirizzo e-mail.').waitFor()
      expect(await addressField.getAttribute('aria-invalid')).toBe('true')

      // The server's own check speaks through the same place, in the page's language.
      await addressField.fill('non-è-un-indirizzo')
      await emailPanel.getByRole('button', { name: 'Invia il codice' }).click()
      await page.waitForFunction(() => {
        const field = document.querySelector('[data-testid="contact-email"] input[name="email"]')
        return field?.getAttribute('aria-invalid') === 'true' && field.getAttribute('aria-describedby')
      })
      const serverMessage = await emailPanel.locator('.civico-field-error').textContent()
      expect(serverMessage?.length ?? 0).toBeGreaterThan(0)
      expect(serverMessage).not.toBe('Inserisci un indirizzo e-mail.')

      await addressField.fill(email)
      await emailPanel.getByRole('button', { name: 'Invia il codice' }).click()
      const sent = emailPanel.getByTestId('code-sent')
      await sent.waitFor()
      expect(await sent.textContent()).toContain(`Ti abbiamo inviato un codice a ${email}`)
      // Focus moves to the code field, where the person types next.
      await page.waitForFunction(() => document.activeElement?.getAttribute('name') === 'email-code')
      await expectNoAccessibilityViolations(page, 'the profile waiting for a code')

      const code = await readOneTimeCode(email)
      const codeField = emailPanel.getByLabel('Codice di verifica')
      await codeField.fill(wrongCodeFor(code))
      await emailPanel.getByRole('button', { name: 'Conferma il codice' }).click()
      await page.waitForFunction(
        () => document.querySelector('input[name="email-code"]')?.getAttribute('aria-invalid') === 'true',
      )
      expect(await emailPanel.locator('.civico-contact-value').textContent()).not.toBe(email)

      await codeField.fill(code)
      await emailPanel.getByRole('button', { name: 'Conferma il codice' }).click()
      await emailPanel.getByText('Indirizzo e-mail verificato.').waitFor()
      expect(await emailPanel.getByTestId('contact-verified').textContent()).toBe('Verificato')
      expect(await emailPanel.locator('.civico-contact-value').textContent()).toBe(email)

      // The personal area's summary shows the verified address too.
      await page.getByRole('link', { name: 'Area personale', exact: true }).click()
      await page.waitForURL('**/area-personale')
      const summary = page.getByTestId('person-summary')
      await summary.getByText(email).waitFor()
      expect(await summary.getByTestId('contact-verified').count()).toBe(1)

      // Signing out everywhere ends this session and any other one of the same person.
      await useUserMenu(page, 'Esci da tutti i dispositivi')
      await page.waitForURL(`${baseUrl()}/`)
      const notice = page.getByTestId('shell-notice')
      await notice.waitFor()
      expect(await notice.textContent()).toMatch(/^Sei uscito dall'area personale su \d+ dispositiv[oi]\.$/)
      await page.locator('[data-element="personal-area-login"]').waitFor()
      forgetExpectedRefusals(problems, [
        { status: 400, path: '/api/v1/me/contacts/email' },
        { status: 400, path: '/api/v1/me/contacts/verify' },
      ])
      expectNoPageProblems(problems)
    } finally {
      await close()
    }
  })
})
