import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  DESKTOP_WIDTH,
  forgetExpectedRefusals,
  launchBrowser,
  openJourneyPage,
  PHONE_WIDTH,
} from '../support/browser'
import { baseUrl, describeFocus, expectHeading, expectNoPageProblems } from '../support/journey'
import { chooseStaffAtDevProvider, STAFF, useUserMenu } from '../support/sign-in'

const ADMIN_SECTIONS = ['Operatori', 'Team', 'Client API']

describe('back office', () => {
  let browser: Browser

  beforeAll(async () => {
    browser = await launchBrowser()
  })

  afterAll(async () => {
    await browser?.close()
  })

  it('lets an administrator in through "Accesso operatori", create a team and an API client, and sign out', async () => {
    const { page, problems, close } = await openJourneyPage(browser, baseUrl(), { width: DESKTOP_WIDTH })
    const suffix = String(Date.now()).slice(-6)
    try {
      await page.goto('/login')
      await page.getByRole('link', { name: 'Accesso operatori' }).click()
      await chooseStaffAtDevProvider(page, STAFF.admin)
      await page.waitForURL('**/backoffice')
      await expectHeading(page, 'Scrivania')
      await page.waitForFunction(() => document.title.startsWith('Scrivania - Back office - '))
      const home = page.getByTestId('back-office-home')
      expect(await home.textContent()).toContain(`Buon lavoro, ${STAFF.admin}.`)
      expect(await page.getByTestId('staff-roles').textContent()).toBe('Amministratore')
      const navigation = page.getByTestId('back-office-nav').getByRole('link')
      // Administrators run the counters, the contact centre's bookings and the calendar, edit the
      // catalogue and may write newsletters; citizens' folders are for operators and supervisors.
      expect(await navigation.allTextContents()).toEqual([
        'Scrivania',
        'Sportello',
        'Prenotazioni 020202',
        'Calendario appuntamenti',
        'Servizi',
        'Promemoria',
        'Informami',
        ...ADMIN_SECTIONS,
      ])

      // A new team: the code follows the name, and the team appears in the list.
      await page.getByTestId('back-office-nav').getByRole('link', { name: 'Team', exact: true }).click()
      await expectHeading(page, 'Team')
      const teamName = `Servizi sociali ${suffix}`
      const form = page.getByTestId('team-form')
      await form.getByLabel('Nome').fill(teamName)
      expect(await form.getByLabel('Codice').inputValue()).toBe(`servizi-sociali-${suffix}`)
      await form.getByRole('button', { name: 'Crea il team' }).click()
      await page.getByText(`Team «${teamName}» creato.`).waitFor()
      const row = page.getByTestId('teams-table').getByRole('row', { name: new RegExp(teamName) })
      await row.waitFor()
      expect(await row.textContent()).toContain(`servizi-sociali-${suffix}`)

      // The same code twice is refused, and the reason is shown.
      await form.getByLabel('Nome').fill(teamName)
      await form.getByRole('button', { name: 'Crea il team' }).click()
      await form.getByRole('alert').waitFor()

      // An API client: its key is shown once, with a copy button, then it can be revoked.
      await page.getByTestId('back-office-nav').getByRole('link', { name: 'Client API', exact: true }).click()
      await expectHeading(page, 'Client API')
      const clientForm = page.getByTestId('api-client-form')
      await clientForm.getByLabel('Nome').fill(`Centralino ${suffix}`)
      await clientForm.locator('label', { hasText: /^Centralino$/ }).click()
      await clientForm.getByRole('button', { name: 'Crea il client e la chiave' }).click()
      const key = page.getByTestId('api-key')
      await key.waitFor()
      expect(await key.getByLabel('Chiave API').inputValue()).toMatch(/^civ_[A-Za-z0-9]{8}_/)
      expect(await key.getByRole('button', { name: 'Copia' }).isVisible()).toBe(true)
      await key.getByRole('button', { name: "L'ho conservata" }).click()
      expect(await page.getByTestId('api-key').count()).toBe(0)
      await page.getByRole('button', { name: `Revoca Centralino ${suffix}` }).click()
      const dialog = page.getByRole('dialog', { name: 'Revocare la chiave?' })
      await dialog.waitFor()
      await dialog.getByRole('button', { name: 'Revoca', exact: true }).click()
      await page.getByText(`Chiave di «Centralino ${suffix}» revocata.`).waitFor()

      // Staff list with the dev operator; the edit dialog closes with Escape and gives focus back.
      await page.getByTestId('back-office-nav').getByRole('link', { name: 'Operatori', exact: true }).click()
      await expectHeading(page, 'Operatori')
      await page
        .getByTestId('staff-table')
        .getByRole('rowheader', { name: new RegExp(STAFF.operator) })
        .waitFor()
      await page.getByRole('button', { name: `Modifica ${STAFF.operator}` }).click()
      await page.getByRole('dialog', { name: `Modifica ${STAFF.operator}` }).waitFor()
      await page.keyboard.press('Escape')
      await page.getByRole('dialog').waitFor({ state: 'detached' })
      expect(await describeFocus(page)).toMatchObject({ tag: 'button', text: `Modifica ${STAFF.operator}` })

      await useUserMenu(page, 'Esci')
      await page.waitForURL(`${baseUrl()}/`)
      await page.getByTestId('shell-notice').waitFor()
      forgetExpectedRefusals(problems, [{ status: 409, path: '/api/v1/admin/teams' }])
      expectNoPageProblems(problems)
    } finally {
      await close()
    }
  })

  it('shows an operator the desk without the administration sections', async () => {
    const { page, problems, close } = await openJourneyPage(browser, baseUrl(), { width: PHONE_WIDTH })
    try {
      // Going straight to the back office offers the staff sign-in and comes back.
      await page.goto('/backoffice')
      await expectHeading(page, 'Accesso operatori')
      await page.getByTestId('back-office-sign-in').click()
      await chooseStaffAtDevProvider(page, STAFF.operator)
      await page.waitForURL('**/backoffice')
      await expectHeading(page, 'Scrivania')
      expect(await page.getByTestId('staff-roles').textContent()).toBe('Operatore')
      expect(await page.getByTestId('staff-teams').locator('li').count()).toBeGreaterThan(0)
      expect(await page.getByTestId('back-office-nav').getByRole('link').allTextContents()).toEqual([
        'Scrivania',
        'Richieste',
        'Cittadini',
        'Registra chiamata',
        'Fascicolo del cittadino',
        'Sportello',
        'Prenotazioni 020202',
      ])
      expect(await page.getByTestId('admin-sections').count()).toBe(0)

      // Typing an administration address leads to a polite refusal, not to the page.
      await page.goto('/backoffice/team')
      await expectHeading(page, 'Sezione riservata agli amministratori')
      expect(await page.getByTestId('team-form').count()).toBe(0)

      await useUserMenu(page, 'Esci')
      await page.waitForURL(`${baseUrl()}/`)
      await page.getByTestId('shell-notice').waitFor()
      await page.locator('[data-element="personal-area-login"]').waitFor()
      expectNoPageProblems(problems)
    } finally {
      await close()
    }
  })
})
