import type { Browser, Page } from 'playwright-core'
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
} from '../support/journey'
import { saveScreenshot } from '../support/screenshots'
import { STAFF, signInAsStaff } from '../support/sign-in'

const HEADER = 'iupd;codice_fiscale;nominativo;tipo;descrizione;rata;scadenza;importo'
/** Valid fiscal codes of no one the bundled identity provider signs in, so no citizen page changes. */
const DEBTOR = { fiscalCode: 'VRDLGU80A01H501Q', name: 'Luigi Verdi' }
const OTHER_DEBTOR = { fiscalCode: 'BNCLCU75C12F205G', name: 'Luca Bianchi' }

/** Text as read, with the no-break spaces euro amounts carry made plain. */
const plain = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim()

interface LookedUpOption {
  nav: string
  creditorFiscalCode: string
  amountCents: number
}

/** An API client of the payment system, made by an administrator, to send a receipt as pagoPA would. */
async function createReceiptsKey(browser: Browser): Promise<string> {
  const admin = await openJourneyPage(browser, baseUrl(), { width: DESKTOP_WIDTH })
  try {
    await signInAsStaff(admin.page, STAFF.admin)
    const session = await (await admin.page.request.get('/api/v1/session')).json()
    const created = await admin.page.request.post('/api/v1/admin/api-clients', {
      headers: { 'x-csrf-token': session.csrfToken },
      data: { name: `Nodo pagoPA ${Date.now()}`, scopes: ['payments:receipts'] },
    })
    expect(created.status()).toBe(201)
    return (await created.json()).key
  } finally {
    await admin.close()
  }
}

async function payNotice(page: Page, key: string, option: LookedUpOption): Promise<void> {
  const paid = await page.request.post('/api/v1/payments/receipts', {
    headers: { 'x-api-key': key },
    data: {
      receiptId: `e2e-${Date.now()}`,
      noticeNumber: option.nav,
      creditorFiscalCode: option.creditorFiscalCode,
      amountCents: option.amountCents,
      paidAt: new Date().toISOString(),
      payerFiscalCode: DEBTOR.fiscalCode,
      psp: 'Banca di prova',
    },
  })
  expect((await paid.json()).outcome).toBe('applied')
}

