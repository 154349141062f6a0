import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { forgetExpectedRefusals, launchBrowser, openJourneyPage, PHONE_WIDTH } from '../support/browser'
import {
  baseUrl,
  expectHeading,
  expectNoAccessibilityViolations,
  expectNoPageProblems,
} from '../support/journey'
import { saveScreenshot } from '../support/screenshots'
import { ADA_LOVELACE, signInAsCitizen } from '../support/sign-in'

/** A marca da bollo nobody has used: 13 digits of the clock and one of the test's own. */
const freshStampId = (suffix: number) => `${Date.now()}${suffix}`.slice(-14).padStart(14, '0')

const romeToday = () =>
  new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Rome',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(Date.now())

/** Bootstrap Italia draws its own radios and checkboxes over the input: a person taps the label. */
const chooseLabel = (page: Page, text: string) =>
  page
    .locator('label', {
      hasText: new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s')}$`),
    })
    .click()

const next = (page: Page) => page.getByRole('button', { name: 'Avanti', exact: true }).click()

async function waitForStep(page: Page, step: string): Promise<void> {
  await page.locator(`[data-testid="certificate-request"][data-step="${step}"]`).waitFor()
}

/** Steps 1–3 of the form for a certificate with stamp duty, ending on the summary. */
async function fillRequest(
  page: Page,
  options: { type: string; purpose: string; stamp: { declared: string } | 'pay'; forChild?: boolean },
): Promise<void> {
  await waitForStep(page, 'what')
  await chooseLabel(page, options.type)
  if (options.forChild) await page.locator('label', { hasText: /, minorenne della tua famiglia$/ }).click()
  await next(page)
  await waitForStep(page, 'details')
  await page.getByLabel('Uso a cui è destinato').fill(options.purpose)
  await next(page)
  await waitForStep(page, 'stamp')
  if (options.stamp === 'pay') {
    await chooseLabel(page, 'Pago 16,00 € online con pagoPA')
  } else {
    await chooseLabel(page, 'Ho già una marca da bollo')
    await page.getByLabel('Identificativo della marca da bollo').fill(options.stamp.declared)
    await page.getByLabel('Data di emissione della marca').fill(romeToday())
  }
  await next(page)
  await waitForStep(page, 'summary')
}

const confirm = (page: Page) => page.getByRole('button', { name: 'Conferma e richiedi' }).click()

async function expectPdf(page: Page, href: string): Promise<Buffer> {
  const response = await page.request.get(href)
  expect(response.status()).toBe(200)
  expect(response.headers()['content-type']).toBe('application/pdf')
  const body = await response.body()
  expect(body.subarray(0, 5).toString()).toBe('%PDF-')
  return body
}

