import type { Browser, Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { forgetExpectedRefusals, launchBrowser, openJourneyPage, PHONE_WIDTH } from '../support/browser'
import {
  baseUrl,
  describeFocus,
  expectHeading,
  expectNoAccessibilityViolations,
  expectNoPageProblems,
} from '../support/journey'
import { readOutbox } from '../support/outbox'
import { saveScreenshot } from '../support/screenshots'
import {
  ADA_LOVELACE,
  chooseCitizenAtDevProvider,
  GAIO_GIULIO_CESARE,
  readOneTimeCode,
  STAFF,
  signInAsCitizen,
  signInAsStaff,
} from '../support/sign-in'

const REQUEST_CODE = /^R\d{4}-[A-Z0-9]{6}$/

/** A detail the demo taxonomy files under the registry office, whose team the demo operator works in. */
const CITY_CATEGORY = {
  area: 'Anagrafe e stato civile',
  topic: 'Residenza e cambio di indirizzo',
  detail: 'Stato della pratica di residenza',
}

/** A small but real PDF: the server reads the content, not only the name. */
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
)

/** Bootstrap Italia draws its own radios over the input: a person taps the label. */
const chooseLabel = (within: Locator, text: string) =>
  within.locator('label', { hasText: new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) }).click()

const next = (page: Page) => page.getByTestId('write-next').click()

const waitForStep = (page: Page, step: string) =>
  page.locator(`[data-testid="write-form"][data-step="${step}"]`).waitFor()

/** The heading of each new step takes the focus, so a screen reader starts reading there. */
async function expectStepHeadingFocused(page: Page, text: string): Promise<void> {
  await page.waitForFunction((expected) => document.activeElement?.textContent === expected, text)
  expect(await describeFocus(page)).toMatchObject({ tag: 'h2', text })
}

const csrfTokenOf = async (page: Page) =>
  ((await (await page.request.get('/api/v1/session')).json()) as { csrfToken: string }).csrfToken

/** The operator answers through the console's API, as the console would, asking the citizen for more. */
async function replyAsOperator(browser: Browser, code: string, body: string): Promise<void> {
  const { page, close } = await openJourneyPage(browser, baseUrl(), { width: PHONE_WIDTH })
  try {
    await signInAsStaff(page, STAFF.operator)
    const response = await page.request.post(`/api/v1/staff/tickets/${code}/reply`, {
      headers: { 'x-csrf-token': await csrfTokenOf(page) },
      data: { body, nextStatus: 'waiting-citizen' },
    })
    expect(response.status(), await response.text()).toBe(200)
  } finally {
    await close()
  }
}

