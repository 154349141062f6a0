import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DESKTOP_WIDTH, launchBrowser, openJourneyPage } from '../support/browser'
import {
  baseUrl,
  expectHeading,
  expectNoAccessibilityViolations,
  expectNoPageProblems,
} from '../support/journey'
import { ADA_LOVELACE, GAIO_GIULIO_CESARE, signInAsCitizen, useUserMenu } from '../support/sign-in'

/** A date as the date input takes it, some days from now. */
function isoDayFromNow(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10)
}

describe('acting for others', () => {
  let browser: Browser

  beforeAll(async () => {
    browser = await launchBrowser()
  })

  afterAll(async () => {
    await browser?.close()
  })

  it('lets a parent act for a minor child, with a banner on every page and a way back', async () => {
    const { page, problems, close } = await openJourneyPage(browser, baseUrl(), { width: DESKTOP_WIDTH })
    try {
      await signInAsCitizen(page, { name: ADA_LOVELACE.name, level: '2' })
      const chooser = page.getByTestId('represented-chooser')
      const child = chooser.getByRole('listitem').filter({ hasText: 'Figlio o figlia minorenne' }).first()
      await child.waitFor()
      const childName = (await child.locator('strong').textContent()) ?? ''
      await child.getByRole('button', { name: `Opera per suo conto ${childName}` }).click()

      const banner = page.getByTestId('acting-for-banner')
      await banner.waitFor()
      expect(await banner.textContent()).toContain(`Stai operando per conto di ${childName}`)
      await expectNoAccessibilityViolations(page, 'the personal area while acting for a child')

      // The banner follows the citizen across the site.
      await page.goto('/servizi')
      await expectHeading(page, 'Servizi')
      await banner.waitFor()
      await banner.getByRole('button', { name: 'Torna a operare per te' }).click()
      await banner.waitFor({ state: 'detached' })
      const session = await page.evaluate(() => fetch('/api/v1/session').then((response) => response.json()))
      expect(session.actingFor).toBeNull()
      expectNoPageProblems(problems)
    } finally {
      await close()
    }
  })

  it('lets a citizen at level 2 delegate another, who then sees the delegation, and revoke it', async () => {
    const ada = await openJourneyPage(browser, baseUrl(), { width: DESKTOP_WIDTH })
    const gaio = await openJourneyPage(browser, baseUrl(), { width: DESKTOP_WIDTH })
    try {
      // Gaio, at level 1, is asked for a stronger sign-in before delegating anyone.
      await signInAsCitizen(gaio.page, {
        name: GAIO_GIULIO_CESARE.name,
        level: '1',
        returnTo: '/area-personale/profilo',
      })
      await gaio.page.getByTestId('delegations').getByTestId('step-up-notice').waitFor()
      expect(await gaio.page.getByTestId('delegation-form').count()).toBe(0)

      await signInAsCitizen(ada.page, {
        name: ADA_LOVELACE.name,
        level: '2',
        returnTo: '/area-personale/profilo',
      })
      const form = ada.page.getByTestId('delegation-form')
      await form.waitFor()

      // Mistakes are explained next to each field before anything is sent.
      await form.getByRole('button', { name: 'Crea la delega' }).click()
      await form.getByText('Il codice fiscale è fatto di 16 lettere e cifre.').waitFor()
      await form.getByText('Scegli almeno un servizio.').waitFor()
      await form.getByText('Indica fino a quando vale la delega.').waitFor()

      await form
        .getByLabel('Codice fiscale della persona delegata')
        .fill(GAIO_GIULIO_CESARE.fiscalCode.toLowerCase())
      await form.locator('label', { hasText: /^Pagamenti$/ }).click()
      await form.locator('label', { hasText: /^Appuntamenti$/ }).click()
      await form.getByLabel('Valida fino al').fill(isoDayFromNow(30))
      await form.getByRole('button', { name: 'Crea la delega' }).click()
      const delegations = ada.page.getByTestId('delegations')
      await delegations.getByText(`Delega a ${GAIO_GIULIO_CESARE.name} creata.`).waitFor()
      const given = delegations
        .getByTestId('delegation')
        .filter({ hasText: GAIO_GIULIO_CESARE.fiscalCode })
        .filter({ hasText: 'Attiva' })
      await given.first().waitFor()
      expect(await given.first().textContent()).toContain('Appuntamenti, Pagamenti')

      // Gaio now represents Ada.
      await gaio.page.goto('/area-personale')
      const chooser = gaio.page.getByTestId('represented-chooser')
      await chooser.getByRole('button', { name: `Opera per suo conto ${ADA_LOVELACE.name}` }).waitFor()
      await gaio.page.goto('/area-personale/profilo')
      await gaio.page
        .getByTestId('delegation')
        .filter({ hasText: ADA_LOVELACE.fiscalCode })
        .filter({ hasText: 'Attiva' })
        .waitFor()

      // Ada revokes it after confirming.
      await given
        .first()
        .getByRole('button', { name: /^Revoca/ })
        .click()
      const dialog = ada.page.getByRole('dialog', { name: 'Revocare la delega?' })
      await dialog.waitFor()
      await dialog.getByRole('button', { name: 'Revoca la delega' }).click()
      await delegations
        .getByText(`Delega a ${GAIO_GIULIO_CESARE.name} (${GAIO_GIULIO_CESARE.fiscalCode}) revocata.`)
        .waitFor()
      expect(await delegations.getByTestId('delegation').filter({ hasText: 'Attiva' }).count()).toBe(0)

      await useUserMenu(ada.page, 'Esci')
      await ada.page.getByTestId('shell-notice').waitFor()
      expectNoPageProblems(ada.problems)
      expectNoPageProblems(gaio.problems)
    } finally {
      await ada.close()
      await gaio.close()
    }
  })
})
