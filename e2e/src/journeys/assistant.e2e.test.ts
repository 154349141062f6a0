import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser, openJourneyPage, PHONE_WIDTH } from '../support/browser'
import { baseUrl, expectNoAccessibilityViolations, expectNoPageProblems } from '../support/journey'
import { saveScreenshot } from '../support/screenshots'
import { ADA_LOVELACE, signInAsCitizen } from '../support/sign-in'

describe('the virtual assistant', () => {
  let browser: Browser

  beforeAll(async () => {
    browser = await launchBrowser()
  })

  afterAll(async () => {
    await browser?.close()
  })

  it('answers a visitor with the right service and offers the contact centre', async () => {
    const { page, problems, close } = await openJourneyPage(browser, baseUrl(), { width: PHONE_WIDTH })
    try {
      await page.goto('/')
      await page.getByTestId('assistant-opener').click()
      const assistant = page.getByTestId('assistant')
      await assistant.getByLabel('Scrivi la tua domanda').fill('vorrei rinnovare la carta d’identità')
      await assistant.getByRole('button', { name: 'Invia' }).click()
      const answer = assistant.getByTestId('assistant-answer').first()
      await expect.poll(() => answer.locator('p').first().textContent()).toBe('Come rinnovo la CIE?')
      await expectNoAccessibilityViolations(page, 'the assistant with an answer')
      await saveScreenshot(page, 'assistant-answer-360')

      // Without SPID or CIE, a person is reached through the contact centre.
      await assistant.getByRole('button', { name: 'Preferisco parlare con una persona' }).click()
      await expect.poll(() => assistant.getByTestId('assistant-hand-off').textContent()).toContain('020202')

      // The answer's link leads to the service page and closes the assistant.
      await answer.getByRole('link', { name: 'Scheda del servizio' }).click()
      await page.waitForURL('**/servizi/carta-identita-elettronica')
      expect(await page.getByTestId('assistant').count()).toBe(0)
      expectNoPageProblems(problems)
    } finally {
      await close()
    }
  })

  it('hands a signed-in citizen over to the city with the conversation as a request', async () => {
    const { page, problems, close } = await openJourneyPage(browser, baseUrl(), { width: PHONE_WIDTH })
    try {
      await signInAsCitizen(page, { name: ADA_LOVELACE.name, level: '2' })
      await page.getByTestId('assistant-opener').click()
      const assistant = page.getByTestId('assistant')
      await assistant.getByLabel('Scrivi la tua domanda').fill('il mio gatto parla latino')
      await assistant.getByRole('button', { name: 'Invia' }).click()
      await expect.poll(() => assistant.locator('.civico-assistant-reply').count()).toBeGreaterThanOrEqual(2)
      expect(await assistant.getByTestId('assistant-answer').count()).toBe(0)

      await assistant.getByRole('button', { name: 'Preferisco parlare con una persona' }).click()
      const handOff = assistant.getByTestId('assistant-hand-off')
      await expect.poll(() => handOff.textContent()).toMatch(/la tua richiesta è la R\d{4}-[A-Z0-9]{6}/)
      await expectNoAccessibilityViolations(page, 'the assistant after the hand-off')
      await handOff.getByRole('link', { name: 'Segui la richiesta' }).click()
      await page.waitForURL(/\/area-personale\/richieste\/R\d{4}-/)
      await expect.poll(() => page.getByText('il mio gatto parla latino').count()).toBeGreaterThan(0)
      expectNoPageProblems(problems)
    } finally {
      await close()
    }
  })
})