describe('payments office desk', () => {
  let browser: Browser

  beforeAll(async () => {
    browser = await launchBrowser()
  })

  afterAll(async () => {
    await browser?.close()
  })

  it('imports a roll after fixing a bad line, looks up the debtor and refunds a paid notice', async () => {
    const receiptsKey = await createReceiptsKey(browser)
    const { page, problems, close } = await openJourneyPage(browser, baseUrl(), { width: DESKTOP_WIDTH })
    const suffix = String(Date.now()).slice(-6)
    const source = `multe-${suffix}`
    const roll = (otherFiscalCode: string) =>
      Buffer.from(
        [
          HEADER,
          `MULTA-${suffix}-1;${DEBTOR.fiscalCode};${DEBTOR.name};fine;Verbale ${suffix}/1;0;2027-05-31;87,50`,
          `MULTA-${suffix}-2;${otherFiscalCode};${OTHER_DEBTOR.name};fine;Verbale ${suffix}/2;0;2027-05-31;41,00`,
        ].join('\n'),
      )
    try {
      await signInAsStaff(page, STAFF.supervisor)
      await page
        .getByTestId('payments-office-section')
        .getByRole('link', { name: 'Ufficio pagamenti' })
        .click()
      await expectHeading(page, 'Ufficio pagamenti')
      await page.waitForFunction(() => document.title.startsWith('Ufficio pagamenti - Back office - '))

      // A roll with one wrong fiscal code is refused whole, and the line is named with its reason.
      const form = page.getByTestId('roll-import-form')
      await form.getByLabel('Nome del ruolo').fill(source)
      const file = form.getByLabel('File CSV del ruolo')
      await file.setInputFiles({ name: 'multe.csv', mimeType: 'text/csv', buffer: roll('BNCLCU75C12F205X') })
      await form.getByRole('button', { name: 'Importa il ruolo' }).click()
      await page.getByTestId('roll-refused').waitFor()
      expect(await page.getByTestId('roll-refused').textContent()).toContain(
        'Il ruolo non è stato importato: 1 righe da correggere.',
      )
      expect(await page.getByTestId('roll-bad-lines').locator('li').allTextContents()).toEqual([
        'Riga 3: codice fiscale non valido',
      ])
      await expectNoAccessibilityViolations(page, 'the payments office with a refused roll')

      // Corrected, it goes in and heads the list of rolls with its total.
      await file.setInputFiles({
        name: 'multe.csv',
        mimeType: 'text/csv',
        buffer: roll(OTHER_DEBTOR.fiscalCode),
      })
      await form.getByRole('button', { name: 'Importa il ruolo' }).click()
      await page
        .getByTestId('roll-imported')
        .filter({ hasText: `Ruolo «${source}» importato: 2 posizioni e 2 avvisi di pagamento.` })
        .waitFor()
      expect(await page.getByTestId('roll-refused').count()).toBe(0)
      const row = page.getByTestId('rolls-table').getByRole('row', { name: new RegExp(source) })
      await row.waitFor()
      expect((await row.locator('td').allTextContents()).map(plain)).toEqual([
        '2',
        '2',
        '128,50 €',
        expect.any(String),
        STAFF.supervisor,
      ])

      // The rest on a phone: looking the debtor up shows the fine, still to pay.
      await page.setViewportSize({ width: PHONE_WIDTH, height: 800 })
      const search = page.getByTestId('position-search-form')
      const code = search.getByLabel('Codice fiscale o codice avviso')
      await code.fill(DEBTOR.fiscalCode.toLowerCase())
      await search.getByRole('button', { name: 'Cerca' }).click()
      await page
        .getByTestId('search-outcome')
        .filter({ hasText: `1 posizione trovata per ${DEBTOR.fiscalCode}` })
        .waitFor()
      const position = page.locator(`[data-position="MULTA-${suffix}-1"]`)
      expect(await position.textContent()).toContain(`${DEBTOR.name}, codice fiscale ${DEBTOR.fiscalCode}`)
      expect(await position.getByTestId('option-receipt').textContent()).toBe('Nessuna')
      expect(await position.getByTestId('refund-form').count()).toBe(0)

      // The notice is paid (a receipt from the payment system), then found again by its number.
      const lookedUp = await page.request.get(
        `/api/v1/staff/payments/positions?fiscalCode=${DEBTOR.fiscalCode}`,
      )
      const option = (await lookedUp.json())[0].options[0] as LookedUpOption
      await payNotice(page, receiptsKey, option)
      const printed = option.nav.replace(/(\d{4})(?=\d)/g, '$1 ')
      await code.fill(printed)
      await search.getByRole('button', { name: 'Cerca' }).click()
      await page
        .getByTestId('search-outcome')
        .filter({ hasText: `1 posizione trovata per ${printed}` })
        .waitFor()
      expect(plain(await position.getByTestId('option-receipt').textContent())).toMatch(
        /^87,50 € pagati il \d{1,2} \p{L}+ \d{4} tramite Banca di prova$/u,
      )

      // A refund too large is stopped at the form; a part of the amount is recorded and listed.
      const refund = position.getByTestId('refund-form')
      await refund.getByLabel('Importo del rimborso in euro').fill('100')
      await refund.getByLabel('Motivo').fill('Verbale annullato in autotutela')
      await refund.getByRole('button', { name: 'Registra il rimborso' }).click()
      await refund.getByText('Scrivi un importo in euro maggiore di zero e non oltre 87,50 €.').waitFor()
      await refund.getByLabel('Importo del rimborso in euro').fill('20,50')
      await refund.getByRole('button', { name: 'Registra il rimborso' }).click()
      await refund.getByText('Rimborso di 20,50 € registrato.').waitFor()
      await position
        .getByTestId('option-refunds')
        .filter({ hasText: /^20,50\s€ il \d{1,2} \p{L}+ \d{4}: Verbale annullato in autotutela$/u })
        .waitFor()
      expect(await refund.getByText('Al massimo 67,00 €, per esempio 12,50.').count()).toBe(1)

      await expectNoAccessibilityViolations(page, 'the payments office at 360 px')
      // Long codes wrap, and the rolls table scrolls in its own box: the page never scrolls sideways.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(PHONE_WIDTH)
      const shot = await saveScreenshot(page, 'payments-desk')
      await page.screenshot({ path: '/tmp/payments-desk-360.png', fullPage: true })
      expect(shot).toMatch(/payments-desk-360\.png$/)
      forgetExpectedRefusals(problems, [{ status: 400, path: '/api/v1/staff/payments/imports' }])
      expectNoPageProblems(problems)
    } finally {
      await close()
    }
  })

  it('keeps the desk from an operator', async () => {
    const { page, problems, close } = await openJourneyPage(browser, baseUrl(), { width: PHONE_WIDTH })
    try {
      await signInAsStaff(page, STAFF.operator)
      expect(await page.getByTestId('payments-office-section').count()).toBe(0)
      await page.goto('/backoffice/pagamenti')
      await expectHeading(page, 'Sezione riservata agli amministratori')
      expect(await page.getByTestId('roll-import-form').count()).toBe(0)
      expectNoPageProblems(problems)
    } finally {
      await close()
    }
  })
})
