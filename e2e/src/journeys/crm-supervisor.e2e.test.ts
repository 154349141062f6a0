import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser, openJourneyPage, PHONE_WIDTH } from '../support/browser'
import { type RunningServer, startCivicoServer } from '../support/civico-server'
import { expectHeading, expectNoAccessibilityViolations, expectNoPageProblems } from '../support/journey'
import { saveScreenshot } from '../support/screenshots'
import { ADA_LOVELACE, STAFF, signInAsStaff } from '../support/sign-in'
import { nextWorkingDay, romeHourOn } from '../support/working-day'

const BREACH_TIMEOUT_MS = 200_000

async function csrfOf(page: Page): Promise<string> {
  return (await (await page.request.get('/api/v1/session')).json()).csrfToken
}

/** A call that opens a ticket under the detail just made, through the API as the console does. */
async function openTicketByCall(page: Page, categoryCode: string): Promise<string> {
  const response = await page.request.post('/api/v1/staff/calls', {
    headers: { 'x-csrf-token': await csrfOf(page) },
    data: {
      caller: { fiscalCode: ADA_LOVELACE.fiscalCode },
      categoryCode,
      outcome: 'ticket',
      startedAt: new Date(Date.now() - 120_000).toISOString(),
      durationSeconds: 95,
      notes: 'La cittadina chiede un intervento urgente.',
      subject: 'Intervento urgente',
    },
  })
  expect(response.status()).toBe(201)
  const code = (await response.json()).ticketCode
  expect(code).toMatch(/^R\d{4}-[A-Z2-9]{6}$/)
  return code
}

/** The SLA watch runs once a minute: wait until the dashboard lists the ticket as breached. */
async function waitForBreach(page: Page, code: string): Promise<void> {
  const deadline = Date.now() + BREACH_TIMEOUT_MS
  while (Date.now() < deadline) {
    const dashboard = await (await page.request.get('/api/v1/staff/crm/dashboard')).json()
    if (dashboard.breached?.some((item: { code: string }) => item.code === code)) return
    await new Promise((resolve) => setTimeout(resolve, 5_000))
  }
  throw new Error(`ticket ${code} was not breached within ${BREACH_TIMEOUT_MS / 1000} s`)
}

