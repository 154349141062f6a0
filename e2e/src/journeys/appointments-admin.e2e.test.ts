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

const WEEKDAYS = ['Lunedì', 'Martedì', 'Mercoledì', 'Giovedì', 'Venerdì', 'Sabato', 'Domenica']
const ADMIN_API = '/api/v1/staff/appointments/admin'

interface PublicSlot {
  startsAt: string
}

/** The first free slots citizens are offered for a service at an office, or on one day. */
async function publicSlots(page: Page, serviceId: string, officeId: string, date?: string) {
  const query = new URLSearchParams({
    service: serviceId,
    office: officeId,
    limit: '5',
    ...(date ? { date } : {}),
  })
  const answer = await page.request.get(`/api/v1/appointments/slots?${query.toString()}`)
  expect(answer.status()).toBe(200)
  return (await answer.json()).slots as PublicSlot[]
}

const romeDay = (instant: string) =>
  new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Rome',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date(instant))

async function status(page: Page, text: string | RegExp) {
  await page.getByTestId('appointment-admin-status').filter({ hasText: text }).waitFor()
}

describe('appointments administration', () => {
  let browser: Browser

  beforeAll(async () => {
    browser = await launchBrowser()
  })

  afterAll(async () => {
    await browser?.close()
  })

  it('adds an office with a counter, a service with hours and a closure, and citizens see the slots follow', async () => {
    const { page, problems, close } = await openJourneyPage(browser, baseUrl(), { width: DESKTOP_WIDTH })
    const suffix = String(Date.now()).slice(-6)
    const officeName = `Sede di Lorenteggio ${suffix}`
    const serviceName = `Ritiro tessera elettorale ${suffix}`
    try {
      await signInAsStaff(page, STAFF.admin)
      await page
        .getByTestId('appointments-section')
        .getByRole('link', { name: 'Calendario appuntamenti' })
        .click()
      await expectHeading(page, 'Appuntamenti: sedi e calendario')

      // A service first: a length off the five-minute grid is stopped at the form.
      await page.getByTestId('appointment-admin-nav').getByRole('link', { name: 'Servizi' }).click()
      const serviceForm = page.getByTestId('service-form')
      await serviceForm.getByLabel('Nome del servizio').fill(serviceName)
      await serviceForm.getByLabel('Durata in minuti').fill('7')
      await serviceForm.getByLabel('Preavviso minimo in ore').fill('0')
      await serviceForm.getByRole('button', { name: 'Aggiungi il servizio' }).click()
      await serviceForm.getByText('Scrivi una durata da 5 a 480 minuti, a multipli di 5.').waitFor()
      await serviceForm.getByLabel('Durata in minuti').fill('15')
      await serviceForm.getByLabel('Documenti da portare').fill('Un documento d’identità\nLa vecchia tessera')
      await serviceForm.getByRole('button', { name: 'Aggiungi il servizio' }).click()
      await status(page, `Servizio «${serviceName}» aggiunto`)
      await page
        .getByTestId('services-table')
        .getByRole('row', { name: new RegExp(serviceName) })
        .waitFor()

      // The office, refused once under a name already taken, then with a counter serving the service.
      await page.getByTestId('appointment-admin-nav').getByRole('link', { name: 'Sedi e sportelli' }).click()
      const officeForm = page.getByTestId('office-form')
      await officeForm.getByLabel('Nome della sede').fill('anagrafe centrale')
      await officeForm.getByLabel('Indirizzo').fill('Via Lorenteggio 190, 20147 Milano')
      await officeForm.getByLabel('Accessibilità').fill('Ingresso a raso, sportello ribassato.')
      await officeForm.getByRole('button', { name: 'Aggiungi la sede' }).click()
      await officeForm.getByText('Esiste già una sede con questo nome.').waitFor()
      await officeForm.getByLabel('Nome della sede').fill(officeName)
      await officeForm.getByRole('button', { name: 'Aggiungi la sede' }).click()
      await status(page, `Sede «${officeName}» aggiunta`)
      const office = page.locator(`[data-office="${officeName}"]`)
      await office.getByRole('button', { name: `Aggiungi uno sportello a ${officeName}` }).click()
      const counterForm = office.getByTestId('counter-form')
      await counterForm.getByLabel('Nome dello sportello').fill('Sportello 1')
      // Bootstrap Italia draws the checkbox over its input: a person taps the label.
      await counterForm.locator('label', { hasText: serviceName }).click()
      expect(await counterForm.getByLabel(serviceName).isChecked()).toBe(true)
      await counterForm.getByRole('button', { name: 'Aggiungi lo sportello' }).click()
      await status(page, `Sportello «Sportello 1» di ${officeName} salvato.`)
      await office.locator('[data-counter="Sportello 1"]').filter({ hasText: serviceName }).waitFor()
      await expectNoAccessibilityViolations(page, 'the offices of the appointments calendar')
      await saveScreenshot(page, 'appointments-admin-offices')

      // Hours every day 8:30–12:30 and a second Monday range, first overlapping and then fixed.
      await page.getByTestId('appointment-admin-nav').getByRole('link', { name: 'Orari settimanali' }).click()
      await page.getByTestId('hours-office').selectOption({ label: officeName })
      await page.getByTestId('hours-service').selectOption({ label: serviceName })
      const hours = page.getByTestId('hours-form')
      await hours.getByText('Cambiare gli orari non sposta le prenotazioni già fatte').waitFor()
      for (const day of WEEKDAYS)
        await hours.getByRole('button', { name: `Aggiungi una fascia il ${day}` }).click()
      await hours.getByRole('button', { name: 'Aggiungi una fascia il Lunedì' }).click()
      await hours.getByLabel('Apertura Lunedì, fascia 2').fill('12:00')
      await hours.getByRole('button', { name: 'Salva gli orari' }).click()
      expect(
        await hours.getByText('Questa fascia si sovrappone a un’altra dello stesso giorno.').count(),
      ).toBe(2)
      await hours.getByLabel('Apertura Lunedì, fascia 2').fill('13:30')
      await hours.getByRole('button', { name: 'Salva gli orari' }).click()
      await status(page, `Orari di ${serviceName} a ${officeName} salvati.`)
      await expectNoAccessibilityViolations(page, 'the weekly hours')
      await saveScreenshot(page, 'appointments-admin-hours')

      // Citizens are offered the new office at once.
      const offices = await (await page.request.get(`${ADMIN_API}/offices`)).json()
      const officeId = offices.find((entry: { name: string }) => entry.name === officeName).id as string
      const services = await (await page.request.get(`${ADMIN_API}/services`)).json()
      const serviceId = services.find((entry: { name: string }) => entry.name === serviceName).id as string
      const first = await publicSlots(page, serviceId, officeId)
      expect(first.length).toBeGreaterThan(0)
      const closedDay = romeDay((first[0] as PublicSlot).startsAt)

      // Closing that office on the first day with free slots takes them away; removing it gives them back.
      await page.setViewportSize({ width: PHONE_WIDTH, height: 800 })
      await page.getByTestId('appointment-admin-nav').getByRole('link', { name: 'Chiusure' }).click()
      const closureForm = page.getByTestId('closure-form')
      await closureForm.getByLabel('Sede', { exact: true }).selectOption({ label: officeName })
      await closureForm.getByLabel('Dal giorno', { exact: true }).fill(closedDay)
      await closureForm.getByLabel('Al giorno', { exact: true }).fill(closedDay)
      await closureForm.getByLabel('Motivo', { exact: true }).fill(`Disinfestazione ${suffix}`)
      await closureForm.getByRole('button', { name: 'Aggiungi la chiusura' }).click()
      await status(page, `Chiusura aggiunta: ${officeName}`)
      await page.locator(`[data-closure="Disinfestazione ${suffix}"]`).waitFor()
      expect(await publicSlots(page, serviceId, officeId, closedDay)).toEqual([])
      const afterClosure = await publicSlots(page, serviceId, officeId)
      expect(romeDay((afterClosure[0] as PublicSlot).startsAt) > closedDay).toBe(true)

      await expectNoAccessibilityViolations(page, 'the closures at 360 px')
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(PHONE_WIDTH)
      expect(await saveScreenshot(page, 'appointments-admin')).toMatch(/appointments-admin-360\.png$/)

      const row = page.locator(`[data-closure="Disinfestazione ${suffix}"]`)
      await row.getByRole('button', { name: 'Togli' }).click()
      await row.getByRole('button', { name: 'Sì, elimina' }).click()
      await status(page, `Chiusura «Disinfestazione ${suffix}» tolta`)
      expect((await publicSlots(page, serviceId, officeId, closedDay)).length).toBeGreaterThan(0)

      forgetExpectedRefusals(problems, [{ status: 409, path: `${ADMIN_API}/offices` }])
      expectNoPageProblems(problems)
    } finally {
      await close()
    }
  })

  it('shows the calendar to a supervisor without the forms, and keeps an operator out', async () => {
    const { page, problems, close } = await openJourneyPage(browser, baseUrl(), { width: PHONE_WIDTH })
    try {
      await signInAsStaff(page, STAFF.supervisor)
      await page.goto('/backoffice/appuntamenti/servizi')
      await expectHeading(page, 'Appuntamenti: sedi e calendario')
      await page
        .getByText('Puoi consultare il calendario; solo gli amministratori possono modificarlo.')
        .waitFor()
      await page
        .getByTestId('services-table')
        .getByRole('row', { name: /Cambio di residenza/ })
        .waitFor()
      expect(await page.getByTestId('service-form').count()).toBe(0)
      expectNoPageProblems(problems)
    } finally {
      await close()
    }
    const operator = await openJourneyPage(browser, baseUrl(), { width: PHONE_WIDTH })
    try {
      await signInAsStaff(operator.page, STAFF.operator)
      await operator.page.goto('/backoffice/appuntamenti')
      await expectHeading(operator.page, 'Sezione riservata agli amministratori')
      expectNoPageProblems(operator.problems)
    } finally {
      await operator.close()
    }
  })
})
