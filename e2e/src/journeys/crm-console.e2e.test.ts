import type { Browser, Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { forgetExpectedRefusals, launchBrowser, openJourneyPage, PHONE_WIDTH } from '../support/browser'
import {
  baseUrl,
  expectHeading,
  expectNoAccessibilityViolations,
  expectNoPageProblems,
} from '../support/journey'
import { saveScreenshot } from '../support/screenshots'
import { ADA_LOVELACE, STAFF, signInAsCitizen, signInAsStaff } from '../support/sign-in'

async function csrfOf(page: Page): Promise<string> {
  return (await (await page.request.get('/api/v1/session')).json()).csrfToken
}

/** The citizen writes to the city through the API, as the "Scrivi al Comune" form does. */
async function writeToCity(page: Page, subject: string): Promise<string> {
  const response = await page.request.post('/api/v1/tickets', {
    headers: { 'x-csrf-token': await csrfOf(page) },
    data: {
      categoryCode: 'residenza-pratica',
      subject,
      body: 'Ho chiesto il cambio di residenza tre settimane fa: a che punto è la pratica?',
    },
  })
  expect(response.status()).toBe(201)
  return (await response.json()).code
}

/** Bootstrap Italia's button-like radios are drawn by their labels: a person taps the label. */
async function pickFirstTime(times: Locator): Promise<void> {
  await times.locator('label').first().click()
}

async function expectFitsThePhone(page: Page): Promise<void> {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(PHONE_WIDTH)
}

describe('CRM console', () => {
  let browser: Browser

  beforeAll(async () => {
    browser = await launchBrowser()
  })

  afterAll(async () => {
    await browser?.close()
  })

  it('finds a citizen, books and logs the call from the 360° view, and answers a request with a canned reply', async () => {
    const citizen = await openJourneyPage(browser, baseUrl(), { width: PHONE_WIDTH })
    const { page, problems, close } = await openJourneyPage(browser, baseUrl(), { width: PHONE_WIDTH })
    try {
      await signInAsCitizen(citizen.page, { name: ADA_LOVELACE.name, level: '2' })
      const subject = `Cambio di residenza ${String(Date.now()).slice(-5)}`
      const ticketCode = await writeToCity(citizen.page, subject)
      await citizen.close()

      // The operator looks the caller up by fiscal code and opens the 360° view.
      await signInAsStaff(page, STAFF.operator)
      await page.getByTestId('back-office-nav').getByRole('link', { name: 'Cittadini', exact: true }).click()
      await expectHeading(page, 'Cittadini')
      const search = page.getByTestId('contact-search')
      await search.getByLabel('Codice fiscale, e-mail o telefono').fill(ADA_LOVELACE.fiscalCode.toLowerCase())
      await search.getByRole('button', { name: 'Cerca' }).click()
      const results = page.getByTestId('contact-results')
      await results.getByRole('heading', { name: '1 contatto trovato' }).waitFor()
      await expectNoAccessibilityViolations(page, 'the citizen search')
      await expectFitsThePhone(page)
      await saveScreenshot(page, 'crm-citizens')
      await results.getByRole('link', { name: /^Apri la vista 360°/ }).click()
      await expectHeading(page, `Vista 360° - ${ADA_LOVELACE.name}`)
      const timeline = page.getByTestId('timeline')
      const ticketEntry = timeline.locator(`[data-kind="ticket"][data-reference="${ticketCode}"]`)
      await ticketEntry.waitFor()
      expect(await ticketEntry.textContent()).toContain(subject)
      await expectNoAccessibilityViolations(page, 'the 360° view')
      await expectFitsThePhone(page)
      await saveScreenshot(page, 'crm-citizen-360')

      // The filters narrow the list to one kind.
      const kinds = page.getByTestId('crm-citizen').locator('fieldset')
      await kinds.getByText('Richieste', { exact: true }).click()
      expect(await ticketEntry.count()).toBe(0)
      expect(await page.getByTestId('timeline-count').textContent()).toMatch(
        /^\d+ voc[ei] mostrat[ae] su \d+ caricate\.$/,
      )
      await kinds.getByText('Richieste', { exact: true }).click()
      await ticketEntry.waitFor()

      // During the call the operator books an appointment on the 020202 page...
      await page.getByTestId('book-appointment-link').click()
      await expectHeading(page, 'Prenotazioni per telefono (020202)')
      const booking = page.getByTestId('citizen-search')
      await booking.getByLabel('Codice fiscale').fill(ADA_LOVELACE.fiscalCode)
      await booking.getByRole('button', { name: 'Cerca gli appuntamenti' }).click()
      const form = page.getByTestId('new-booking-form')
      await form.getByLabel('Servizio').selectOption({ label: 'Certificati e autentiche (10 min)' })
      await form.getByLabel('Sede').selectOption({ label: 'Anagrafe Centrale - Via Larga 12, 20122 Milano' })
      await form.getByTestId('first-free').waitFor()
      const times = form.getByTestId('times')
      await times.waitFor()
      await pickFirstTime(times)
      await form.getByRole('button', { name: 'Prenota per il cittadino' }).click()
      const notice = page.getByTestId('booked-notice')
      await notice.waitFor()
      const bookingCode = ((await notice.getByTestId('booked-code').textContent()) ?? '').trim()
      expect(bookingCode).toMatch(/^[A-Z2-9]{8}$/)

      // ...then goes back to the 360° view and logs the call, the timer running since it opened.
      await page.goBack()
      await expectHeading(page, `Vista 360° - ${ADA_LOVELACE.name}`)
      await page.getByTestId('log-call-link').click()
      await expectHeading(page, 'Registra chiamata')
      const call = page.getByTestId('call-form')
      expect(await call.getByLabel('Codice fiscale', { exact: true }).inputValue()).toBe(
        ADA_LOVELACE.fiscalCode,
      )
      await page.waitForFunction(
        () => document.querySelector('[data-testid="call-timer"]')?.textContent !== '0:00',
        null,
        { timeout: 5_000 },
      )

      // Saving without an outcome says what is missing, next to the fields.
      await call.getByRole('button', { name: 'Registra la chiamata' }).click()
      await call.getByText('Scegli l’esito della chiamata.').waitFor()
      await call.getByText('Scegli area, argomento e dettaglio.').waitFor()

      const triplet = call.getByTestId('call-triplet')
      await triplet.getByLabel('Area').selectOption({ label: 'Anagrafe e stato civile' })
      await triplet.getByLabel('Argomento').selectOption({ label: 'Carta d’identità elettronica' })
      await triplet.getByLabel('Dettaglio').selectOption({ label: 'Appuntamento per la CIE' })
      await call.getByTestId('call-outcome').getByText('Prenotato un appuntamento', { exact: true }).click()
      await call.getByLabel('Codice della prenotazione').fill(bookingCode.toLowerCase())
      await call.getByLabel('Note (facoltative)').fill('Prenotato il ritiro del certificato.')
      await call.getByRole('button', { name: 'Registra la chiamata' }).click()
      const result = page.getByTestId('call-result')
      await result.waitFor()
      expect(await result.getByTestId('call-result-outcome').textContent()).toBe('Prenotato un appuntamento')
      expect(await result.getByTestId('call-result-booking').textContent()).toBe(bookingCode)
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('call-result-title')
      await expectNoAccessibilityViolations(page, 'the logged call')
      await expectFitsThePhone(page)
      await saveScreenshot(page, 'crm-call-logged')

      // The call and the appointment are in the citizen's timeline now.
      await result.getByRole('link', { name: 'Torna alla vista 360° del cittadino' }).click()
      await expectHeading(page, `Vista 360° - ${ADA_LOVELACE.name}`)
      await timeline.locator(`[data-kind="call"][data-reference="${bookingCode}"]`).waitFor()
      await timeline.locator(`[data-kind="appointment"][data-reference="${bookingCode}"]`).waitFor()

      // The request waits in the registry team's queue: the operator takes it from the list.
      await page.getByTestId('back-office-nav').getByRole('link', { name: 'Richieste', exact: true }).click()
      await expectHeading(page, 'Richieste')
      const filters = page.getByTestId('queue-filters')
      await filters.getByLabel('Cerca per codice o testo').fill(ticketCode)
      await filters.getByRole('button', { name: 'Applica' }).click()
      const item = page.locator(`[data-ticket="${ticketCode}"]`)
      await item.waitFor()
      expect(await item.getByTestId('sla-badges').textContent()).toMatch(/Scade tra/)
      await expectNoAccessibilityViolations(page, 'the queue')
      await expectFitsThePhone(page)
      await saveScreenshot(page, 'crm-queue')
      await item.getByRole('button', { name: `Prendi in carico ${ticketCode}` }).click()
      await page.getByText(`Richiesta ${ticketCode} presa in carico.`).waitFor()
      await item.getByText(`Assegnata a ${STAFF.operator}`).waitFor()

      // The ticket page: the canned reply of its triplet, filled in for this ticket.
      await item.getByRole('link', { name: new RegExp(ticketCode) }).click()
      await expectHeading(page, `${ticketCode} - ${subject}`)
      expect(await page.getByTestId('ticket-assignee').textContent()).toBe(STAFF.operator)
      const composer = page.getByTestId('composer')
      await composer
        .getByLabel('Risposta', { exact: true })
        .selectOption({ label: 'Pratica di residenza in istruttoria' })
      await composer.getByRole('button', { name: 'Inserisci' }).click()
      const text = composer.getByLabel('Testo della risposta')
      await page.waitForFunction(
        () =>
          (document.querySelector('[data-testid="composer"] textarea') as HTMLTextAreaElement)?.value !== '',
      )
      const body = await text.inputValue()
      expect(body).toContain('la sua pratica di residenza è in istruttoria')
      expect(body).toContain(STAFF.operator)
      expect(body).not.toMatch(/\{[a-zà]+\}/)
      await composer.getByRole('button', { name: 'Invia la risposta' }).click()
      await page.getByTestId('ticket-announcement').getByText('Risposta inviata al cittadino.').waitFor()
      const conversation = page.getByTestId('conversation')
      await conversation.locator('[data-kind="reply"]').filter({ hasText: 'in istruttoria' }).waitFor()
      await page.getByTestId('ticket-header').getByText('In lavorazione').waitFor()

      // An internal note is set apart and labelled as never sent.
      await composer.getByText('Nota interna', { exact: true }).click()
      await composer.getByLabel('Testo della nota interna').fill('Verificare con la Polizia locale.')
      await composer.getByRole('button', { name: 'Salva la nota' }).click()
      const note = conversation.locator('[data-kind="note"]')
      await note.waitFor()
      expect(await note.getByTestId('internal-note').textContent()).toBe(
        'Nota interna, non inviata al cittadino',
      )
      await expectNoAccessibilityViolations(page, 'the ticket page')
      await expectFitsThePhone(page)
      await saveScreenshot(page, 'crm-ticket')

      // A colleague changes the ticket meanwhile: the next change from this page is refused as stale,
      // the page says so and shows the ticket as it is now; trying again then works.
      const noted = await page.request.post(`/api/v1/staff/tickets/${ticketCode}/note`, {
        headers: { 'x-csrf-token': await csrfOf(page) },
        data: { body: 'Nota scritta da un collega.' },
      })
      expect(noted.status()).toBe(200)
      const statusAction = page.getByTestId('status-action')
      await statusAction.getByLabel('Nuovo stato').selectOption({ label: 'In attesa di un ufficio' })
      await statusAction.getByRole('button', { name: 'Cambia stato' }).click()
      const stale = statusAction.getByTestId('stale-ticket')
      await stale.getByText('La richiesta è cambiata nel frattempo.').waitFor()
      await conversation.getByText('Nota scritta da un collega.').waitFor()
      await stale.getByRole('button', { name: 'Ricarica la richiesta' }).click()
      await statusAction.getByLabel('Nuovo stato').selectOption({ label: 'In attesa di un ufficio' })
      await statusAction.getByRole('button', { name: 'Cambia stato' }).click()
      await page
        .getByTestId('ticket-announcement')
        .getByText('Stato cambiato: In attesa di un ufficio.')
        .waitFor()
      await page.getByTestId('ticket-header').getByText('In attesa di un ufficio').waitFor()
      forgetExpectedRefusals(problems, [{ status: 409, path: `/api/v1/staff/tickets/${ticketCode}/status` }])

      expectNoPageProblems(problems)
    } finally {
      await close()
    }
  })
})