describe('CRM supervisor', () => {
  let browser: Browser
  let server: RunningServer

  beforeAll(async () => {
    // A working morning, so the business-minute clocks of the new detail run at once.
    server = await startCivicoServer({ CLOCK_START: romeHourOn(nextWorkingDay(), '10') })
    browser = await launchBrowser()
  })

  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  it('adds a detail with one-minute targets, sees its ticket breach on the dashboard and reassigns it', async () => {
    const { page, problems, close } = await openJourneyPage(browser, server.baseUrl, { width: PHONE_WIDTH })
    const suffix = String(Date.now()).slice(-5)
    const area = `Area di prova ${suffix}`
    const topic = `Argomento di prova ${suffix}`
    const detail = `Dettaglio urgente ${suffix}`
    try {
      await signInAsStaff(page, STAFF.supervisor)
      await page
        .getByTestId('back-office-nav')
        .getByRole('link', { name: 'Cruscotto CRM', exact: true })
        .click()
      await expectHeading(page, 'Cruscotto CRM')
      const status = page.getByTestId('supervisor-status')

      // The taxonomy editor: an area, a topic under it, a detail routed to the contact centre.
      await page.getByTestId('supervisor-nav').getByRole('link', { name: 'Classificazione' }).click()
      const editor = page.getByTestId('taxonomy-editor')
      await editor.getByRole('button', { name: 'Nuova area' }).click()
      let form = editor.getByTestId('category-form')
      await form.getByLabel('Nome in italiano').fill(area)
      await form.getByLabel('Nome in inglese').fill(`Test area ${suffix}`)
      expect(await form.getByLabel('Codice').inputValue()).toBe(`area-di-prova-${suffix}`)
      await form.getByRole('button', { name: 'Aggiungi' }).click()
      await status.getByText(`«${area}» aggiunta alla classificazione.`).waitFor()

      await editor.locator('summary', { hasText: area }).click()
      await editor.getByRole('button', { name: `Nuovo argomento ${area}` }).click()
      form = editor.getByTestId('category-form')
      await form.getByLabel('Nome in italiano').fill(topic)
      await form.getByLabel('Nome in inglese').fill(`Test topic ${suffix}`)
      await form.getByRole('button', { name: 'Aggiungi' }).click()
      await status.getByText(`«${topic}» aggiunta alla classificazione.`).waitFor()

      await editor.getByRole('button', { name: `Nuovo dettaglio ${topic}` }).click()
      form = editor.getByTestId('category-form')
      await form.getByLabel('Nome in italiano').fill(detail)
      await form.getByLabel('Nome in inglese').fill(`Urgent detail ${suffix}`)
      await form.getByRole('button', { name: 'Aggiungi' }).click()
      // Routing is required for a detail: the form says so before asking the server.
      await form.getByText('Scegli il gruppo di lavoro.').waitFor()
      await form.getByLabel('Gruppo di lavoro').selectOption({ label: 'Contact center 020202' })
      await form.getByLabel('Prima risposta (minuti)').fill('1')
      await form.getByLabel('Risoluzione (minuti)').fill('1')
      await form.getByRole('button', { name: 'Aggiungi' }).click()
      await status.getByText(`«${detail}» aggiunta alla classificazione.`).waitFor()
      const detailCode = `dettaglio-urgente-${suffix}`
      const node = editor.locator(`[data-category="${detailCode}"]`)
      expect(await node.textContent()).toContain('prima risposta 1 min · risoluzione 1 min')
      await expectNoAccessibilityViolations(page, 'the taxonomy editor')
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(PHONE_WIDTH)
      await saveScreenshot(page, 'crm-taxonomy')

      // A canned reply for the new detail.
      await page.getByTestId('supervisor-nav').getByRole('link', { name: 'Risposte predefinite' }).click()
      const canned = page.getByTestId('canned-form')
      await canned.getByLabel('Titolo').fill(`Intervento in corso ${suffix}`)
      await canned.getByLabel('Area').selectOption({ label: area })
      await canned.getByLabel('Argomento').selectOption({ label: topic })
      await canned.getByLabel('Dettaglio').selectOption({ label: detail })
      await canned
        .getByLabel('Testo in italiano')
        .fill('Gentile {nome}, la richiesta {codice} è in lavorazione.')
      await canned.getByRole('button', { name: 'Aggiungi la risposta' }).click()
      await status.getByText(`Risposta «Intervento in corso ${suffix}» aggiunta.`).waitFor()
      await expectNoAccessibilityViolations(page, 'the canned replies editor')

      // The tax office's new tickets go to whoever has the fewest, and its breaches to its head.
      await page.getByTestId('supervisor-nav').getByRole('link', { name: 'Assegnazione dei gruppi' }).click()
      const taxes = page.getByTestId('team-settings').locator('[data-team="tributi"]')
      await taxes.getByText('Automatica', { exact: true }).click()
      await taxes
        .getByLabel('E-mail per le richieste scadute (facoltativa)')
        .fill('tributi@comune.example.it')
      await taxes.getByRole('button', { name: 'Salva Tributi' }).click()
      await status.getByText('Impostazioni del gruppo Tributi salvate.').waitFor()
      await expectNoAccessibilityViolations(page, 'the team assignment settings')

      // A call opens a ticket under the detail; a minute of office time later it is overdue.
      const code = await openTicketByCall(page, detailCode)
      await waitForBreach(page, code)

      await page.getByTestId('supervisor-nav').getByRole('link', { name: 'Cruscotto' }).click()
      await page.reload()
      await expectHeading(page, 'Cruscotto CRM')
      const breached = page.getByTestId('breached-list')
      const item = breached.locator(`[data-ticket="${code}"]`)
      await item.waitFor()
      expect(await item.locator('[data-sla="breached"]').count()).toBeGreaterThan(0)
      expect(await item.textContent()).toContain('Non assegnata')
      await page.getByTestId('backlog-table').waitFor()
      await page.getByTestId('channel-chart').locator('li', { hasText: 'telefono' }).waitFor()
      await expectNoAccessibilityViolations(page, 'the CRM dashboard')
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(PHONE_WIDTH)
      await saveScreenshot(page, 'crm-dashboard')

      // Reassigned from the dashboard to an operator of the team.
      await item.getByLabel(`Riassegna ${code} a`).selectOption({ label: STAFF.operator })
      await item.getByRole('button', { name: `Riassegna ${code}` }).click()
      await status.getByText(`Richiesta ${code} riassegnata a ${STAFF.operator}.`).waitFor()
      await item.getByText(`Assegnata a ${STAFF.operator}`).waitFor()

      // The ticket page agrees, with the SLA marked as overdue.
      await item.getByRole('link', { name: new RegExp(code) }).click()
      await expectHeading(page, `${code} - Intervento urgente`)
      expect(await page.getByTestId('ticket-assignee').textContent()).toBe(STAFF.operator)
      expect(
        await page.getByTestId('ticket-header').locator('[data-sla="breached"]').count(),
      ).toBeGreaterThan(0)
      await page
        .getByTestId('canned-replies')
        .getByRole('option', { name: `Intervento in corso ${suffix}` })
        .waitFor({
          state: 'attached',
        })

      expectNoPageProblems(problems)
    } finally {
      await close()
    }
  }, 360_000)
})
