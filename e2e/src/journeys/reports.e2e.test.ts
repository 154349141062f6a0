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
  describeFocus,
  expectHeading,
  expectNoAccessibilityViolations,
  expectNoPageProblems,
} from '../support/journey'
import { saveScreenshot } from '../support/screenshots'
import { ADA_LOVELACE, GAIO_GIULIO_CESARE, readOneTimeCode, signInAsCitizen } from '../support/sign-in'

const REPORT_CODE = /^S\d{4}-[0-9A-Z]{6}$/

/** A demo category of the problem-report process, and a street of the demo city's list. */
const POTHOLE = { group: 'Segnalazioni in strada', name: 'Buca nella strada' }
const STREET = 'Via Dante'

/** A real 32×24 JPEG: the server decodes and re-encodes every photo. */
const JPEG = Buffer.from(
  '/9j/2wBDAA0JCgsKCA0LCgsODg0PEyAVExISEyccHhcgLikxMC4pLSwzOko+MzZGNywtQFdBRkxOUlNSMj5aYVpQYEpRUk//2wBDAQ4ODhMREyYVFSZPNS01T09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT0//wAARCAAYACADASIAAhEBAxEB/8QAFQABAQAAAAAAAAAAAAAAAAAAAAX/xAAUEAEAAAAAAAAAAAAAAAAAAAAA/8QAFQEBAQAAAAAAAAAAAAAAAAAAAAH/xAAUEQEAAAAAAAAAAAAAAAAAAAAA/9oADAMBAAIRAxEAPwCQAoAAAAAA/9k=',
  'base64',
)

const next = (page: Page) => page.getByTestId('report-next').click()

const waitForStep = (page: Page, step: string) =>
  page.locator(`[data-testid="report-form"][data-step="${step}"]`).waitFor()

async function expectStepHeadingFocused(page: Page, text: string): Promise<void> {
  await page.waitForFunction((expected) => document.activeElement?.textContent === expected, text)
  expect(await describeFocus(page)).toMatchObject({ tag: 'h2', text })
}

const expectPhoneWidth = async (page: Page) =>
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(PHONE_WIDTH)

/** The keyboard way to a place: the street list's search, then one of its results. */
async function chooseStreet(page: Page): Promise<void> {
  await page.getByTestId('address-search').fill('dante')
  await page.getByTestId('street-results').getByRole('button', { name: STREET }).click()
  await page.getByTestId('place-chosen').getByText('Punto indicato sulla mappa').waitFor()
  expect(await page.getByTestId('address-search').inputValue()).toBe(STREET)
}

async function choosePothole(page: Page): Promise<void> {
  const categories = page.getByTestId('report-categories')
  await categories.getByText(POTHOLE.group).waitFor()
  await categories.locator('label', { hasText: POTHOLE.name }).click()
}

