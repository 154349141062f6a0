import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DESKTOP_WIDTH, launchBrowser, openJourneyPage, PHONE_WIDTH } from '../support/browser'
import {
  baseUrl,
  describeFocus,
  expectHeading,
  expectNoAccessibilityViolations,
  expectNoPageProblems,
  fetchCity,
  type PublicCity,
} from '../support/journey'
import { saveScreenshot } from '../support/screenshots'

/** data-element attributes the national validator of municipal websites looks for on every page. */
const REQUIRED_DATA_ELEMENTS = [
  'personal-area-login',
  'main-navigation',
  'all-services',
  'privacy-policy-link',
  'accessibility-link',
  'report-inefficiency',
  'faq',
]

describe('home page', () => {
  let browser: Browser
  let city: PublicCity

  beforeAll(async () => {
    browser = await launchBrowser()
    city = await fetchCity()
  })

  afterAll(async () => {
    await browser?.close()
  })

  it('shows the city, the municipal header and footer, and passes axe on a desktop', async () => {
    const { page, problems, close } = await openJourneyPage(browser, baseUrl(), { width: DESKTOP_WIDTH })
    try {
      await page.goto('/')
      const cityLabel = `Comune di ${city.name}`
      await page.getByTestId('city-name').filter({ hasText: cityLabel }).waitFor()
      await expectHeading(page, cityLabel)
      expect(await page.title()).toBe(`Home - ${cityLabel}`)
      expect(await page.locator('html').getAttribute('lang')).toBe('it')

      for (const element of REQUIRED_DATA_ELEMENTS) {
        const matches = page.locator(`[data-element="${element}"]`)
        expect(await matches.count(), `data-element="${element}"`).toBeGreaterThan(0)
        expect(await matches.first().isVisible(), `data-element="${element}" is visible`).toBe(true)
      }
      expect(await page.locator('[data-element="personal-area-login"]').getAttribute('href')).toBe('/login')
      expect(await page.locator('[data-element="main-navigation"] a').allTextContents()).toEqual([
        'Amministrazione',
        'Novità',
        'Servizi',
        'Vivere il Comune',
      ])

      const demoNotice = page.getByTestId('demo-notice')
      expect(await demoNotice.isVisible()).toBe(city.demo)
      if (city.demo) expect(await demoNotice.textContent()).toContain('Ambiente dimostrativo: dati sintetici')

      // The skip links come before anything else a keyboard can reach.
      await page.keyboard.press('Tab')
      expect(await describeFocus(page)).toMatchObject({
        tag: 'a',
        text: 'Vai al contenuto',
        href: '#main-container',
      })
      await page.keyboard.press('Tab')
      expect(await describeFocus(page)).toMatchObject({ tag: 'a', text: 'Vai al footer', href: '#footer' })

      expect(await page.getByRole('heading', { name: 'Servizi in evidenza' }).isVisible()).toBe(true)
      const featured = page.getByTestId('featured-services').locator('[data-element="service-link"]')
      await featured.first().waitFor()
      expect(await featured.count()).toBeGreaterThanOrEqual(6)

      await expectNoAccessibilityViolations(page, 'the home page at 1280 px')
      await saveScreenshot(page, 'home')
      expectNoPageProblems(problems)
    } finally {
      await close()
    }
  })

  it('switches the whole interface to English and back, and remembers the choice', async () => {
    const { page, problems, close } = await openJourneyPage(browser, baseUrl(), { width: DESKTOP_WIDTH })
    try {
      await page.goto('/')
      await page.getByTestId('city-name').filter({ hasText: city.name }).waitFor()
      const navigation = page.locator('[data-element="main-navigation"]')

      await page.getByRole('button', { name: /^EN/ }).click()
      await page.locator('html[lang="en"]').waitFor({ state: 'attached' })
      expect(await navigation.locator('a').allTextContents()).toEqual([
        'Administration',
        'News',
        'Services',
        'Living in the city',
      ])
      await expectHeading(page, `City of ${city.name}`)
      expect(await page.locator('[data-element="personal-area-login"]').textContent()).toContain(
        'Sign in to your personal area',
      )
      expect(await page.locator('[data-element="faq"]').textContent()).toBe('Read the FAQ')
      expect(await page.title()).toBe(`Home - City of ${city.name}`)
      expect(await page.getByRole('button', { name: /^EN/ }).getAttribute('aria-pressed')).toBe('true')
      if (city.demo) {
        expect(await page.getByTestId('demo-notice').textContent()).toContain(
          'Demo environment: synthetic data',
        )
      }
      expect(await page.evaluate(() => window.localStorage.getItem('civico.lang'))).toBe('en')
      await expectNoAccessibilityViolations(page, 'the home page in English')

      // A new visit keeps the language chosen last time.
      await page.reload()
      await page.locator('html[lang="en"]').waitFor({ state: 'attached' })
      expect(await navigation.locator('a').nth(2).textContent()).toBe('Services')

      await page.getByRole('button', { name: /^IT/ }).click()
      await page.locator('html[lang="it"]').waitFor({ state: 'attached' })
      expect(await navigation.locator('a').nth(2).textContent()).toBe('Servizi')
      await expectHeading(page, `Comune di ${city.name}`)
      expect(await page.evaluate(() => window.localStorage.getItem('civico.lang'))).toBe('it')
      expectNoPageProblems(problems)
    } finally {
      await close()
    }
  })

  it('works on a 360 px phone: no sideways scrolling, top tasks one tap away, menu in a panel', async () => {
    const { page, problems, close } = await openJourneyPage(browser, baseUrl(), { width: PHONE_WIDTH })
    try {
      await page.goto('/')
      await page.getByTestId('city-name').filter({ hasText: city.name }).waitFor()
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
      expect(overflow, 'the page is wider than the screen').toBeLessThanOrEqual(0)

      // The most requested tasks are links on the home page itself, within the first two screens.
      const quickAccess = page.getByRole('list', { name: 'Accesso rapido' })
      for (const name of [
        'Scarica un certificato',
        'Prenota un appuntamento',
        'Paga con pagoPA',
        'Fai una segnalazione',
      ]) {
        const link = quickAccess.getByRole('link', { name, exact: true })
        const box = await link.boundingBox()
        expect(box, `"${name}" is on the page`).not.toBeNull()
        expect(box!.y + box!.height, `"${name}" is near the top`).toBeLessThan(2 * 800)
        expect(box!.height, `"${name}" is big enough to tap`).toBeGreaterThanOrEqual(44)
      }

      await expectNoAccessibilityViolations(page, 'the home page at 360 px')
      await saveScreenshot(page, 'home')

      // The navigation lives behind the menu button on phones.
      const navigationLink = page.locator('[data-element="all-services"]')
      expect(await navigationLink.isVisible()).toBe(false)
      await page.getByRole('button', { name: 'Apri il menu di navigazione' }).click()
      await navigationLink.waitFor({ state: 'visible' })
      await expectNoAccessibilityViolations(page, 'the open menu at 360 px')
      await navigationLink.click()
      await page.waitForURL('**/servizi')
      await expectHeading(page, 'Servizi')
      expect(await navigationLink.isVisible()).toBe(false)
      expectNoPageProblems(problems)
    } finally {
      await close()
    }
  })

  it('leads from a featured service to its page', async () => {
    const { page, problems, close } = await openJourneyPage(browser, baseUrl(), { width: DESKTOP_WIDTH })
    try {
      await page.goto('/')
      await page
        .getByTestId('featured-services')
        .locator('[data-element="service-link"]', { hasText: 'Certificati anagrafici' })
        .click()
      await page.waitForURL('**/servizi/certificati-anagrafici')
      await expectHeading(page, 'Certificati anagrafici')
      await page.waitForFunction(() => document.title.startsWith('Certificati anagrafici - '))
      // After a client-side navigation, keyboard focus is on the new content.
      await page.waitForFunction(() => document.activeElement?.id === 'main-container')
      await expectNoAccessibilityViolations(page, 'a service page')
      expectNoPageProblems(problems)
    } finally {
      await close()
    }
  })
})
