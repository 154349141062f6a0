import type { Page } from 'playwright-core'
import { expect } from 'vitest'
import { baseUrl } from './journey'

/** The public SPID test identities the bundled identity provider lists. */
export const GAIO_GIULIO_CESARE = { name: 'Gaio Giulio Cesare', fiscalCode: 'CSRGGL44L13H501E' }
export const ADA_LOVELACE = { name: 'Ada Lovelace', fiscalCode: 'LVLDAA85T50G702B' }

/** Staff of the bundled directory, by the name its sign-in page shows. */
export const STAFF = {
  admin: 'Alberto Amministratore',
  operator: 'Olga Operatrice',
  supervisor: 'Sergio Supervisore',
  analyst: 'Anna Analista',
} as const

export type DevLevelChoice = '1' | '2' | '3' | 'cie'

async function waitForDevProvider(page: Page): Promise<void> {
  await page.waitForURL((url) => url.pathname.startsWith('/dev-idp/'), { timeout: 15_000 })
}

/**
 * On the bundled provider's page: picks the level, then presses "Entra come <name>", and waits to be
 * back on the city's site.
 */
export async function chooseCitizenAtDevProvider(
  page: Page,
  name: string,
  level: DevLevelChoice,
): Promise<void> {
  await waitForDevProvider(page)
  await page.locator(`#level-${level}`).check()
  await page.getByRole('button', { name: `Entra come ${name}`, exact: true }).click()
  await page.waitForURL(
    (url) => !url.pathname.startsWith('/dev-idp/') && !url.pathname.startsWith('/auth/'),
    {
      timeout: 15_000,
    },
  )
}

export async function chooseStaffAtDevProvider(page: Page, name: string): Promise<void> {
  await waitForDevProvider(page)
  await page.getByRole('button', { name: `Entra come ${name}`, exact: true }).click()
  await page.waitForURL(
    (url) => !url.pathname.startsWith('/dev-idp/') && !url.pathname.startsWith('/auth/'),
    {
      timeout: 15_000,
    },
  )
}

/** Signs a citizen in through the login page and the bundled provider, ending on `returnTo`. */
export async function signInAsCitizen(
  page: Page,
  options: { name: string; level: DevLevelChoice; returnTo?: string },
): Promise<void> {
  const returnTo = options.returnTo ?? '/area-personale'
  await page.goto(`/login?returnTo=${encodeURIComponent(returnTo)}`)
  await page.getByTestId(options.level === 'cie' ? 'cie-sign-in' : 'spid-sign-in').click()
  await chooseCitizenAtDevProvider(page, options.name, options.level)
  expect(new URL(page.url()).pathname).toBe(returnTo.split('?')[0])
}

export async function signInAsStaff(page: Page, name: string): Promise<void> {
  await page.goto('/login')
  await page.getByTestId('staff-sign-in').click()
  await chooseStaffAtDevProvider(page, name)
  await page.getByTestId('back-office-home').waitFor()
}

/** Opens the signed-in person's menu in the header and presses one of its entries. */
export async function useUserMenu(page: Page, entry: string): Promise<void> {
  await page.getByTestId('user-menu-button').click()
  await page
    .getByRole('button', { name: entry, exact: true })
    .or(page.getByRole('link', { name: entry, exact: true }))
    .click()
}

interface OutboxMessage {
  channel: 'email' | 'sms'
  recipient: string
  subject: string | null
  text: string
  createdAt: string
}

/**
 * The last one-time code sent to `recipient`, as the development outbox shows it. Messages arrive
 * through the job queue, so the outbox is asked a few times.
 */
export async function readOneTimeCode(recipient: string): Promise<string> {
  const deadline = Date.now() + 15_000
  while (Date.now() < deadline) {
    const response = await fetch(`${baseUrl()}/dev/outbox.json?to=${encodeURIComponent(recipient)}`)
    expect(response.status, 'the development outbox answers').toBe(200)
    const messages = (await response.json()) as OutboxMessage[]
    const latest = [...messages].sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0]
    const code = latest?.text.match(/\b(\d{6})\b/)?.[1]
    if (code) return code
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  throw new Error(`no one-time code reached ${recipient} in the development outbox`)
}
