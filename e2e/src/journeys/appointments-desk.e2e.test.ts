import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DESKTOP_WIDTH, launchBrowser, openJourneyPage, PHONE_WIDTH } from '../support/browser'
import { type RunningServer, startCivicoServer } from '../support/civico-server'
import { expectHeading, expectNoAccessibilityViolations, expectNoPageProblems } from '../support/journey'
import { saveScreenshot } from '../support/screenshots'
import { ADA_LOVELACE, STAFF, signInAsCitizen, signInAsStaff } from '../support/sign-in'
import { nextWorkingDay, romeHourOn } from '../support/working-day'

const SERVICE = 'Carta d’identità elettronica'
const OFFICE = 'Anagrafe Centrale'
const COUNTER = 'Sportello 1'
async function csrfOf(page: Page): Promise<string> {
  return (await (await page.request.get('/api/v1/session')).json()).csrfToken
}

/** The citizen books the first free slot of the day through the API, as the booking pages do. */
async function bookLaterToday(page: Page, day: string): Promise<{ code: string; startsAt: string }> {
  const services = await (await page.request.get('/api/v1/appointments/services')).json()
  const service = services.find((candidate: { name: string }) => candidate.name === SERVICE)
  const office = service.offices.find((candidate: { name: string }) => candidate.name === OFFICE)
  const slots = await (
    await page.request.get(`/api/v1/appointments/slots?service=${service.id}&office=${office.id}&date=${day}`)
  ).json()
  const slot = slots.slots[0]
  expect(slot.startsAt.slice(0, 10)).toBe(day)
  const booked = await page.request.post('/api/v1/appointments', {
    headers: { 'x-csrf-token': await csrfOf(page) },
    data: { service: service.id, office: office.id, start: slot.startsAt, reason: 'Carta scaduta' },
  })
  expect(booked.status()).toBe(201)
  return { code: (await booked.json()).code, startsAt: slot.startsAt }
}

describe('counter desk and office display', () => {
  let browser: Browser
  let server: RunningServer
  const day = nextWorkingDay()

  beforeAll(async () => {
    // The office is open and the booking's two hours of notice fit in the same day.
    server = await startCivicoServer({ CLOCK_START: romeHourOn(day, '09') })
    browser = await launchBrowser()
  })

  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  it('checks a citizen in by code, calls them to the counter, serves them and shows the call', async () => {
    const citizen = await openJourneyPage(browser, server.baseUrl, { width: DESKTOP_WIDTH })
    const desk = await openJourneyPage(browser, server.baseUrl, { width: DESKTOP_WIDTH })
    const display = await openJourneyPage(browser, server.baseUrl, { width: PHONE_WIDTH, height: 720 })
    try {
      await signInAsCitizen(citizen.page, { name: ADA_LOVELACE.name, level: '2' })
      const { code } = await bookLaterToday(citizen.page, day)

      const { page } = desk
      await signInAsStaff(page, STAFF.operator)
      await page.getByTestId('back-office-nav').getByRole('link', { name: 'Sportello' }).click()
      await expectHeading(page, 'Sportello')
      await page.getByLabel('Sede', { exact: true }).selectOption({ label: OFFICE })
      await page.getByLabel('Sportello', { exact: true }).selectOption({ label: COUNTER })
      const row = page.locator(`[data-code="${code}"]`)
      await row.waitFor()
      expect(await row.getByRole('cell').nth(4).textContent()).toBe('Prenotato')

      // A scanner types the code and presses Enter; lower case and spaces do not matter.
      const box = page.getByLabel('Codice di prenotazione')
      await box.fill(` ${code.toLowerCase()} `)
      await box.press('Enter')
      await page
        .getByTestId('check-in-outcome')
        .filter({ hasText: 'Arrivo registrato: numero 001' })
        .waitFor()
      expect(await box.inputValue()).toBe('')
      await row.getByText('In attesa', { exact: true }).waitFor()

      await page.getByRole('button', { name: 'Chiama il prossimo' }).click()
      await page
        .getByTestId('call-outcome')
        .filter({ hasText: `Chiamato il numero 001 allo ${COUNTER}.` })
        .waitFor()
      const current = page.getByTestId('current-call')
      expect(await current.textContent()).toContain(SERVICE)
      await row.getByText('Chiamato', { exact: true }).waitFor()
      await expectNoAccessibilityViolations(page, 'the counter desk with a citizen called')
      await saveScreenshot(page, 'appointments-desk')

      // The waiting room's display shows the number and the counter, and nobody's name.
      const displayPath = await page.getByTestId('open-display').getAttribute('href')
      await display.page.goto(displayPath as string)
      const latest = display.page.getByTestId('latest-call')
      await latest.filter({ hasText: '001' }).waitFor()
      expect(await latest.textContent()).toContain(COUNTER)
      expect(await display.page.getByTestId('office-display').textContent()).not.toContain(code)
      await expectHeading(display.page, OFFICE)
      await expectNoAccessibilityViolations(display.page, 'the office display')
      await saveScreenshot(display.page, 'appointments-display')
      // In English too, and wide as a waiting-room screen.
      await display.page.locator('button[data-language="en"]').click()
      await display.page.getByRole('heading', { name: 'Latest call' }).waitFor()
      expect(await display.page.getByTestId('waiting').textContent()).toBe('0 people waiting')
      await display.page.setViewportSize({ width: DESKTOP_WIDTH, height: 720 })
      await saveScreenshot(display.page, 'appointments-display')

      await current.getByRole('button', { name: 'Servito' }).click()
      await page.getByTestId('call-outcome').filter({ hasText: 'Numero 001 servito.' }).waitFor()
      await row.getByText('Servito', { exact: true }).waitFor()
      expect(await page.getByTestId('current-call').count()).toBe(0)

      // Calling again with nobody left is an ordinary answer, not an error.
      await page.getByRole('button', { name: 'Chiama il prossimo' }).click()
      await page
        .getByTestId('call-outcome')
        .filter({ hasText: 'Nessuno in attesa per i servizi di questo sportello.' })
        .waitFor()

      await page.setViewportSize({ width: PHONE_WIDTH, height: 800 })
      await expectNoAccessibilityViolations(page, 'the counter desk at 360 px')
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(PHONE_WIDTH)
      await saveScreenshot(page, 'appointments-desk')

      // The choice of office and counter is remembered on this device.
      await page.reload()
      await page.getByTestId('call-panel').waitFor()
      expect(await page.getByLabel('Sportello', { exact: true }).inputValue()).not.toBe('')

      for (const journey of [citizen, desk, display]) expectNoPageProblems(journey.problems)
    } finally {
      await citizen.close()
      await desk.close()
      await display.close()
    }
  })
})
