import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DESKTOP_WIDTH, launchBrowser, openJourneyPage } from '../support/browser'
import {
  baseUrl,
  describeFocus,
  expectHeading,
  expectNoAccessibilityViolations,
  expectNoPageProblems,
  fetchCity,
  type PublicCity,
} from '../support/journey'
import { chooseCitizenAtDevProvider, GAIO_GIULIO_CESARE, useUserMenu } from '../support/sign-in'

describe('citizen sign-in, step-up and sign-out', () => {
  let browser: Browser
  let city: PublicCity

  beforeAll(async () => {
    browser = await launchBrowser()
    city = await fetchCity()
  })

  afterAll(async () => {
    await browser?.close()
  })

  it('signs in with SPID level 1, steps up to level 2 for payments, and signs out', async () => {
    const { page, problems, close } = await openJourneyPage(browser, baseUrl(), { width: DESKTOP_WIDTH })
    try {
      // From the header button to the login page of the municipal model.
      await page.goto('/')
      await page.locator('[data-element="personal-area-login"]').click()
      await page.waitForURL('**/login')
      await expectHeading(page, "Accedi all'area personale")
      await page.waitForFunction(
        (name: string) => document.title === `Accedi all'area personale - Comune di ${name}`,
        city.name,
      )
      expect(await page.getByTestId('spid-sign-in').textContent()).toBe('Entra con SPID')
      expect(await page.getByTestId('cie-sign-in').textContent()).toBe('Entra con CIE')
      expect(await page.getByRole('link', { name: 'Accesso operatori' }).getAttribute('href')).toBe(
        '/auth/staff/login?returnTo=%2Fbackoffice',
      )

      // SPID at level 1 through the bundled identity provider.
      const spidHref = await page.getByTestId('spid-sign-in').getAttribute('href')
      expect(spidHref).toBe('/auth/citizen/login?method=spid&level=1&returnTo=%2Farea-personale')
      await page.getByTestId('spid-sign-in').click()
      await chooseCitizenAtDevProvider(page, GAIO_GIULIO_CESARE.name, '1')
      await page.waitForURL('**/area-personale')
      await expectHeading(page, 'Area personale')
      await page.waitForFunction(() => document.title.startsWith('Area personale - '))
      expect(await page.getByTestId('user-menu-button').textContent()).toContain(GAIO_GIULIO_CESARE.name)
      expect(await page.locator('[data-element="personal-area-login"]').count()).toBe(0)
      const summary = page.getByTestId('person-summary')
      await summary.getByText(GAIO_GIULIO_CESARE.fiscalCode).waitFor()

      // The sections are tabs: arrow keys move between them, the panel follows.
      const tabs = page.getByRole('tab')
      // A tab may carry its unread count after the name (other journeys write to the test citizens).
      const tabNames = (await tabs.allTextContents()).map((text) => text.replace(/\d.*$/, ''))
      expect(tabNames).toEqual(['Notifiche', 'Appuntamenti', 'Pagamenti', 'Scadenze', 'Richieste'])
      await tabs.first().focus()
      await page.keyboard.press('ArrowRight')
      expect(await describeFocus(page)).toMatchObject({ tag: 'button', text: 'Appuntamenti' })
      await page.keyboard.press('ArrowRight')
      expect(await describeFocus(page)).toMatchObject({ tag: 'button', text: 'Pagamenti' })
      await page.locator('[role="tab"][aria-selected="true"]', { hasText: 'Pagamenti' }).waitFor()
      const panel = page.getByRole('tabpanel')
      await panel.getByText('Qui troverai i tuoi pagamenti').waitFor()

      // Payments need level 2: the page explains and offers the stronger sign-in.
      await panel.getByRole('link', { name: 'Vai ai pagamenti' }).click()
      await page.waitForURL('**/area-personale/pagamenti')
      await expectHeading(page, 'Pagamenti')
      const stepUp = page.getByTestId('step-up-notice')
      await stepUp.waitFor()
      expect(await stepUp.textContent()).toContain('Serve un accesso con SPID di livello 2 o CIE')
      expect(await page.getByTestId('payments-empty').count()).toBe(0)
      await expectNoAccessibilityViolations(page, 'the step-up notice on the payments page')
      const stepUpButton = page.getByTestId('step-up-button')
      expect(await stepUpButton.textContent()).toBe('Accedi con SPID di livello 2')
      expect(await stepUpButton.getAttribute('href')).toBe(
        '/auth/citizen/login?method=spid&level=2&returnTo=%2Farea-personale%2Fpagamenti',
      )

      await stepUpButton.click()
      await chooseCitizenAtDevProvider(page, GAIO_GIULIO_CESARE.name, '2')
      await page.waitForURL('**/area-personale/pagamenti')
      await page.getByTestId('payments-empty').waitFor()
      expect(await page.getByTestId('step-up-notice').count()).toBe(0)
      expect(await page.getByTestId('payments-empty').textContent()).toContain('Non hai avvisi da pagare')

      // The user menu works by keyboard: Enter opens it, Tab walks it, Escape closes it.
      const menuButton = page.getByTestId('user-menu-button')
      await menuButton.focus()
      await page.keyboard.press('Enter')
      expect(await menuButton.getAttribute('aria-expanded')).toBe('true')
      await page.keyboard.press('Tab')
      expect(await describeFocus(page)).toMatchObject({ tag: 'a', text: 'Area personale' })
      await page.keyboard.press('Escape')
      expect(await menuButton.getAttribute('aria-expanded')).toBe('false')
      expect(await describeFocus(page)).toMatchObject({ tag: 'button' })
      expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
        'user-menu-button',
      )

      // Signing out leaves nothing behind and says so.
      await useUserMenu(page, 'Esci')
      await page.waitForURL(`${baseUrl()}/`)
      await page.getByTestId('shell-notice').filter({ hasText: "Sei uscito dall'area personale." }).waitFor()
      await page.locator('[data-element="personal-area-login"]').waitFor()
      expect(await page.getByTestId('user-menu-button').count()).toBe(0)
      const session = await page.evaluate(() => fetch('/api/v1/session').then((response) => response.json()))
      expect(session).toEqual({ authenticated: false })

      // The personal area now sends visitors to the login page, remembering where they were going.
      await page.goto('/area-personale/profilo')
      await page.waitForURL('**/login?returnTo=%2Farea-personale%2Fprofilo')
      await expectHeading(page, "Accedi all'area personale")
      expect(await page.getByTestId('spid-sign-in').getAttribute('href')).toBe(
        '/auth/citizen/login?method=spid&level=1&returnTo=%2Farea-personale%2Fprofilo',
      )
      expectNoPageProblems(problems)
    } finally {
      await close()
    }
  })

  it('signs in with CIE straight at level 3 and keeps the page it came from', async () => {
    const { page, problems, close } = await openJourneyPage(browser, baseUrl(), { width: DESKTOP_WIDTH })
    try {
      await page.goto('/area-personale/pagamenti')
      await page.waitForURL('**/login?returnTo=%2Farea-personale%2Fpagamenti')
      await page.getByTestId('cie-sign-in').click()
      await chooseCitizenAtDevProvider(page, GAIO_GIULIO_CESARE.name, 'cie')
      await page.waitForURL('**/area-personale/pagamenti')
      await page.getByTestId('payments-empty').waitFor()
      await useUserMenu(page, 'Esci')
      await page.getByTestId('shell-notice').waitFor()
      expectNoPageProblems(problems)
    } finally {
      await close()
    }
  })
})
