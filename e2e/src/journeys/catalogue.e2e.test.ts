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

const PAGE_INDEX = [
  'A chi è rivolto',
  'Come fare',
  'Cosa serve',
  'Cosa si ottiene',
  'Tempi e scadenze',
  'Accedi al servizio',
  'Condizioni di servizio',
  'Contatti',
]

describe('the service catalogue', () => {
  let browser: Browser

  beforeAll(async () => {
    browser = await launchBrowser()
  })

  afterAll(async () => {
    await browser?.close()
  })

  it('finds a service by category and by search, and shows its modello Comuni page', async () => {
    const { page, problems, close } = await openJourneyPage(browser, baseUrl(), { width: PHONE_WIDTH })
    try {
      await page.goto('/servizi')
      await expectHeading(page, 'Servizi')
      await page.getByTestId('services-count').waitFor()
      await expectNoAccessibilityViolations(page, 'the catalogue at 360 px')
      await saveScreenshot(page, 'catalogue')

      await page
        .locator('[data-element="service-category-link"]', { hasText: 'Anagrafe e stato civile' })
        .click()
      await page.waitForURL('**/servizi?categoria=anagrafe-e-stato-civile')
      await page
        .getByTestId('services-count')
        .filter({ hasText: /^4 servizi/ })
        .waitFor()

      await page.getByTestId('services-page').getByLabel('Cerca un servizio').fill('residenza')
      await page.getByTestId('services-page').getByRole('button', { name: 'Cerca' }).click()
      const result = page.locator('[data-element="service-link"]', { hasText: 'Cambio di residenza' })
      await result.waitFor()
      await result.click()

      await expectHeading(page, 'Cambio di residenza')
      expect(await page.locator('[data-element="service-status"]').textContent()).toBe('Servizio attivo')
      expect(await page.locator('[data-element="service-description"]').textContent()).not.toBe('')
      const index = page.locator('[data-element="page-index"] a')
      expect(await index.allTextContents()).toEqual(PAGE_INDEX)
      const jsonLd = JSON.parse((await page.locator('script[data-element="metatag"]').textContent()) ?? '{}')
      expect(jsonLd['@type']).toBe('GovernmentService')
      await expectNoAccessibilityViolations(page, 'a service page at 360 px')
      await saveScreenshot(page, 'service-page')

      // The same page in English.
      await page.getByRole('button', { name: /^EN/ }).click()
      await expectHeading(page, 'Change of residence')
      expectNoPageProblems(problems)
    } finally {
      await close()
    }
  })

  it('remembers what a citizen saw and counts the visits for "I più visitati"', async () => {
    const { page, problems, close } = await openJourneyPage(browser, baseUrl(), { width: DESKTOP_WIDTH })
    try {
      // A visit is counted once its page has shown; each count is awaited before moving on.
      const counted = (slug: string) =>
        page.waitForResponse(
          (response) => response.url().endsWith(`/${slug}/views`) && response.status() === 204,
        )
      const libraries = counted('biblioteche')
      await signInAsCitizen(page, { name: ADA_LOVELACE.name, level: '2', returnTo: '/servizi/biblioteche' })
      await expectHeading(page, 'Biblioteche civiche')
      await libraries
      const areaC = counted('area-c')
      await page.goto('/servizi/area-c')
      await expectHeading(page, 'Area C')
      await areaC

      await page.goto('/')
      const recent = page.getByTestId('recent-services').locator('[data-element="service-link"]')
      await recent.first().waitFor()
      expect((await recent.allTextContents()).slice(0, 2)).toEqual(['Area C', 'Biblioteche civiche'])
      const mostVisited = page.getByTestId('most-visited').locator('[data-element="service-link"]')
      await mostVisited.first().waitFor()
      expect(await mostVisited.allTextContents()).toEqual(
        expect.arrayContaining(['Area C', 'Biblioteche civiche']),
      )
      await expectNoAccessibilityViolations(page, 'the home page of a signed-in citizen')
      expectNoPageProblems(problems)
    } finally {
      await close()
    }
  })

  it('lets a supervisor edit a service page in the back office, and the site shows it', async () => {
    const { page, problems, close } = await openJourneyPage(browser, baseUrl(), { width: DESKTOP_WIDTH })
    try {
      await page.goto('/backoffice')
      await signInAsStaff(page, STAFF.supervisor)
      await page.getByRole('link', { name: 'Servizi', exact: true }).click()
      await expectHeading(page, 'Catalogo dei servizi')
      await page.getByTestId('services-table').waitFor()
      await expectNoAccessibilityViolations(page, 'the catalogue editor list')
      await page.getByRole('link', { name: 'Concorsi pubblici' }).click()
      await expectHeading(page, 'Modifica «Concorsi pubblici»')
      const form = page.getByTestId('service-form')
      await form.getByLabel('Titolo in italiano').fill('Concorsi pubblici del Comune')
      await form.getByText('Mostra in evidenza nella home page').click()
      await form.getByLabel('Posizione in evidenza').fill('7')
      await expectNoAccessibilityViolations(page, 'the service editing form')
      await saveScreenshot(page, 'back-office-service-editor')
      await form.getByRole('button', { name: 'Salva le modifiche' }).click()
      await page.getByTestId('service-saved').waitFor()

      await page.goto('/servizi/concorsi-pubblici')
      await expectHeading(page, 'Concorsi pubblici del Comune')
      await page.goto('/')
      const featured = page.getByTestId('featured-services').locator('[data-element="service-link"]')
      await featured.first().waitFor()
      expect(await featured.allTextContents()).toContain('Concorsi pubblici del Comune')
      expectNoPageProblems(problems)
    } finally {
      await close()
    }
  })
})
