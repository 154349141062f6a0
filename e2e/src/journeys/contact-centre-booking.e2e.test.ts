import type { Browser, Locator } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser, openJourneyPage, PHONE_WIDTH } from '../support/browser'
import {
  baseUrl,
  expectHeading,
  expectNoAccessibilityViolations,
  expectNoPageProblems,
} from '../support/journey'
import { saveScreenshot } from '../support/screenshots'
import { STAFF, signInAsStaff } from '../support/sign-in'

/** A valid fiscal code of no one the bundled identity provider signs in, so no citizen page changes. */
const CALLER = 'FRRGLI78D55F205Z'

/** Bootstrap Italia's button-like radios are drawn by their labels: a person taps the label. */
async function pickTime(times: Locator, index: number): Promise<string> {
  const label = times.locator('label').nth(index)
  const time = (await label.textContent()) ?? ''
  await label.click()
  return time
}

describe('contact centre bookings (020202)', () => {
  let browser: Browser

  beforeAll(async () => {
    browser = await launchBrowser()
  })

  afterAll(async () => {
    await browser?.close()
  })

  it('books for a caller found by fiscal code, reads the code out, moves and cancels the booking', async () => {
    const { page, problems, close } = await openJourneyPage(browser, baseUrl(), { width: PHONE_WIDTH })
    try {
      await signInAsStaff(page, STAFF.operator)
      await page
        .getByTestId('appointments-section')
        .getByRole('link', { name: 'Prenotazioni 020202' })
        .click()
      await expectHeading(page, 'Prenotazioni per telefono (020202)')

      // The code is checked as it is typed: a wrong last character is caught before any search.
      const search = page.getByTestId('citizen-search')
      const code = search.getByLabel('Codice fiscale')
      await code.fill('frrgli78d55')
      await search.getByTestId('fiscal-code-progress').filter({ hasText: 'Mancano 5 caratteri.' }).waitFor()
      await code.fill(`${CALLER.slice(0, 15)}A`)
      await search
        .getByText('L’ultimo carattere non corrisponde agli altri: c’è un errore di battitura.')
        .waitFor()
      await code.fill(CALLER.toLowerCase())
      await search.getByTestId('fiscal-code-progress').filter({ hasText: 'Codice fiscale valido.' }).waitFor()
      await search.getByRole('button', { name: 'Cerca gli appuntamenti' }).click()
      await page.getByTestId('no-appointments').waitFor()

      // Service, office, the first free day (found by the API), a time, a reason: booked on the phone.
      const form = page.getByTestId('new-booking-form')
      await form.getByLabel('Servizio').selectOption({ label: 'Certificati e autentiche (10 min)' })
      await form.getByLabel('Sede').selectOption({ label: 'Anagrafe Centrale - Via Larga 12, 20122 Milano' })
      await form.getByTestId('first-free').waitFor()
      const times = form.getByTestId('times')
      await times.waitFor()
      const booked = await pickTime(times, 0)
      await form.getByLabel('Motivo (facoltativo)').fill('Certificato di residenza')
      await form.getByLabel('Recapito (facoltativo)').fill('333 1234567')
      await form.getByRole('button', { name: 'Prenota per il cittadino' }).click()
      const notice = page.getByTestId('booked-notice')
      await notice.waitFor()
      const bookingCode = ((await notice.getByTestId('booked-code').textContent()) ?? '').trim()
      expect(bookingCode).toMatch(/^[A-Z2-9]{8}$/)
      expect(await notice.textContent()).toContain(`alle ${booked}`)
      expect(await notice.textContent()).toMatch(/Si legge: (\w+|\d)(, (\w+|\d)){7}\./)

      const item = page.locator(`[data-appointment="${bookingCode}"]`)
      await item.getByTestId('appointment-status').filter({ hasText: 'Prenotato' }).waitFor()
      expect(await item.textContent()).toContain('prenotato al 020202')
      expect(await item.getByTestId('appointment-when').textContent()).toContain(
        `alle ${booked}, Anagrafe Centrale`,
      )
      await expectNoAccessibilityViolations(page, 'the contact-centre page after booking')
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(PHONE_WIDTH)
      expect(await saveScreenshot(page, 'contact-centre-booking')).toMatch(/contact-centre-booking-360\.png$/)

      // Moved to another free time the same day, at the same office.
      await item.getByRole('button', { name: `Sposta ${bookingCode}` }).click()
      const move = item.getByTestId('move-form')
      const moveTimes = move.getByTestId('times')
      await moveTimes.waitFor()
      const movedTo = await pickTime(moveTimes, 1)
      await move.getByRole('button', { name: 'Sposta l’appuntamento' }).click()
      await page
        .getByTestId('contact-centre-status')
        .filter({ hasText: `Appuntamento ${bookingCode} spostato` })
        .waitFor()
      await item
        .getByTestId('appointment-when')
        .filter({ hasText: `alle ${movedTo}` })
        .waitFor()

      // Cancelled after asking once more.
      await item.getByRole('button', { name: `Annulla l’appuntamento ${bookingCode}` }).click()
      await item.getByRole('button', { name: 'Sì, annulla' }).click()
      await page
        .getByTestId('contact-centre-status')
        .filter({ hasText: `Appuntamento ${bookingCode} annullato.` })
        .waitFor()
      await item.getByTestId('appointment-status').filter({ hasText: 'Annullato' }).waitFor()
      expect(await item.getByRole('button', { name: `Sposta ${bookingCode}` }).count()).toBe(0)
      await expectNoAccessibilityViolations(page, 'the contact-centre page after cancelling')

      expectNoPageProblems(problems)
    } finally {
      await close()
    }
  })
})