describe('writing to the city', () => {
  let browser: Browser

  beforeAll(async () => {
    browser = await launchBrowser()
  })

  afterAll(async () => {
    await browser?.close()
  })

  it('a citizen writes with a file, follows the request, reads the answer and replies', async () => {
    const { page, problems, close } = await openJourneyPage(browser, baseUrl(), { width: PHONE_WIDTH })
    const subject = `Cambio di residenza ${Date.now()}`
    try {
      await signInAsCitizen(page, { name: GAIO_GIULIO_CESARE.name, level: '1', returnTo: '/scrivi' })
      await expectHeading(page, 'Scrivi al Comune')
      // The phone and e-mail channels stay; the form is one tap away.
      await page.getByText('Chiama il contact center').waitFor()
      await page.getByTestId('write-city').click()
      await page.waitForURL('**/scrivi/nuova-richiesta')
      await expectHeading(page, 'Nuova richiesta al Comune')

      // 1 Argomento: area, topic, detail; going on without a choice says what is missing.
      await waitForStep(page, 'category')
      expect(await page.getByTestId('step-indicator').textContent()).toContain('Passo 1 di 3')
      await next(page)
      await page.getByText("Scegli un'area.").waitFor()
      await chooseLabel(page.getByTestId('ticket-areas'), CITY_CATEGORY.area)
      await chooseLabel(page.getByTestId('ticket-topics'), CITY_CATEGORY.topic)
      await chooseLabel(page.getByTestId('ticket-details'), CITY_CATEGORY.detail)
      await expectNoAccessibilityViolations(page, 'the category step at 360 px')
      await next(page)

      // 2 Richiesta: checked before anything is sent; a file the city would refuse is refused here.
      await waitForStep(page, 'request')
      await expectStepHeadingFocused(page, 'La tua richiesta')
      await next(page)
      await page.getByText("Scrivi l'oggetto: da 3 a 150 caratteri.").waitFor()
      expect(await describeFocus(page)).toMatchObject({ tag: 'input' })
      await page.getByLabel('Oggetto').fill(subject)
      const text = 'Mi sono trasferito in via Dante 3 a marzo: quali documenti servono per il cambio?'
      await page.getByLabel('Descrivi la tua richiesta').fill(text)
      expect(await page.getByTestId('body-counter').textContent()).toBe(`${text.length} caratteri su 5000`)
      const input = page.getByTestId('attachment-input').first()
      await input.setInputFiles([
        { name: 'programma.exe', mimeType: 'application/octet-stream', buffer: Buffer.from('MZ') },
        { name: 'contratto-affitto.pdf', mimeType: 'application/pdf', buffer: PDF },
      ])
      await page.getByTestId('refused-files').getByText('«programma.exe» non è stato allegato').waitFor()
      await page.getByTestId('chosen-files').getByText('contratto-affitto.pdf').waitFor()
      await page.getByText('Puoi aggiungere ancora 4 file.').waitFor()
      await expectNoAccessibilityViolations(page, 'the request step with a file')
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(PHONE_WIDTH)
      await saveScreenshot(page, 'write-request-form')
      await next(page)

      // 3 Riepilogo: everything as it will be sent, then the request's code.
      await waitForStep(page, 'summary')
      const summary = (await page.getByTestId('write-summary').textContent()) ?? ''
      expect(summary).toContain(`${CITY_CATEGORY.area} › ${CITY_CATEGORY.topic} › ${CITY_CATEGORY.detail}`)
      expect(summary).toContain(subject)
      expect(summary).toContain('contratto-affitto.pdf')
      expect(summary).toContain(GAIO_GIULIO_CESARE.name)
      await expectNoAccessibilityViolations(page, 'the summary')
      await page.getByRole('button', { name: 'Invia la richiesta' }).click()

      const confirmation = page.getByTestId('write-confirmation')
      await confirmation.waitFor()
      await expectStepHeadingFocused(page, 'Richiesta inviata')
      const code = ((await page.getByTestId('request-code').textContent()) ?? '').trim()
      expect(code).toMatch(REQUEST_CODE)
      await expectNoAccessibilityViolations(page, 'the confirmation')
      await saveScreenshot(page, 'write-request-confirmation')

      // Richieste: the new request is on top, received, filed under its triplet.
      await page.getByTestId('to-my-requests').click()
      await page.locator('[role="tab"][aria-selected="true"]', { hasText: 'Richieste' }).waitFor()
      const item = page.locator(`[data-testid="ticket-item"][data-code="${code}"]`)
      await item.waitFor()
      expect(await page.getByTestId('ticket-item').first().getAttribute('data-code')).toBe(code)
      expect(await item.textContent()).toContain(subject)
      expect(await item.textContent()).toContain(CITY_CATEGORY.detail)
      await item.getByTestId('ticket-status').filter({ hasText: 'Ricevuta' }).waitFor()
      await expectNoAccessibilityViolations(page, 'the requests section')
      await saveScreenshot(page, 'tickets-section')

      // The city answers and asks for a document; the citizen sees it flagged in the list.
      const answer = 'Buongiorno, serve la copia del documento d’identità: la alleghi rispondendo qui.'
      await replyAsOperator(browser, code, answer)
      await page.reload()
      await item.getByTestId('ticket-replied').waitFor()
      await item.getByRole('link', { name: subject }).click()

      // The request's page, as the notification opens it: status, conversation, file, history.
      await page.waitForURL(`**/area-personale/richieste/${code}`)
      await expectHeading(page, subject)
      await page.getByTestId('ticket-waiting').waitFor()
      await page
        .getByTestId('ticket-facts')
        .getByTestId('ticket-status')
        .filter({ hasText: 'In attesa di una tua risposta' })
        .waitFor()
      const messages = page.getByTestId('ticket-message')
      expect(await messages.count()).toBe(2)
      expect(await messages.nth(0).getAttribute('data-kind')).toBe('inbound')
      expect(await messages.nth(0).textContent()).toContain('Hai scritto')
      expect(await messages.nth(1).getAttribute('data-kind')).toBe('reply')
      expect(await messages.nth(1).textContent()).toContain('Risposta del Comune')
      expect(await messages.nth(1).textContent()).toContain(answer)
      const attachment = messages.nth(0).getByTestId('ticket-attachment')
      const download = await page.request.get((await attachment.getAttribute('href')) as string)
      expect(download.status()).toBe(200)
      expect(download.headers()['content-disposition']).toContain('contratto-affitto.pdf')
      expect((await download.body()).subarray(0, 5).toString()).toBe('%PDF-')
      expect(await page.getByTestId('ticket-history').textContent()).toContain('Richiesta ricevuta')
      await expectNoAccessibilityViolations(page, 'the request page')
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(PHONE_WIDTH)

      // The citizen answers from the page; an empty message is caught first.
      const reply = page.getByTestId('reply-form')
      await reply.getByRole('button', { name: 'Invia il messaggio' }).click()
      await reply.getByText('Scrivi il messaggio.').waitFor()
      await reply.getByLabel('Il tuo messaggio').fill('Ecco la copia del documento, grazie.')
      await reply.getByTestId('attachment-input').setInputFiles({
        name: 'documento.pdf',
        mimeType: 'application/pdf',
        buffer: PDF,
      })
      await reply.getByTestId('chosen-files').getByText('documento.pdf').waitFor()
      await reply.getByRole('button', { name: 'Invia il messaggio' }).click()
      await page.getByTestId('reply-sent').waitFor()
      await page.waitForFunction(
        () => document.querySelectorAll('[data-testid="ticket-message"]').length === 3,
      )
      expect(await messages.nth(2).textContent()).toContain('Ecco la copia del documento, grazie.')
      expect(await messages.nth(2).getByTestId('ticket-attachment').textContent()).toContain('documento.pdf')
      await expectNoAccessibilityViolations(page, 'the request page after replying')
      await saveScreenshot(page, 'ticket-page')

      expectNoPageProblems(problems)
    } finally {
      await close()
    }
  })

  it('keeps the draft, file included, through signing in with SPID from the form', async () => {
    const { page, problems, close } = await openJourneyPage(browser, baseUrl(), { width: PHONE_WIDTH })
    const subject = `Carta d’identità ${Date.now()}`
    try {
      await page.goto('/scrivi/nuova-richiesta')
      await waitForStep(page, 'category')
      expect(await page.getByTestId('step-indicator').textContent()).toContain('Passo 1 di 4')
      await chooseLabel(page.getByTestId('ticket-areas'), CITY_CATEGORY.area)
      await chooseLabel(page.getByTestId('ticket-topics'), CITY_CATEGORY.topic)
      await chooseLabel(page.getByTestId('ticket-details'), CITY_CATEGORY.detail)
      await next(page)
      await waitForStep(page, 'request')
      await page.getByLabel('Oggetto').fill(subject)
      await page
        .getByLabel('Descrivi la tua richiesta')
        .fill('Vorrei sapere a che punto è la mia pratica di residenza.')
      await page.getByTestId('attachment-input').setInputFiles({
        name: 'ricevuta.pdf',
        mimeType: 'application/pdf',
        buffer: PDF,
      })
      await page.getByTestId('chosen-files').getByText('ricevuta.pdf').waitFor()
      await next(page)
      await waitForStep(page, 'identity')

      // Off to the identity provider and back: the citizen lands on the summary of what they wrote.
      await page.getByTestId('spid-sign-in').click()
      await chooseCitizenAtDevProvider(page, ADA_LOVELACE.name, '1')
      await page.waitForURL('**/scrivi/nuova-richiesta')
      await waitForStep(page, 'summary')
      expect(await page.getByTestId('step-indicator').textContent()).toContain('Passo 3 di 3')
      await expectStepHeadingFocused(page, 'Controlla e invia')
      const summary = (await page.getByTestId('write-summary').textContent()) ?? ''
      expect(summary).toContain(subject)
      expect(summary).toContain('ricevuta.pdf')
      expect(summary).toContain(ADA_LOVELACE.name)
      await page.getByRole('button', { name: 'Invia la richiesta' }).click()
      const code = ((await page.getByTestId('request-code').textContent()) ?? '').trim()
      expect(code).toMatch(REQUEST_CODE)

      // Sent, the draft is gone: the form starts empty again.
      await page.goto('/scrivi/nuova-richiesta')
      await waitForStep(page, 'category')
      expectNoPageProblems(problems)
    } finally {
      await close()
    }
  })

  it('someone without SPID writes to the mayor with an e-mail address proved by a code', async () => {
    const { page, problems, close } = await openJourneyPage(browser, baseUrl(), { width: PHONE_WIDTH })
    const email = `lettore.${Date.now()}@example.it`
    const subject = 'Più alberi in piazza'
    try {
      await page.goto('/scrivi')
      await page.getByTestId('write-mayor').click()
      await page.waitForURL('**/scrivi/sindaco')
      await expectHeading(page, 'Scrivi al Sindaco')

      // Only the mayor's details are offered; one area is no choice, so topics come first.
      await waitForStep(page, 'category')
      expect(await page.getByTestId('step-indicator').textContent()).toContain('Passo 1 di 4')
      expect(await page.getByTestId('ticket-areas').count()).toBe(0)
      const topics = page.getByTestId('ticket-topics')
      await topics.locator('label').first().click()
      const details = page.getByTestId('ticket-details')
      await details.waitFor()
      await details.locator('label').first().click()
      await next(page)

      await waitForStep(page, 'request')
      await page.getByLabel('Oggetto').fill(subject)
      await page
        .getByLabel('Descrivi la tua richiesta')
        .fill('Propongo di piantare dieci alberi in piazza del Duomo.')
      await next(page)

      // 3 Chi scrive: SPID or CIE, or an e-mail address verified with a code.
      await waitForStep(page, 'identity')
      await expectStepHeadingFocused(page, 'Chi scrive')
      expect(await page.getByTestId('spid-sign-in').getAttribute('href')).toContain(
        `returnTo=${encodeURIComponent('/scrivi/sindaco')}`,
      )
      await next(page)
      await page
        .getByText('Per continuare accedi con SPID o CIE, oppure verifica il tuo indirizzo e-mail.')
        .waitFor()
      await expectNoAccessibilityViolations(page, 'the identity step with its error')

      // What was written survives leaving the page, as it does a sign-in round trip.
      await page.reload()
      await waitForStep(page, 'identity')
      await page.getByRole('button', { name: 'Indietro' }).click()
      await waitForStep(page, 'request')
      expect(await page.getByLabel('Oggetto').inputValue()).toBe(subject)
      await next(page)
      await waitForStep(page, 'identity')

      const emailForm = page.getByTestId('email-form')
      await emailForm.getByLabel('Indirizzo e-mail').fill(email)
      await emailForm.getByLabel('Nome e cognome (facoltativo)').fill('Lucia Lettrice')
      await emailForm.getByRole('button', { name: 'Invia il codice' }).click()
      await page.getByTestId('code-sent').waitFor()
      await page.waitForFunction(() => document.activeElement?.getAttribute('name') === 'email-code')
      expect(await page.getByRole('button', { name: 'Invia un nuovo codice' }).isDisabled()).toBe(true)
      await page.getByText(/Potrai chiedere un nuovo codice tra \d+ second/).waitFor()
      await expectNoAccessibilityViolations(page, 'the code step')
      const codeDigits = await readOneTimeCode(email)
      const wrong = [...codeDigits].map((digit) => String((Number(digit) + 1) % 10)).join('')
      const codeForm = page.getByTestId('code-form')
      await codeForm.getByLabel('Codice di verifica').fill(wrong)
      await codeForm.getByRole('button', { name: 'Conferma il codice' }).click()
      await page.waitForFunction(
        () => document.querySelector('input[name="email-code"]')?.getAttribute('aria-invalid') === 'true',
      )
      await codeForm.getByLabel('Codice di verifica').fill(codeDigits)
      await codeForm.getByRole('button', { name: 'Conferma il codice' }).click()
      await page.getByText(`Indirizzo verificato: ${email}`).waitFor()
      await next(page)

      await waitForStep(page, 'summary')
      const summary = (await page.getByTestId('write-summary').textContent()) ?? ''
      expect(summary).toContain(email)
      expect(summary).toContain('Lucia Lettrice')
      await expectNoAccessibilityViolations(page, 'the summary of a letter to the mayor')
      await page.getByRole('button', { name: 'Invia la richiesta' }).click()

      await page.getByTestId('write-confirmation').waitFor()
      await expectStepHeadingFocused(page, 'Lettera inviata al Sindaco')
      const code = ((await page.getByTestId('request-code').textContent()) ?? '').trim()
      expect(code).toMatch(REQUEST_CODE)
      expect(await page.getByTestId('write-confirmation').textContent()).toContain(email)
      expect(await page.getByTestId('to-my-requests').count()).toBe(0)
      await expectNoAccessibilityViolations(page, 'the confirmation of a letter to the mayor')
      await saveScreenshot(page, 'write-mayor-confirmation')
      // The acknowledgement reaches the verified address with the request's code.
      await readOutbox(email, (message) => message.text.includes(code))

      forgetExpectedRefusals(problems, [{ status: 422, path: '/api/v1/tickets/email-challenges/verify' }])
      expectNoPageProblems(problems)
    } finally {
      await close()
    }
  })
})
