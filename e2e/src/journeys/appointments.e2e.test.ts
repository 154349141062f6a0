import fs from 'node:fs/promises'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { forgetExpectedRefusals, launchBrowser, openJourneyPage, PHONE_WIDTH } from '../support/browser'
import {
  baseUrl,
  expectHeading,
  expectNoAccessibilityViolations,
  expectNoPageProblems,
} from '../support/journey'
import { readOutbox } from '../support/outbox'
import { saveScreenshot } from '../support/screenshots'
import { ADA_LOVELACE, GAIO_GIULIO_CESARE, signInAsCitizen } from '../support/sign-in'

const APPOINTMENTS_SECTION = '/area-personale?sezione=appointments'
const ADA_EMAIL = 'ada.lovelace@example.it'

/** Bootstrap Italia draws its own radios over the input: a person taps the label. */
const chooseLabel = (page: Page, text: string) =>
  page.locator('label', { hasText: new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) }).click()

const next = (page: Page) => page.getByRole('button', { name: 'Avanti', exact: true }).click()

const waitForStep = (page: Page, step: string) =>
  page.locator(`[data-testid="booking-form"][data-step="${step}"]`).waitFor()

/** The first free time the picker offers: the slots depend on today's date and what others booked. */
async function chooseFirstFreeTime(page: Page, within = page.locator('body')): Promise<string> {
  const times = within.getByTestId('slot-times')
  await times.waitFor()
  const first = times.locator('label').first()
  const label = ((await first.textContent()) ?? '').trim()
  await first.click()
  return label
}

const csrfTokenOf = async (page: Page) =>
  ((await (await page.request.get('/api/v1/session')).json()) as { csrfToken: string }).csrfToken

interface ServiceEntry {
  id: string
  name: string
  offices: { id: string; name: string }[]
}

async function serviceNamed(page: Page, name: string): Promise<ServiceEntry> {
  const services = (await (await page.request.get('/api/v1/appointments/services')).json()) as ServiceEntry[]
  const service = services.find((entry) => entry.name === name)
  expect(service, `the demo city offers ${name}`).toBeDefined()
  return service as ServiceEntry
}

/** A booking made through the API at a given time; its status tells whether the counter was free. */
async function postBooking(page: Page, booking: { service: string; office: string; start: string }) {
  return page.request.post('/api/v1/appointments', {
    headers: { 'x-csrf-token': await csrfTokenOf(page) },
    data: { ...booking, reason: 'Autentica di firma' },
  })
}

/** A run stopped half-way may have left a booking of the service behind: one active booking is the limit. */
async function cancelLeftBookings(page: Page, serviceName: string): Promise<void> {
  const service = await serviceNamed(page, serviceName)
  const csrfToken = await csrfTokenOf(page)
  const mine = (await (await page.request.get('/api/v1/appointments')).json()) as {
    code: string
    status: string
    service: { id: string }
  }[]
  for (const left of mine.filter((entry) => entry.service.id === service.id && entry.status === 'booked')) {
    await page.request.post(`/api/v1/appointments/${left.code}/cancel`, {
      headers: { 'x-csrf-token': csrfToken },
    })
  }
}

/** Books through the API, as a second tab would: a free slot of a service, the first one anywhere. */
async function bookThroughApi(page: Page, serviceName: string): Promise<{ code: string; startsAt: string }> {
  await cancelLeftBookings(page, serviceName)
  const service = await serviceNamed(page, serviceName)
  const slots = (await (
    await page.request.get(`/api/v1/appointments/slots?service=${service.id}&limit=1`)
  ).json()) as { slots: { officeId: string; startsAt: string }[] }
  const slot = slots.slots[0]
  expect(slot, 'a free slot').toBeDefined()
  const response = await postBooking(page, {
    service: service.id,
    office: slot?.officeId as string,
    start: slot?.startsAt as string,
  })
  expect(response.status()).toBe(201)
  return (await response.json()) as { code: string; startsAt: string }
}

