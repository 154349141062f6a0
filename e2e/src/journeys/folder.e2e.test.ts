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
import { ADA_LOVELACE, GAIO_GIULIO_CESARE, STAFF, signInAsCitizen, signInAsStaff } from '../support/sign-in'

/** The folder's sections as the personal home lists them, with the heading each page shows. */
const SECTIONS = [
  { id: 'personal-data', heading: 'I miei dati', content: 'personal-data' },
  { id: 'family', heading: 'I miei familiari', content: 'family-list' },
  { id: 'documents', heading: 'Documenti', content: 'section-documents' },
  { id: 'education', heading: 'Educazione e Istruzione', content: 'section-education' },
  { id: 'mobility', heading: 'Mobilità', content: 'section-mobility' },
  { id: 'properties', heading: 'Immobili', content: 'section-properties' },
  { id: 'isee', heading: 'ISEE', content: 'section-isee' },
  { id: 'libraries', heading: 'Biblioteche', content: 'section-libraries' },
  { id: 'digital-domicile', heading: 'Domicilio digitale', content: 'section-digital-domicile' },
  { id: 'email-notifications', heading: 'Notifiche via mail', content: 'section-email-notifications' },
] as const

async function noSpinner(page: Page): Promise<void> {
  await page.waitForFunction(() => !document.querySelector('[role="status"] .progress-spinner'))
}

async function expectNoSidewaysScrolling(page: Page, where: string): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
  expect(overflow, `${where} is wider than the screen`).toBeLessThanOrEqual(0)
}

