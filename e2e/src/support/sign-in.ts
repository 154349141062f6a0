import type { Page } from 'playwright-core'
import { expect } from 'vitest'
import { readOutbox } from './outbox'

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

/** The last one-time code sent to `recipient`, as the development outbox shows it. */
export async function readOneTimeCode(recipient: string): Promise<string> {
  const message = await readOutbox(recipient, (candidate) => /\b\d{6}\b/.test(candidate.text), 15_000)
  return message.text.match(/\b(\d{6})\b/)?.[1] as string
}
