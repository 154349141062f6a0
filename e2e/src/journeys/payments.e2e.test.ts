import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser, openJourneyPage, PHONE_WIDTH } from '../support/browser'
import {
  baseUrl,
  expectHeading,
  expectNoAccessibilityViolations,
  expectNoPageProblems,
} from '../support/journey'
import { saveScreenshot } from '../support/screenshots'
import { ADA_LOVELACE, signInAsCitizen } from '../support/sign-in'

describe('payments', () => {
  let browser: Browser

  beforeAll(async () => {
    browser = await launchBrowser()
  })

  afterAll(async () => {
    await browser?.close()
  })

  it('pays a TARI instalment through the sandbox after a failed and an abandoned attempt', async () => {
    const { page, context, problems } = await openJourneyPage(browser, baseUrl(), { width: PHONE_WIDTH })
    try {
      await signInAsCitizen(page, {
        name: ADA_LOVELACE.name,
        level: '2',
        returnTo: '/area-personale/pagamenti',
      })
      await expectHeading(page, 'Pagamenti')
      const position = page.locator('[data-position]', { hasText: /^TARI \d{4} – Tassa rifiuti/ })
      await position.waitFor()
      // The notice PDF, with its QR codes, downloads for the signed-in debtor.
      const href = (await position.getByTestId('notice-pdf').getAttribute('href')) as string
      const pdf = await page.request.get(href)
      expect(pdf.status()).toBe(200)
      expect(pdf.headers()['content-type']).toBe('application/pdf')
      expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-')
      await expectNoAccessibilityViolations(page, 'the payments page at 360 px')
      await saveScreenshot(page, 'payments')

      const choose = async () => {
        await position.locator('label', { hasText: /^Rata 1/ }).click()
        await page.getByText('1 avviso scelto: 82,00 €').waitFor()
        await page.getByRole('button', { name: 'Paga con pagoPA' }).click()
        await page.waitForURL('**/sandbox/checkout/**')
        await expectHeading(page, 'Pagamento di prova')
      }

      // A failed payment and an abandoned one leave the instalment to pay.
      await choose()
      await expectNoAccessibilityViolations(page, 'the sandbox checkout')
      await page.getByRole('button', { name: 'Simula un errore' }).click()
      await page.getByTestId('payment-outcome').filter({ hasText: 'non è andato a buon fine' }).waitFor()
      await choose()
      await page.getByRole('button', { name: 'Annulla' }).click()
      await page.getByTestId('payment-outcome').filter({ hasText: 'Pagamento annullato' }).waitFor()
      expect(await position.getByTestId('paid-options').count()).toBe(0)

      // Paying it: the instalment moves to the paid list, the single payment is no longer offered.
      await choose()
      await page.getByRole('button', { name: /^Paga 82,00/ }).click()
      await page.getByTestId('payment-outcome').filter({ hasText: 'Pagamento completato' }).waitFor()
      await position
        .getByTestId('paid-options')
        .filter({ hasText: /Rata 1/ })
        .waitFor()
      expect(await position.getByText('Pagato il', { exact: false }).count()).toBe(1)
      expect(await position.locator('label', { hasText: /^Unica soluzione/ }).count()).toBe(0)
      expect(await position.getByText('Pagato in parte').count()).toBe(1)
      await expectNoAccessibilityViolations(page, 'the payments page after paying')
      await saveScreenshot(page, 'payments-paid')

      // The receipt and the printable list download as PDFs.
      for (const link of [
        position.getByTestId('option-receipt-pdf'),
        page.getByTestId('payments-list-pdf'),
      ]) {
        const download = await page.request.get((await link.getAttribute('href')) as string)
        expect(download.status()).toBe(200)
        expect(download.headers()['content-type']).toBe('application/pdf')
      }

      // Documenti keeps the receipt.
      await page.goto(`${baseUrl()}/area-personale/fascicolo/documenti`)
      const receipt = page
        .getByTestId('receipts-list')
        .getByRole('listitem')
        .filter({ hasText: /rata 1/ })
      await receipt.waitFor()
      expect(await receipt.getByText('82,00 € pagati il', { exact: false }).count()).toBe(1)
      await expectNoAccessibilityViolations(page, 'Documenti with a receipt')

      // Scadenze lists the instalments still to pay, not the paid one, and gives a calendar address.
      await page.goto(`${baseUrl()}/area-personale?sezione=deadlines`)
      const deadlines = page.getByTestId('deadline-list')
      await deadlines.locator('[data-source="payments"]', { hasText: /rata 2/ }).waitFor()
      expect(await deadlines.locator('[data-source="payments"]', { hasText: /rata 1/ }).count()).toBe(0)
      await page.getByTestId('feed-create').click()
      const address = page.getByTestId('feed-address').getByRole('textbox')
      await address.waitFor()
      const feed = await page.request.get(await address.inputValue())
      expect(feed.status()).toBe(200)
      expect(feed.headers()['content-type']).toBe('text/calendar; charset=utf-8')
      expect(await feed.text()).toMatch(/SUMMARY:Da pagare: TARI \d{4} – Tassa rifiuti – rata 2/)
      await expectNoAccessibilityViolations(page, 'Scadenze with the calendar address')
      await saveScreenshot(page, 'deadlines')
      expectNoPageProblems(problems)
    } finally {
      await context.close()
    }
  })
})
