import type { Page } from 'playwright-core'
import { expect, inject } from 'vitest'
import { findAccessibilityViolations, formatViolations } from './axe'
import { describeProblems, type PageProblems } from './browser'

export function baseUrl(): string {
  return inject('baseUrl')
}

/** The city profile as the API serves it, so journeys check against the data, not a copy of it. */
export interface PublicCity {
  name: string
  region: string
  contactPhone: string
  contactEmail: string
  demo: boolean
}

export async function fetchCity(): Promise<PublicCity> {
  const response = await fetch(`${baseUrl()}/api/v1/city`)
  expect(response.status).toBe(200)
  return (await response.json()) as PublicCity
}

export async function expectNoAccessibilityViolations(page: Page, where: string): Promise<void> {
  const violations = await findAccessibilityViolations(page)
  expect(
    violations,
    `axe-core found WCAG 2.1 AA violations on ${where}:\n\n${formatViolations(violations)}`,
  ).toEqual([])
}

export function expectNoPageProblems(problems: PageProblems): void {
  expect(describeProblems(problems), 'the page reported problems').toBe('')
}

/** Text of the element that has keyboard focus, with its tag and id, for focus assertions. */
export async function describeFocus(
  page: Page,
): Promise<{ tag: string; id: string; text: string; href: string }> {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null
    return {
      tag: element?.tagName.toLowerCase() ?? '',
      id: element?.id ?? '',
      text: element?.textContent?.trim() ?? '',
      href: element?.getAttribute('href') ?? '',
    }
  })
}

/**
 * Waits until the page's h1 reads `text`. Client-side navigations update the address before the new
 * page renders, so checking the heading right after the URL changes would race the render.
 */
export async function expectHeading(page: Page, text: string): Promise<void> {
  try {
    await page.waitForFunction((expected) => document.querySelector('h1')?.textContent === expected, text, {
      timeout: 10_000,
    })
  } catch {
    const actual = await page.locator('h1').allTextContents()
    expect(actual, 'the page heading').toEqual([text])
  }
}