describe('appointments', () => {
  let browser: Browser

  beforeAll(async () => {
    browser = await launchBrowser()
  })

  afterAll(async () => {
    await browser?.close()
  })

  it('books through the steps, then moves and cancels the appointment from the personal area', async () => {
    const { page, problems } = await openJourneyPage(browser, baseUrl(), { width: PHONE_WIDTH })
    try {
      await signInAsCitizen(page, { name: ADA_LOVELACE.name, level: '2', returnTo: APPOINTMENTS_SECTION })
      await cancelLeftBookings(page, 'Carta d’identità elettronica')
      await page.getByTestId('appointments-panel').waitFor()
      await page.getByTestId('book-appointment').click()
      await page.waitForURL('**/prenota-appuntamento')
      await expectHeading(page, 'Prenota un appuntamento')

      // 1 Servizio: continuing without a choice says what is missing.
      await waitForStep(page, 'service')
      expect(await page.getByTestId('step-indicator').textContent()).toContain('Passo 1 di 5')
      await next(page)
      await page.getByText('Scegli il servizio.').waitFor()
      await chooseLabel(page, 'Carta d’identità elettronica')
      await page.getByText('Durata: 20 minuti').waitFor()
      await page.getByTestId('documents-to-bring').getByText('La tessera sanitaria').waitFor()
      await expectNoAccessibilityViolations(page, 'the service step at 360 px')
      await saveScreenshot(page, 'appointment-service')
      await next(page)

      // 2 Ufficio, with its address and accessibility.
      await waitForStep(page, 'office')
      await page.getByText('Via Larga 12, 20122 Milano').waitFor()
      await chooseLabel(page, 'Anagrafe Centrale')
      await expectNoAccessibilityViolations(page, 'the office step')
      await next(page)

      // 3 Data e orario: the first day with free times is chosen, its times listed.
      await waitForStep(page, 'when')
      // Once the first free day's times are listed (choosing that day clears earlier errors).
      await page.getByTestId('slot-times').waitFor()
      await next(page)
      await page.getByText('Scegli un orario.').waitFor()
      const time = await chooseFirstFreeTime(page)
      expect(time).toMatch(/^\d{2}:\d{2}$/)
      await expectNoAccessibilityViolations(page, 'the date and time step')
      await saveScreenshot(page, 'appointment-when')
      await next(page)

      // 4 Dettagli: the contact is checked before anything is sent.
      await waitForStep(page, 'details')
      await page.getByLabel("Motivo dell'appuntamento").fill('Rinnovo della carta d’identità scaduta')
      const contact = page.getByLabel('Telefono o e-mail per essere contattato (facoltativo)')
      await contact.fill('non so')
      await next(page)
      await page.getByText('Scrivi un numero di telefono o un indirizzo e-mail validi.').waitFor()
      await expectNoAccessibilityViolations(page, 'the details step with an error')
      await contact.fill('+39 02 1234567')
      await next(page)

      // 5 Riepilogo, then the confirmation.
      await waitForStep(page, 'summary')
      const summary = (await page.getByTestId('booking-summary').textContent()) ?? ''
      expect(summary).toContain('Anagrafe Centrale')
      expect(summary).toContain(`dalle ${time}`)
      expect(summary).toContain('+39 02 1234567')
      await expectNoAccessibilityViolations(page, 'the booking summary')
      await saveScreenshot(page, 'appointment-summary')
      await page.getByRole('button', { name: 'Conferma la prenotazione' }).click()

      await page.getByTestId('booking-confirmation').waitFor()
      const code = ((await page.getByTestId('booking-code').textContent()) ?? '').trim()
      expect(code).toMatch(/^[A-Z0-9]{8}$/)
      const qr = page.getByTestId('appointment-qr')
      await page.waitForFunction(
        () => (document.querySelector('[data-testid="appointment-qr"]') as HTMLImageElement | null)?.complete,
      )
      expect(await qr.evaluate((image: HTMLImageElement) => image.naturalWidth)).toBeGreaterThan(0)
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByTestId('appointment-ics').click(),
      ])
      const calendar = await fs.readFile((await download.path()) as string, 'utf8')
      expect(calendar).toContain('BEGIN:VEVENT')
      expect(calendar).toContain(code)
      await expectNoAccessibilityViolations(page, 'the booking confirmation')
      await saveScreenshot(page, 'appointment-confirmed')

      // Personal area: the booking is upcoming; it moves to another free time at the same office.
      await page.getByTestId('to-my-appointments').click()
      const item = page.locator(`[data-testid="appointment-item"][data-code="${code}"]`)
      await item.waitFor()
      expect(await item.getAttribute('data-status')).toBe('booked')
      await item.getByTestId('reschedule-appointment').click()
      const form = item.getByTestId('reschedule-form')
      await form.waitFor()
      const newTime = await chooseFirstFreeTime(page, form)
      await expectNoAccessibilityViolations(page, 'moving an appointment')
      await saveScreenshot(page, 'appointment-reschedule')
      await form.getByRole('button', { name: 'Conferma il nuovo orario' }).click()
      await item.getByTestId('appointment-notice').waitFor()
      expect(await item.getByTestId('appointment-notice').textContent()).toContain(`alle ${newTime}`)

      // Cancelling asks first; a "no" keeps the appointment.
      await item.getByTestId('cancel-appointment').click()
      const dialog = page.getByTestId('cancel-dialog')
      await dialog.waitFor()
      await expectNoAccessibilityViolations(page, 'the cancel confirmation')
      await saveScreenshot(page, 'appointment-cancel-dialog')
      await dialog.getByRole('button', { name: 'No, torna indietro' }).click()
      await dialog.waitFor({ state: 'detached' })
      expect(await item.getAttribute('data-status')).toBe('booked')
      await item.getByTestId('cancel-appointment').click()
      await page.getByRole('button', { name: "Sì, annulla l'appuntamento" }).click()
      await page.getByTestId('appointments-announcement').waitFor()
      await page
        .locator(`[data-testid="appointments-past"] [data-code="${code}"][data-status="cancelled"]`)
        .waitFor()
      await expectNoAccessibilityViolations(page, 'the appointments section')
      await saveScreenshot(page, 'appointments-section')
      expectNoPageProblems(problems)
    } finally {
      await page.context().close()
    }
  })

  it('cancels from the e-mail’s manage link only once the person confirms', async () => {
    const signedIn = await openJourneyPage(browser, baseUrl(), { width: PHONE_WIDTH })
    let booked: { code: string; startsAt: string }
    try {
      await signInAsCitizen(signedIn.page, { name: ADA_LOVELACE.name, level: '2' })
      booked = await bookThroughApi(signedIn.page, 'Certificati e autentiche')
    } finally {
      await signedIn.page.context().close()
    }
    const mail = await readOutbox(ADA_EMAIL, (message) =>
      message.text.includes(`/appuntamenti/gestisci/${booked.code}?`),
    )
    const link = new URL(
      mail.text.match(/https?:\/\/[^\s)]+\/appuntamenti\/gestisci\/[^\s)]+/)?.[0] as string,
    )

    // Opened by someone not signed in, as from a phone's mail app.
    const { page, problems } = await openJourneyPage(browser, baseUrl(), { width: PHONE_WIDTH })
    try {
      await page.goto(`${link.pathname}${link.search}`)
      await expectHeading(page, `Il tuo appuntamento ${booked.code}`)
      const managed = page.getByTestId('managed-appointment')
      await managed.waitFor()
      // Opening the link changed nothing.
      expect(await managed.getAttribute('data-status')).toBe('booked')
      expect(await managed.textContent()).toContain('Certificati e autentiche')
      await expectNoAccessibilityViolations(page, 'the manage link page')
      await saveScreenshot(page, 'appointment-manage')

      await page.getByTestId('manage-cancel').click()
      const dialog = page.getByTestId('cancel-dialog')
      await dialog.waitFor()
      await expectNoAccessibilityViolations(page, 'the manage link cancel confirmation')
      await dialog.getByRole('button', { name: "Sì, annulla l'appuntamento" }).click()
      await page.getByTestId('manage-notice').waitFor()
      await page.locator('[data-testid="managed-appointment"][data-status="cancelled"]').waitFor()
      await page.getByTestId('manage-not-changeable').waitFor()
      await saveScreenshot(page, 'appointment-manage-cancelled')

      // A link whose secret is wrong says so, without showing anything.
      await page.goto(`/appuntamenti/gestisci/${booked.code}?token=${'x'.repeat(32)}`)
      await page.getByTestId('manage-link-unusable').waitFor()
      await expectNoAccessibilityViolations(page, 'a wrong manage link')
      forgetExpectedRefusals(problems, [{ status: 404, path: '/appointments/manage/' }])
      expectNoPageProblems(problems)
    } finally {
      await page.context().close()
    }
  })
  it('offers the free times when the chosen one is taken while confirming, keeping the details', async () => {
    const { page, problems } = await openJourneyPage(browser, baseUrl(), { width: PHONE_WIDTH })
    const other = await openJourneyPage(browser, baseUrl(), { width: PHONE_WIDTH })
    try {
      await signInAsCitizen(page, { name: ADA_LOVELACE.name, level: '2', returnTo: '/prenota-appuntamento' })
      await cancelLeftBookings(page, 'Carta d’identità elettronica')
      await cancelLeftBookings(page, 'Certificati e autentiche')
      await waitForStep(page, 'service')
      await chooseLabel(page, 'Carta d’identità elettronica')
      await next(page)
      await chooseLabel(page, 'Municipio 8')
      await next(page)
      await chooseFirstFreeTime(page)
      const start = (await page
        .getByTestId('slot-times')
        .locator('input:checked')
        .getAttribute('value')) as string
      await next(page)
      await page.getByLabel("Motivo dell'appuntamento").fill('Primo rilascio')
      await next(page)
      await waitForStep(page, 'summary')

      // Meanwhile both counters of Municipio 8 are taken at that time (it has two).
      const certificates = await serviceNamed(page, 'Certificati e autentiche')
      const office = certificates.offices.find((entry) => entry.name === 'Municipio 8')?.id as string
      await signInAsCitizen(other.page, { name: GAIO_GIULIO_CESARE.name, level: '2' })
      await cancelLeftBookings(other.page, 'Certificati e autentiche')
      expect((await postBooking(other.page, { service: certificates.id, office, start })).status()).toBe(201)
      expect([201, 409]).toContain(
        (await postBooking(page, { service: certificates.id, office, start })).status(),
      )

      await page.getByRole('button', { name: 'Conferma la prenotazione' }).click()
      const alternatives = page.getByTestId('booking-alternatives')
      await alternatives.waitFor()
      await page.getByText('L’orario scelto è appena stato prenotato da qualcun altro').waitFor()
      expect(await page.getByTestId('booking-summary').textContent()).toContain('Primo rilascio')
      await expectNoAccessibilityViolations(page, 'the alternatives after a taken time')
      await saveScreenshot(page, 'appointment-alternatives')
      await chooseFirstFreeTime(page, alternatives)
      await page.getByRole('button', { name: 'Conferma la prenotazione' }).click()
      await page.getByTestId('booking-confirmation').waitFor()
      forgetExpectedRefusals(problems, [{ status: 409, path: '/api/v1/appointments' }])
      expectNoPageProblems(problems)
    } finally {
      // Leave nobody's limit reached for the journeys after this one.
      await cancelLeftBookings(page, 'Carta d’identità elettronica').catch(() => undefined)
      await cancelLeftBookings(page, 'Certificati e autentiche').catch(() => undefined)
      await cancelLeftBookings(other.page, 'Certificati e autentiche').catch(() => undefined)
      await other.page.context().close()
      await page.context().close()
    }
  })
})