describe('the citizen folder', () => {
  let browser: Browser

  beforeAll(async () => {
    browser = await launchBrowser()
  })

  afterAll(async () => {
    await browser?.close()
  })

  it('opens every section of one’s own folder on a 360 px phone, axe clean', async () => {
    const { page, problems, close } = await openJourneyPage(browser, baseUrl(), { width: PHONE_WIDTH })
    try {
      await signInAsCitizen(page, { name: ADA_LOVELACE.name, level: '2' })
      await expectHeading(page, 'Area personale')
      const overview = page.getByTestId('folder-overview')
      await overview.getByTestId('folder-sections').waitFor()
      const tiles = overview.locator('[data-section]')
      expect(
        await tiles.evaluateAll((links) => links.map((link) => link.getAttribute('data-section'))),
      ).toEqual(SECTIONS.map((section) => section.id))
      // The seeded test citizen has something in every section that holds records.
      expect(
        await overview.locator('[data-section="mobility"] .civico-folder-tile-count').textContent(),
      ).toMatch(/^[1-9]\d* element/)
      await noSpinner(page)
      await expectNoAccessibilityViolations(page, 'the personal home at 360 px')
      await saveScreenshot(page, 'folder-home')

      for (const section of SECTIONS) {
        await page.goto('/area-personale')
        await overview.locator(`[data-section="${section.id}"]`).click()
        await expectHeading(page, section.heading)
        await page.getByTestId(section.content).waitFor()
        await noSpinner(page)
        await expectNoAccessibilityViolations(page, `the ${section.heading} page at 360 px`)
        await expectNoSidewaysScrolling(page, `the ${section.heading} page`)
        await saveScreenshot(page, `folder-${section.id}`)
      }

      // Documents show the identity card with its number and a status when it runs out.
      await page.goto('/area-personale/fascicolo/documenti')
      const card = page.getByTestId('record-identity-card').first()
      await card.waitFor()
      expect(await card.textContent()).toMatch(/Numero(CA\d{5}[A-Z]{2}|A[A-Z]\d{7})/)
      expectNoPageProblems(problems)
    } finally {
      await close()
    }
  })

  it('opens a minor child’s folder from the family page, and refuses another family’s child by URL', async () => {
    const ada = await openJourneyPage(browser, baseUrl(), { width: PHONE_WIDTH })
    const gaio = await openJourneyPage(browser, baseUrl(), { width: DESKTOP_WIDTH })
    try {
      await signInAsCitizen(ada.page, {
        name: ADA_LOVELACE.name,
        level: '2',
        returnTo: '/area-personale/fascicolo/i-miei-familiari',
      })
      await expectHeading(ada.page, 'I miei familiari')
      const open = ada.page.getByRole('link', { name: /^Apri il fascicolo di / })
      await open.waitFor()
      await open.click()
      await ada.page.waitForURL(/\/area-personale\/familiari\/[A-Z0-9]{16}$/)
      const childCode = ada.page.url().split('/').at(-1) ?? ''
      await ada.page.getByTestId('personal-data').waitFor()
      const heading = (await ada.page.locator('h1').textContent()) ?? ''
      expect(heading).toMatch(/^Fascicolo di .+ Lovelace$/)
      expect(await ada.page.getByTestId('personal-data').textContent()).toContain(childCode)
      await noSpinner(ada.page)
      await expectNoAccessibilityViolations(ada.page, 'a child’s folder')
      await saveScreenshot(ada.page, 'folder-child')

      await ada.page.locator('[data-section="education"]').click()
      await expectHeading(ada.page, `Educazione e Istruzione – ${heading.replace('Fascicolo di ', '')}`)
      await ada.page.getByTestId('record-school-enrolment').waitFor()
      await expectNoAccessibilityViolations(ada.page, 'a child’s school enrolments')
      expectNoPageProblems(ada.problems)

      // Gaio Giulio Cesare is no parent of Ada's son: the same address shows a refusal, no data.
      await signInAsCitizen(gaio.page, { name: GAIO_GIULIO_CESARE.name, level: '2' })
      await gaio.page.goto(`/area-personale/familiari/${childCode}`)
      const refusal = gaio.page.getByText('Non puoi vedere il fascicolo di questa persona')
      await refusal.waitFor()
      expect(await gaio.page.getByTestId('personal-data').count()).toBe(0)
      await expectNoAccessibilityViolations(gaio.page, 'a refused folder')
      forgetExpectedRefusals(gaio.problems, [{ status: 403, path: '/api/v1/folder/people/' }])
      expectNoPageProblems(gaio.problems)
    } finally {
      await ada.close()
      await gaio.close()
    }
  })

  it('shows deadlines and reaches the top tasks from the phone’s bottom bar', async () => {
    const { page, problems, close } = await openJourneyPage(browser, baseUrl(), { width: PHONE_WIDTH })
    try {
      await signInAsCitizen(page, { name: ADA_LOVELACE.name, level: '2' })
      const bar = page.getByTestId('bottom-navigation')
      await bar.waitFor()
      expect(await bar.getByRole('link').allTextContents()).toEqual([
        'Home',
        'Scadenze',
        'Scrivi',
        'Impostazioni',
      ])

      await bar.getByRole('link', { name: 'Scadenze' }).click()
      await page.locator('[role="tab"][aria-selected="true"]', { hasText: 'Scadenze' }).waitFor()
      await page.getByTestId('deadline-list').or(page.getByText('Nessuna scadenza')).first().waitFor()
      await bar.locator('a[aria-current="page"]', { hasText: 'Scadenze' }).waitFor()
      await noSpinner(page)
      await expectNoAccessibilityViolations(page, 'the deadlines tab')
      await saveScreenshot(page, 'folder-deadlines')

      await bar.getByRole('link', { name: 'Scrivi' }).click()
      await expectHeading(page, 'Scrivi al Comune')
      await expectNoAccessibilityViolations(page, 'the write-to-the-city page')
      await bar.getByRole('link', { name: 'Impostazioni' }).click()
      await expectHeading(page, 'Profilo')

      // From 768 px the header does the job and the bar goes away.
      await page.setViewportSize({ width: DESKTOP_WIDTH, height: 800 })
      expect(await bar.isVisible()).toBe(false)
      expectNoPageProblems(problems)
    } finally {
      await close()
    }
  })

  it('is installable and keeps the folder readable offline, forgetting it at sign-out', async () => {
    const { page, context, problems, close } = await openJourneyPage(browser, baseUrl(), {
      width: PHONE_WIDTH,
    })
    try {
      const manifest = await (await page.request.get('/manifest.webmanifest')).json()
      expect(manifest).toMatchObject({ display: 'standalone', start_url: '/area-personale' })
      expect(manifest.icons.map((icon: { sizes: string }) => icon.sizes)).toEqual(
        expect.arrayContaining(['192x192', '512x512']),
      )
      await signInAsCitizen(page, { name: ADA_LOVELACE.name, level: '2' })
      await page.getByTestId('folder-sections').waitFor()
      await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined))
      // The first visit installs the worker; a reload lets it see the folder's answers.
      await page.reload()
      await page.getByTestId('folder-sections').waitFor()
      await page.goto('/area-personale/fascicolo/i-miei-dati')
      await page.getByTestId('personal-data').waitFor()

      await context.setOffline(true)
      await page.reload()
      await page.getByTestId('offline-notice').waitFor()
      await page.getByTestId('personal-data').waitFor()
      expect(await page.getByTestId('personal-data').textContent()).toContain(ADA_LOVELACE.fiscalCode)
      await context.setOffline(false)

      await page.goto('/area-personale')
      await page.getByTestId('user-menu-button').click()
      await page.getByRole('button', { name: 'Esci', exact: true }).click()
      await page.waitForURL((url) => url.pathname === '/')
      await page.waitForFunction(async () => !(await caches.has('civico-data')))
      problems.failedRequests = problems.failedRequests.filter(
        (line) => !line.includes('ERR_INTERNET_DISCONNECTED'),
      )
      problems.consoleErrors = problems.consoleErrors.filter(
        (line) => !line.includes('ERR_INTERNET_DISCONNECTED'),
      )
      expectNoPageProblems(problems)
    } finally {
      await close()
    }
  })

  it('lets an operator open a citizen’s folder with a reason', async () => {
    const { page, problems, close } = await openJourneyPage(browser, baseUrl(), { width: DESKTOP_WIDTH })
    try {
      await page.goto('/backoffice')
      await signInAsStaff(page, STAFF.operator)
      await page.goto('/backoffice/fascicolo')
      await expectHeading(page, 'Fascicolo del cittadino')
      await page.getByLabel('Codice fiscale').fill(ADA_LOVELACE.fiscalCode.toLowerCase())
      await page.getByLabel('Motivo della consultazione').fill('Telefonata al contact center')
      await page.getByRole('button', { name: 'Apri il fascicolo' }).click()
      await page.getByTestId('staff-folder').waitFor()
      expect(await page.getByTestId('personal-data').textContent()).toContain(ADA_LOVELACE.fiscalCode)
      await page.getByTestId('section-mobility').waitFor()
      await noSpinner(page)
      await expectNoAccessibilityViolations(page, 'the operator’s folder view')
      await saveScreenshot(page, 'back-office-folder')
      expectNoPageProblems(problems)
    } finally {
      await close()
    }
  })
})