describe('reporting a problem in the street', () => {
  let browser: Browser
  let code = ''
  const description = `Buca profonda davanti al civico 12, pericolosa per chi va in bicicletta (${Date.now()}).`

  beforeAll(async () => {
    browser = await launchBrowser()
  })

  afterAll(async () => {
    await browser?.close()
  })

  it('a citizen reports a pothole with a photo and finds it on its public page', async () => {
    const { page, problems, close } = await openJourneyPage(browser, baseUrl(), { width: PHONE_WIDTH })
    try {
      await signInAsCitizen(page, { name: ADA_LOVELACE.name, level: '2', returnTo: '/segnalazioni' })
      await expectHeading(page, 'Segnalazioni')
      await page.getByTestId('reports-map').locator('.leaflet-control-zoom-in').waitFor()
      await expectNoAccessibilityViolations(page, 'the reports list and map')
      await saveScreenshot(page, 'reports-list')
      await page.locator('[data-element="report-inefficiency"]').first().click()
      await page.waitForURL('**/segnalazioni/nuova')
      await expectHeading(page, 'Segnala un disservizio')

      // 1 Luogo: nothing chosen is caught; a tap on the map places a pin; the search sets the street.
      await waitForStep(page, 'place')
      expect(await page.getByTestId('step-indicator').textContent()).toContain('Passo 1 di 4')
      await next(page)
      await page
        .getByText('Indica il luogo: scegli una via, tocca la mappa o usa la tua posizione.')
        .waitFor()
      expect(await describeFocus(page)).toMatchObject({ tag: 'input' })
      await page.getByTestId('place-map').click()
      await page.getByTestId('place-map').locator('.civico-map-pin-place').waitFor()
      await page.getByTestId('place-chosen').getByText('Punto indicato sulla mappa').waitFor()
      await chooseStreet(page)
      await expectNoAccessibilityViolations(page, 'the place step')
      await expectPhoneWidth(page)
      await saveScreenshot(page, 'report-place')
      await next(page)

      // 2 Categoria: grouped; nobody has reported a pothole here yet.
      await waitForStep(page, 'category')
      await expectStepHeadingFocused(page, 'Di che problema si tratta?')
      await choosePothole(page)
      await expectNoAccessibilityViolations(page, 'the category step')
      expect(await page.getByTestId('nearby-reports').count()).toBe(0)
      await next(page)

      // 3 Descrizione: too short is caught; a file that is not a photo is refused here; one photo.
      await waitForStep(page, 'description')
      await expectStepHeadingFocused(page, 'Descrivi il problema')
      await page.getByLabel('Descrizione').fill('Buca')
      await next(page)
      await page.getByText('Descrivi il problema: da 10 a 4000 caratteri.').waitFor()
      await page.getByLabel('Descrizione').fill(description)
      await page.getByTestId('photo-input').setInputFiles([
        { name: 'note.txt', mimeType: 'text/plain', buffer: Buffer.from('non è una foto') },
        { name: 'buca.jpg', mimeType: 'image/jpeg', buffer: JPEG },
      ])
      await page.getByTestId('refused-photos').getByText('«note.txt» non è stata aggiunta').waitFor()
      await page.getByTestId('chosen-photos').getByRole('img', { name: 'Foto 1: buca.jpg' }).waitFor()
      await page.getByText('Puoi aggiungere ancora 2 foto.').waitFor()
      await expectNoAccessibilityViolations(page, 'the description step with a photo')
      await expectPhoneWidth(page)
      await saveScreenshot(page, 'report-description')
      await next(page)

      // 4 Riepilogo, then the report's number.
      await waitForStep(page, 'summary')
      const summary = (await page.getByTestId('report-summary').textContent()) ?? ''
      expect(summary).toContain(STREET)
      expect(summary).toContain(`${POTHOLE.group} › ${POTHOLE.name}`)
      expect(summary).toContain(description)
      expect(summary).toContain(ADA_LOVELACE.name)
      await expectNoAccessibilityViolations(page, 'the summary')
      await saveScreenshot(page, 'report-summary')
      await page.getByRole('button', { name: 'Invia la segnalazione' }).click()

      await page.getByTestId('report-confirmation').waitFor()
      await expectStepHeadingFocused(page, 'Segnalazione inviata')
      code = ((await page.getByTestId('report-code').textContent()) ?? '').trim()
      expect(code).toMatch(REPORT_CODE)
      // Filed as a request too: a signed-in citizen follows it from the personal area.
      expect(await page.getByTestId('to-ticket').getAttribute('href')).toMatch(
        /^\/area-personale\/richieste\/R\d{4}-/,
      )
      await expectNoAccessibilityViolations(page, 'the confirmation')
      await saveScreenshot(page, 'report-confirmation')

      // The public page: what, where, status, the photo's thumbnail, the history; nobody's name.
      await page.getByTestId('to-report').click()
      await page.waitForURL(`**/segnalazioni/${code}`)
      await expectHeading(page, `Segnalazione: ${POTHOLE.name}`)
      const facts = (await page.getByTestId('report-facts').textContent()) ?? ''
      expect(facts).toContain(code)
      expect(facts).toContain(STREET)
      expect(facts).toContain('Aperta')
      expect(await page.getByTestId('report-description').textContent()).toBe(description)
      const thumbnail = page.getByTestId('report-photos').getByRole('img')
      await thumbnail.waitFor()
      await page.waitForFunction(
        () =>
          (document.querySelector('[data-testid="report-photos"] img') as HTMLImageElement)?.naturalWidth > 0,
      )
      expect(await page.getByTestId('report-history').textContent()).toContain('Aperta')
      await page.getByTestId('report-map').locator('.civico-map-pin-place').waitFor()
      expect(await page.getByTestId('report-detail-page').textContent()).not.toContain(ADA_LOVELACE.name)
      await expectNoAccessibilityViolations(page, 'the public report page')
      await expectPhoneWidth(page)
      await saveScreenshot(page, 'report-page')

      // Back on the list, the report is in view with its link.
      await page.goto('/segnalazioni')
      const item = page.locator(`[data-testid="report-item"][data-code="${code}"]`)
      await item.waitFor()
      await page.getByTestId('reports-map').locator('.civico-map-pin-open').first().waitFor()
      await item.getByRole('link', { name: POTHOLE.name }).waitFor()
      // Closed reports only: the new one, open, leaves the list.
      await page.getByTestId('report-filters').locator('summary').click()
      // Bootstrap Italia draws its own boxes over the inputs: a person taps the labels.
      const filters = page.getByTestId('report-filters')
      for (const status of ['Aperta', 'In lavorazione', 'Chiusa']) {
        await filters.locator('label', { hasText: status }).click()
      }
      expect(await page.locator('#report-status-closed').isChecked()).toBe(true)
      expect(await page.locator('#report-status-open').isChecked()).toBe(false)
      await page.getByTestId('reports-empty').waitFor()
      await expectNoAccessibilityViolations(page, 'the list with its filters open')
      expectNoPageProblems(problems)
    } finally {
      await close()
    }
  })

  it('a second citizen at the same place is offered the report and adds their voice', async () => {
    expect(code, 'the first journey filed a report').toMatch(REPORT_CODE)
    const { page, problems, close } = await openJourneyPage(browser, baseUrl(), { width: PHONE_WIDTH })
    try {
      await signInAsCitizen(page, {
        name: GAIO_GIULIO_CESARE.name,
        level: '2',
        returnTo: '/segnalazioni/nuova',
      })
      await expectHeading(page, 'Segnala un disservizio')
      await waitForStep(page, 'place')
      await chooseStreet(page)
      await next(page)
      await waitForStep(page, 'category')
      await choosePothole(page)

      const offered = page.locator(`[data-testid="nearby-report"][data-code="${code}"]`)
      await offered.waitFor()
      expect(await offered.textContent()).toContain(STREET)
      const before = Number(/(\d+) sosteg/.exec((await offered.textContent()) ?? '')?.[1])
      await expectNoAccessibilityViolations(page, 'the category step with a nearby report')
      await expectPhoneWidth(page)
      await saveScreenshot(page, 'report-nearby')
      await offered.getByTestId('add-voice').click()

      await page.getByTestId('report-confirmation').waitFor()
      await expectStepHeadingFocused(page, 'Sostegno aggiunto')
      expect(((await page.getByTestId('report-code').textContent()) ?? '').trim()).toBe(code)
      await expectNoAccessibilityViolations(page, 'the support confirmation')
      await saveScreenshot(page, 'report-supported')

      await page.getByTestId('to-report').click()
      await page.waitForURL(`**/segnalazioni/${code}`)
      await page
        .getByTestId('report-supports')
        .getByText(`${before + 1} ${before + 1 === 1 ? 'persona' : 'persone'}`)
        .waitFor()
      expectNoPageProblems(problems)
    } finally {
      await close()
    }
  })

  it('shows the public page in English on a desktop, to anyone', async () => {
    expect(code, 'the first journey filed a report').toMatch(REPORT_CODE)
    const { page, problems, close } = await openJourneyPage(browser, baseUrl(), { width: DESKTOP_WIDTH })
    try {
      await page.goto(`/segnalazioni/${code}`)
      await expectHeading(page, `Segnalazione: ${POTHOLE.name}`)
      await page.getByRole('button', { name: /^EN/ }).click()
      await page.locator('html[lang="en"]').waitFor({ state: 'attached' })
      await expectHeading(page, 'Report: Pothole')
      expect(await page.getByTestId('report-facts').textContent()).toContain('Open')
      await expectNoAccessibilityViolations(page, 'the public report page in English')
      await saveScreenshot(page, 'report-page-en')
      await page.goto('/segnalazioni/S2026-ZZZZZZ')
      await page.getByTestId('report-missing').waitFor()
      await expectHeading(page, 'Report not found')
      forgetExpectedRefusals(problems, [{ status: 404, path: '/api/v1/reports/S2026-ZZZZZZ' }])
      expectNoPageProblems(problems)
    } finally {
      await close()
    }
  })

  it('a visitor without SPID reports with their position and an e-mail code', async () => {
    const { page, context, problems, close } = await openJourneyPage(browser, baseUrl(), {
      width: PHONE_WIDTH,
    })
    const email = `segnala-${Date.now()}@example.org`
    try {
      await page.goto('/segnalazioni/nuova')
      await expectHeading(page, 'Segnala un disservizio')
      expect(await page.getByTestId('step-indicator').textContent()).toContain('Passo 1 di 5')

      // The position refused says what to do instead; allowed, it places the pin on the nearest street.
      await page.getByTestId('use-my-position').click()
      await page.getByTestId('position-refused').waitFor()
      await expectNoAccessibilityViolations(page, 'the place step with the position refused')
      await context.grantPermissions(['geolocation'])
      await context.setGeolocation({ latitude: 45.4613, longitude: 9.1853 })
      await page.getByTestId('use-my-position').click()
      await page.getByTestId('place-chosen').getByText('Punto indicato sulla mappa').waitFor()
      await page.waitForFunction(
        () =>
          (document.querySelector('[data-testid="address-search"]') as HTMLInputElement)?.value ===
          'Via Torino',
      )
      await next(page)

      await waitForStep(page, 'category')
      const categories = page.getByTestId('report-categories')
      await categories.locator('label', { hasText: 'Lampione spento o guasto' }).click()
      await next(page)

      await waitForStep(page, 'description')
      await page.getByLabel('Descrizione').fill('Il lampione all’angolo è spento da tre sere.')
      await next(page)

      // Who reports: the e-mail address, proved with the code sent to it.
      await waitForStep(page, 'identity')
      await next(page)
      await page.getByTestId('identity-step').locator('.alert-danger').waitFor()
      await page.getByLabel('Indirizzo e-mail').fill(email)
      await page.getByRole('button', { name: 'Invia il codice' }).click()
      await page.getByLabel('Codice di verifica').fill(await readOneTimeCode(email))
      await page.getByRole('button', { name: 'Conferma il codice' }).click()
      await page.getByTestId('email-verified').waitFor()
      await expectNoAccessibilityViolations(page, 'the identity step, verified')
      await next(page)

      await waitForStep(page, 'summary')
      expect(await page.getByTestId('report-summary').textContent()).toContain(email)
      await saveScreenshot(page, 'report-summary-email')
      await page.getByRole('button', { name: 'Invia la segnalazione' }).click()
      await page.getByTestId('report-confirmation').waitFor()
      const filed = ((await page.getByTestId('report-code').textContent()) ?? '').trim()
      expect(filed).toMatch(REPORT_CODE)
      expect(await page.getByTestId('report-confirmation').textContent()).toContain('indirizzo confermato')
      await page.getByTestId('to-report').click()
      await expectHeading(page, 'Segnalazione: Lampione spento o guasto')
      expect(await page.getByTestId('report-detail-page').textContent()).not.toContain(email)
      expectNoPageProblems(problems)
    } finally {
      await close()
    }
  })
})
