import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DESKTOP_WIDTH, launchBrowser, openJourneyPage, PHONE_WIDTH } from '../support/browser'
import {
  baseUrl,
  expectHeading,
  expectNoAccessibilityViolations,
  expectNoPageProblems,
} from '../support/journey'
import { saveScreenshot } from '../support/screenshots'
import { ADA_LOVELACE, STAFF, signInAsCitizen, signInAsStaff } from '../support/sign-in'

async function expectNoSidewaysScrolling(page: Page, where: string): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
  expect(overflow, `${where} is wider than the screen`).toBeLessThanOrEqual(0)
}

/** Checks a page the way every page is checked: axe, no sideways scrolling, a screenshot at 360 px. */
async function checkPage(page: Page, name: string, width: number): Promise<void> {
  await expectNoAccessibilityViolations(page, `the ${name} page at ${width} px`)
  await expectNoSidewaysScrolling(page, `the ${name} page at ${width} px`)
  if (width === PHONE_WIDTH) await saveScreenshot(page, name)
}

describe('sign-in, personal area and back office pages meet WCAG 2.1 AA', () => {
  let browser: Browser

  beforeAll(async () => {
    browser = await launchBrowser()
  })

  afterAll(async () => {
    await browser?.close()
  })

  for (const width of [PHONE_WIDTH, DESKTOP_WIDTH]) {
    it(`login, personal area, profile and payments (${width} px)`, async () => {
      const { page, problems, close } = await openJourneyPage(browser, baseUrl(), { width })
      try {
        await page.goto('/login')
        await expectHeading(page, "Accedi all'area personale")
        await checkPage(page, 'login', width)

        await signInAsCitizen(page, { name: ADA_LOVELACE.name, level: '2' })
        await expectHeading(page, 'Area personale')
        await page.getByTestId('person-summary').getByText(ADA_LOVELACE.fiscalCode).waitFor()
        await page.getByTestId('represented-chooser').locator('h2').waitFor()
        await page.waitForFunction(() => !document.querySelector('[role="status"] .progress-spinner'))
        await checkPage(page, 'personal-area', width)

        // The user menu, open, is part of the page too.
        await page.getByTestId('user-menu-button').click()
        await page.getByRole('link', { name: 'Profilo', exact: true }).waitFor()
        await expectNoAccessibilityViolations(page, `the open user menu at ${width} px`)
        await page.getByRole('link', { name: 'Profilo', exact: true }).click()

        await page.waitForURL('**/area-personale/profilo')
        await expectHeading(page, 'Profilo')
        await page.getByTestId('contact-email').waitFor()
        await page.getByTestId('delegation-form').waitFor()
        await page.waitForFunction(() => !document.querySelector('[role="status"] .progress-spinner'))
        await checkPage(page, 'profile', width)

        await page.goto('/area-personale/pagamenti')
        // The demo city bills Ada's TARI: her notices are listed.
        await page.getByTestId('payments-list').waitFor()
        await checkPage(page, 'payments', width)
        expectNoPageProblems(problems)
      } finally {
        await close()
      }
    })

    it(`back office pages of an administrator (${width} px)`, async () => {
      const { page, problems, close } = await openJourneyPage(browser, baseUrl(), { width })
      try {
        await page.goto('/backoffice')
        await expectHeading(page, 'Accesso operatori')
        await checkPage(page, 'back-office-sign-in', width)

        await signInAsStaff(page, STAFF.admin)
        await checkPage(page, 'back-office', width)

        for (const [link, heading, name] of [
          ['Operatori', 'Operatori', 'back-office-staff'],
          ['Team', 'Team', 'back-office-teams'],
          ['Client API', 'Client API', 'back-office-api-clients'],
        ] as const) {
          await page.getByTestId('back-office-nav').getByRole('link', { name: link, exact: true }).click()
          await expectHeading(page, heading)
          await page.waitForFunction(() => !document.querySelector('[role="status"] .progress-spinner'))
          await checkPage(page, name, width)
        }
        expectNoPageProblems(problems)
      } finally {
        await close()
      }
    })
  }
})
