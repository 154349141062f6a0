import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DESKTOP_WIDTH, launchBrowser, openJourneyPage, PHONE_WIDTH } from '../support/browser'
import { baseUrl, describeFocus, expectHeading, expectNoPageProblems } from '../support/journey'

async function tabUntil(page: Page, matches: (focus: Awaited<ReturnType<typeof describeFocus>>) => boolean) {
  for (let presses = 0; presses < 40; presses += 1) {
    await page.keyboard.press('Tab')
    if (matches(await describeFocus(page))) return
  }
  throw new Error('the element was not reached with the Tab key')
}

describe('keyboard only', () => {
  let browser: Browser

  beforeAll(async () => {
    browser = await launchBrowser()
  })

  afterAll(async () => {
    await browser?.close()
  })

  it('skips to the main content with the first Tab and Enter', async () => {
    const { page, problems, close } = await openJourneyPage(browser, baseUrl(), { width: DESKTOP_WIDTH })
    try {
      await page.goto('/')
      await page.getByTestId('city-name').filter({ hasText: 'Comune di' }).waitFor()

      await page.keyboard.press('Tab')
      const skipLink = page.getByRole('link', { name: 'Vai al contenuto' })
      expect(await describeFocus(page)).toMatchObject({ text: 'Vai al contenuto' })
      // Hidden until focused, then visible for sighted keyboard users.
      const box = await skipLink.boundingBox()
      expect(box?.width ?? 0).toBeGreaterThan(20)

      await page.keyboard.press('Enter')
      expect((await describeFocus(page)).id).toBe('main-container')

      // The next Tab continues inside the main content, at the search box.
      await page.keyboard.press('Tab')
      const next = await page.evaluate(() => document.activeElement?.closest('main') !== null)
      expect(next, 'focus stays in the main content').toBe(true)
      expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type)).toBe(
        'search',
      )

      // Searching works by keyboard too.
      await page.keyboard.type('certificati')
      await page.keyboard.press('Enter')
      await page.waitForURL('**/servizi?q=certificati')
      await expectHeading(page, 'Servizi')
      await page.getByTestId('services-count').filter({ hasText: 'certificati' }).waitFor()
      expect(await page.locator('[data-element="service-link"]').allTextContents()).toEqual(
        expect.arrayContaining(['Certificati anagrafici', 'Certificati ed estratti di stato civile']),
      )
      expectNoPageProblems(problems)
    } finally {
      await close()
    }
  })

  it('skips to the footer', async () => {
    const { page, problems, close } = await openJourneyPage(browser, baseUrl(), { width: DESKTOP_WIDTH })
    try {
      await page.goto('/')
      await page.getByTestId('city-name').filter({ hasText: 'Comune di' }).waitFor()
      await page.keyboard.press('Tab')
      await page.keyboard.press('Tab')
      expect(await describeFocus(page)).toMatchObject({ text: 'Vai al footer' })
      await page.keyboard.press('Enter')
      expect((await describeFocus(page)).id).toBe('footer')
      expectNoPageProblems(problems)
    } finally {
      await close()
    }
  })

  it('opens, walks and closes the phone menu', async () => {
    const { page, problems, close } = await openJourneyPage(browser, baseUrl(), { width: PHONE_WIDTH })
    try {
      await page.goto('/')
      await page.getByTestId('city-name').filter({ hasText: 'Comune di' }).waitFor()
      await tabUntil(page, (focus) => focus.tag === 'button' && focus.text === 'Apri il menu di navigazione')
      await page.keyboard.press('Enter')
      await page.waitForFunction(() => document.activeElement?.classList.contains('close-menu') === true)

      // Focus stays inside the open panel: from the last link, Tab wraps to the close button.
      await tabUntil(page, (focus) => focus.text === 'Vivere il Comune')
      await page.keyboard.press('Tab')
      expect(await page.evaluate(() => document.activeElement?.classList.contains('close-menu'))).toBe(true)

      await page.keyboard.press('Escape')
      expect(await describeFocus(page)).toMatchObject({ tag: 'button', text: 'Apri il menu di navigazione' })
      expect(await page.locator('[data-element="all-services"]').isVisible()).toBe(false)

      // And a menu link followed by keyboard lands on its page.
      await page.keyboard.press('Enter')
      await page.waitForFunction(() => document.activeElement?.classList.contains('close-menu') === true)
      await tabUntil(page, (focus) => focus.text === 'Novità')
      await page.keyboard.press('Enter')
      await page.waitForURL('**/novita')
      await expectHeading(page, 'Novità')
      await page.waitForFunction(() => document.activeElement?.id === 'main-container')
      expectNoPageProblems(problems)
    } finally {
      await close()
    }
  })
})