describe('registry certificates', () => {
  let browser: Browser

  beforeAll(async () => {
    browser = await launchBrowser()
  })

  afterAll(async () => {
    await browser?.close()
  })

  it('issues a residence certificate with a declared stamp, and verifies it and its copies', async () => {
    const { page, context, problems } = await openJourneyPage(browser, baseUrl(), { width: PHONE_WIDTH })
    try {
      await signInAsCitizen(page, {
        name: ADA_LOVELACE.name,
        level: '2',
        returnTo: '/area-personale/fascicolo/documenti',
      })
      await expectHeading(page, 'Documenti')
      await page.getByTestId('section-documents').waitFor()

      // From the service page, its "Richiedi un certificato" opens the request form.
      await page.goto('/servizi/certificati-anagrafici')
      await page.getByRole('link', { name: 'Richiedi un certificato' }).first().click()
      await page.waitForURL('**/area-personale/certificati')
      await expectHeading(page, 'Richiedi un certificato')
      await waitForStep(page, 'what')
      expect(await page.getByTestId('step-indicator').textContent()).toContain('Passo 1 di 4')
      // Continuing without a choice says what is missing.
      await next(page)
      await page.getByText('Scegli il certificato.').waitFor()
      await chooseLabel(page, 'Certificato di residenza')
      expect(await page.getByLabel('Per me (Ada Lovelace)').isChecked()).toBe(true)
      await expectNoAccessibilityViolations(page, 'the certificate request at 360 px')
      await saveScreenshot(page, 'certificate-request')
      await next(page)

      await waitForStep(page, 'details')
      await page.getByLabel('Uso a cui è destinato').fill('Iscrizione all’asilo nido')
      await chooseLabel(page, "Solo per l'estero")
      await next(page)

      // The stamp's 14 digits are checked before anything is sent.
      await waitForStep(page, 'stamp')
      const stampId = freshStampId(1)
      await chooseLabel(page, 'Ho già una marca da bollo')
      await page.getByLabel('Identificativo della marca da bollo').fill(stampId.slice(1))
      await page.getByLabel('Data di emissione della marca').fill(romeToday())
      await next(page)
      await page.getByText("L'identificativo della marca è fatto di 14 cifre.").waitFor()
      await expectNoAccessibilityViolations(page, 'the stamp duty step with an error')
      await saveScreenshot(page, 'certificate-request-stamp')
      await page.getByLabel('Identificativo della marca da bollo').fill(stampId)
      await next(page)

      await waitForStep(page, 'summary')
      const summary = page.getByTestId('certificate-summary')
      expect(await summary.textContent()).toContain(`Marca n. ${stampId}`)
      expect(await summary.textContent()).toContain('Certificato di residenza')
      await expectNoAccessibilityViolations(page, 'the request summary')
      await saveScreenshot(page, 'certificate-request-summary')
      await confirm(page)

      const issued = page.getByTestId('certificate-issued')
      await issued.waitFor()
      await page.getByText(/protocollo n\. \d{4}\/\d{6}/).waitFor()
      await expectNoAccessibilityViolations(page, 'the issued certificate')
      await saveScreenshot(page, 'certificate-issued')
      const pdf = await expectPdf(
        page,
        (await page.getByTestId('certificate-pdf').getAttribute('href')) as string,
      )

      // The verification page, as the QR code opens it.
      const verify = page.getByTestId('certificate-verify-link')
      await verify.waitFor()
      await verify.click()
      await page.waitForURL(/\/verifica\/[A-Z0-9]{12}$/)
      const code = page.url().split('/').at(-1) as string
      await expectHeading(page, `Verifica del certificato ${code}`)
      const verification = page.getByTestId('verification')
      await verification.waitFor()
      expect(await page.getByTestId('verification-status').textContent()).toBe('Valido')
      expect(await verification.textContent()).toContain('CERTIFICATO DI RESIDENZA')
      expect(await verification.textContent()).toContain('A*a L******e')
      await expectNoAccessibilityViolations(page, 'the verification page at 360 px')

      // The genuine PDF matches; one changed byte does not.
      const check = async (buffer: Buffer) => {
        await page
          .getByTestId('copy-file')
          .setInputFiles({ name: 'certificato.pdf', mimeType: 'application/pdf', buffer })
        await page.getByRole('button', { name: 'Controlla la copia' }).click()
        await page.getByTestId('copy-outcome').waitFor()
        return (await page.getByTestId('copy-outcome').textContent())?.trim()
      }
      expect(await check(pdf)).toBe('La copia corrisponde al certificato rilasciato.')
      await saveScreenshot(page, 'certificate-verification')
      const altered = Buffer.from(pdf)
      const middle = Math.floor(altered.length / 2)
      altered[middle] = (altered[middle] as number) ^ 0x01
      expect(await check(altered)).toBe('La copia NON corrisponde: il file è stato modificato.')
      await expectNoAccessibilityViolations(page, 'the verification page after a changed copy')

      // Documenti keeps it, with its download and verification links.
      await page.goto('/area-personale/fascicolo/documenti')
      const item = page
        .getByTestId('certificate-item')
        .filter({ has: page.locator(`a[href="/verifica/${code}"]`) })
      await item.first().waitFor()
      expect(await item.first().getByTestId('certificate-status').textContent()).toBe('Rilasciato')
      await expectPdf(
        page,
        (await item.first().getByTestId('certificate-item-pdf').getAttribute('href')) as string,
      )
      await expectNoAccessibilityViolations(page, 'Documenti with a certificate')
      await saveScreenshot(page, 'documents-certificates')
      expectNoPageProblems(problems)
    } finally {
      await context.close()
    }
  })

  it('issues a certificate once its stamp duty is paid through the sandbox', async () => {
    const { page, context, problems } = await openJourneyPage(browser, baseUrl(), { width: PHONE_WIDTH })
    try {
      await signInAsCitizen(page, {
        name: ADA_LOVELACE.name,
        level: '2',
        returnTo: '/area-personale/certificati',
      })
      await expectHeading(page, 'Richiedi un certificato')
      await fillRequest(page, {
        type: 'Certificato di stato di famiglia',
        purpose: 'Domanda di contributo',
        stamp: 'pay',
        forChild: true,
      })
      const summary = (await page.getByTestId('certificate-summary').textContent()) ?? ''
      expect(summary).toMatch(/16,00\s€/)
      expect(summary).toContain('Byron Lovelace')
      await confirm(page)
      await page.getByTestId('certificate-awaiting-payment').waitFor()
      await expectNoAccessibilityViolations(page, 'the request awaiting payment')
      await saveScreenshot(page, 'certificate-awaiting-payment')

      await page.getByRole('button', { name: /^Paga 16,00\s€ con pagoPA$/ }).click()
      await page.waitForURL('**/sandbox/checkout/**')
      await expectHeading(page, 'Pagamento di prova')
      await page.getByRole('button', { name: /^Paga 16,00/ }).click()
      await page.waitForURL('**/area-personale/pagamenti**')
      await page.getByTestId('payment-outcome').filter({ hasText: 'Pagamento completato' }).waitFor()

      // A job issues it a moment after the receipt: Documenti shows it once it has.
      const deadline = Date.now() + 20_000
      const issued = page
        .getByTestId('certificate-item')
        .filter({ hasText: 'Certificato di stato di famiglia' })
        .and(page.locator('[data-status="issued"]'))
      for (;;) {
        await page.goto('/area-personale/fascicolo/documenti')
        await page.getByTestId('certificates-list').waitFor()
        if ((await issued.count()) > 0) break
        expect(Date.now(), 'the paid certificate was not issued within 20 s').toBeLessThan(deadline)
        await page.waitForTimeout(1_000)
      }
      // It is the child's: the list says for whom.
      expect(await issued.first().textContent()).toContain('Byron Lovelace')
      await expectPdf(
        page,
        (await issued.first().getByTestId('certificate-item-pdf').getAttribute('href')) as string,
      )
      await expectNoAccessibilityViolations(page, 'Documenti with the paid certificate')
      await saveScreenshot(page, 'documents-certificates-paid')
      expectNoPageProblems(problems)
    } finally {
      await context.close()
    }
  })

  it('shows why a request is refused, and that an unknown code certifies nothing', async () => {
    const { page, context, problems } = await openJourneyPage(browser, baseUrl(), { width: PHONE_WIDTH })
    try {
      await signInAsCitizen(page, {
        name: ADA_LOVELACE.name,
        level: '2',
        returnTo: '/area-personale/certificati',
      })
      // Ada is single, so the refusal tried here is a marca da bollo used twice.
      const stampId = freshStampId(3)
      await fillRequest(page, {
        type: 'Certificato di cittadinanza',
        purpose: 'Pratica consolare',
        stamp: { declared: stampId },
      })
      await confirm(page)
      await page.getByTestId('certificate-issued').waitFor()
      await page.getByRole('button', { name: 'Richiedi un altro certificato' }).click()
      await fillRequest(page, {
        type: 'Certificato di esistenza in vita',
        purpose: 'Pensione',
        stamp: { declared: stampId },
      })
      await confirm(page)
      const refusal = page.getByTestId('certificate-refusal')
      await refusal.waitFor()
      expect(await refusal.textContent()).toContain(
        'Questa marca da bollo è già stata usata per un altro certificato.',
      )
      await expectNoAccessibilityViolations(page, 'a refused request')
      await saveScreenshot(page, 'certificate-refused')

      await page.goto('/verifica/ZZZZZZZZZZZZ')
      await expectHeading(page, 'Verifica del certificato ZZZZZZZZZZZZ')
      await page.getByTestId('verification-unknown').waitFor()
      await page.getByText('Nessun certificato con questo codice').waitFor()
      await expectNoAccessibilityViolations(page, 'the verification of an unknown code')
      forgetExpectedRefusals(problems, [
        { status: 409, path: '/api/v1/certificates' },
        { status: 404, path: '/api/v1/certificates/verify/ZZZZZZZZZZZZ' },
      ])
      expectNoPageProblems(problems)
    } finally {
      await context.close()
    }
  })
})
