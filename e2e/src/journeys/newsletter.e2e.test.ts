import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DESKTOP_WIDTH, launchBrowser, openJourneyPage, PHONE_WIDTH } from '../support/browser'
import {
  baseUrl,
  expectHeading,
  expectNoAccessibilityViolations,
  expectNoPageProblems,
} from '../support/journey'
import { readOutbox } from '../support/outbox'
import { saveScreenshot } from '../support/screenshots'
import { STAFF, signInAsStaff } from '../support/sign-in'

function linkIn(text: string, path: string): string {
  const match = new RegExp(`https?://[^\\s]+${path}\\?[^\\s]+`).exec(text)
  if (!match) throw new Error(`no ${path} link in the e-mail`)
  const url = new URL(match[0])
  return `${url.pathname}${url.search}`
}

describe('the Informami newsletter', () => {
  let browser: Browser

  beforeAll(async () => {
    browser = await launchBrowser()
  })

  afterAll(async () => {
    await browser?.close()
  })

  it('subscribes with double opt-in, receives a campaign sent by staff, and leaves with one click', async () => {
    const reader = await openJourneyPage(browser, baseUrl(), { width: PHONE_WIDTH })
    const analyst = await openJourneyPage(browser, baseUrl(), { width: DESKTOP_WIDTH })
    const email = `lettrice-${Date.now()}@example.it`
    try {
      // Subscribing: from the footer, with topics and the privacy notice.
      await reader.page.goto('/')
      await reader.page.getByRole('link', { name: 'Iscriviti a Informami, la newsletter' }).click()
      await expectHeading(reader.page, 'Informami')
      await reader.page.getByRole('button', { name: 'Iscriviti' }).click()
      await reader.page.getByText('Scegli almeno un argomento.').waitFor()
      await reader.page.getByLabel('Indirizzo e-mail').fill(email)
      // People tap the label: Bootstrap Italia draws the box on it.
      await reader.page.locator('label', { hasText: /^Mobilità e traffico/ }).click()
      await reader.page.locator('label', { hasText: /^Ho letto l’informativa/ }).click()
      expect(await reader.page.getByLabel(/^Mobilità e traffico/).isChecked()).toBe(true)
      await expectNoAccessibilityViolations(reader.page, 'the newsletter form at 360 px')
      await saveScreenshot(reader.page, 'newsletter-subscribe')
      await reader.page.getByRole('button', { name: 'Iscriviti' }).click()
      await reader.page.getByTestId('newsletter-check-inbox').waitFor()

      // The confirmation link asks for a click before anything counts.
      const confirmation = await readOutbox(email, (message) =>
        /^Conferma la tua iscrizione/.test(message.subject ?? ''),
      )
      await reader.page.goto(linkIn(confirmation.text, '/informami/conferma'))
      await expectHeading(reader.page, 'Conferma l’iscrizione')
      await expectNoAccessibilityViolations(reader.page, 'the confirmation page')
      await reader.page.getByRole('button', { name: 'Conferma l’iscrizione' }).click()
      await reader.page.getByTestId('newsletter-confirmed').waitFor()

      // The communication office writes a campaign for the topic and sends it.
      await analyst.page.goto('/backoffice')
      await signInAsStaff(analyst.page, STAFF.analyst)
      await analyst.page.getByRole('link', { name: 'Informami', exact: true }).click()
      await expectHeading(analyst.page, 'Informami')
      // A new topic for the form, then retired again.
      await analyst.page.getByLabel('Nome (italiano)').fill('Sport e tempo libero')
      await analyst.page.getByLabel('Nome (inglese)').fill('Sport and leisure')
      await analyst.page.getByLabel('Descrizione (italiano)').fill('Impianti, corsi e manifestazioni.')
      await analyst.page.getByLabel('Descrizione (inglese)').fill('Sports centres, courses and events.')
      await analyst.page.getByRole('button', { name: 'Aggiungi l’argomento' }).click()
      const topicRow = analyst.page
        .getByTestId('topics-table')
        .locator('tr', { hasText: 'Sport e tempo libero' })
      await topicRow.getByRole('button', { name: /^Ritira/ }).click()
      await topicRow.getByRole('button', { name: /^Riattiva/ }).waitFor()
      const subject = `Cantieri di dicembre ${Date.now()}`
      const form = analyst.page.getByTestId('campaign-form')
      await form.getByLabel('Oggetto (italiano)').fill(subject)
      await form.getByLabel('Testo (italiano)').fill('I **lavori** in corso questo mese.')
      await form.locator('label', { hasText: /^Mobilità e traffico/ }).click()
      await expectNoAccessibilityViolations(analyst.page, 'the campaigns page')
      await form.getByRole('button', { name: 'Salva la bozza' }).click()
      await expectHeading(analyst.page, subject)
      expect(await analyst.page.locator('.civico-message-body strong').textContent()).toBe('lavori')
      await analyst.page.getByRole('button', { name: 'Invia la campagna' }).click()
      const dialog = analyst.page.getByTestId('send-dialog')
      await dialog.getByRole('button', { name: 'Invia ora' }).click()
      await analyst.page
        .getByTestId('campaign-status')
        .filter({ hasText: 'Inviata' })
        .waitFor({ timeout: 30_000 })
      const sent = analyst.page.getByTestId('campaign-counts').locator('[data-count="sent"] dd')
      expect(Number((await sent.textContent())?.replace(/\D/g, ''))).toBeGreaterThanOrEqual(1)
      await expectNoAccessibilityViolations(analyst.page, 'a sent campaign')
      await saveScreenshot(analyst.page, 'newsletter-campaign')

      // The reader's copy carries the unsubscribe link; leaving takes one click.
      const campaignMail = await readOutbox(email, (message) => message.subject === subject)
      await reader.page.goto(linkIn(campaignMail.text, '/informami/disiscrizione'))
      await expectHeading(reader.page, 'Annulla l’iscrizione')
      await reader.page
        .getByText(/^Vuoi smettere di ricevere Informami all’indirizzo l•••@example\.it/)
        .waitFor()
      await expectNoAccessibilityViolations(reader.page, 'the unsubscribe page at 360 px')
      await reader.page.getByRole('button', { name: 'Annulla l’iscrizione' }).click()
      await reader.page.getByTestId('newsletter-unsubscribed').waitFor()

      await analyst.page.reload()
      await analyst.page
        .getByTestId('campaign-counts')
        .locator('[data-count="unsubscribed"] dd')
        .filter({ hasText: '1' })
        .waitFor()
      expectNoPageProblems(reader.problems)
      expectNoPageProblems(analyst.problems)
    } finally {
      await reader.context.close()
      await analyst.context.close()
    }
  })
})
