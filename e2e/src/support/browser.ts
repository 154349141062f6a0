import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core'

/** Debian's Chromium; journeys never download a browser. */
const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

export const PHONE_WIDTH = 360
export const DESKTOP_WIDTH = 1280

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  })
}

/** Everything a page did that a citizen would never want: script errors, CSP blocks, calls off-site. */
export interface PageProblems {
  consoleErrors: string[]
  pageErrors: string[]
  failedRequests: string[]
  offSiteRequests: string[]
}

export interface JourneyPage {
  page: Page
  context: BrowserContext
  problems: PageProblems
  close: () => Promise<void>
}

/**
 * Opens a fresh context (own storage, so language choices do not leak between journeys) with a
 * viewport of the given width. Requests to any other origin are recorded and refused: the app must
 * work with no internet, so nothing may be fetched from a CDN.
 */
export async function openJourneyPage(
  browser: Browser,
  baseUrl: string,
  options: { width: number; height?: number },
): Promise<JourneyPage> {
  const context = await browser.newContext({
    baseURL: baseUrl,
    viewport: { width: options.width, height: options.height ?? 800 },
    locale: 'it-IT',
    reducedMotion: 'reduce',
  })
  const problems: PageProblems = {
    consoleErrors: [],
    pageErrors: [],
    failedRequests: [],
    offSiteRequests: [],
  }
  const origin = new URL(baseUrl).origin
  await context.route('**/*', async (route) => {
    const url = route.request().url()
    if (url.startsWith('data:') || new URL(url).origin === origin) {
      await route.continue()
      return
    }
    problems.offSiteRequests.push(url)
    await route.abort('blockedbyclient')
  })
  const page = await context.newPage()
  page.on('console', (message) => {
    if (message.type() !== 'error') return
    // "Failed to load resource" does not name the resource: add where it came from.
    const where = message.location().url
    problems.consoleErrors.push(where ? `${message.text()} (${where})` : message.text())
  })
  page.on('pageerror', (error) => problems.pageErrors.push(error.message))
  page.on('requestfailed', (request) => {
    // Navigations away from a page cancel its pending requests; that is not a failure of the app.
    if (request.failure()?.errorText === 'net::ERR_ABORTED') return
    problems.failedRequests.push(`${request.method()} ${request.url()}: ${request.failure()?.errorText}`)
  })
  return { page, context, problems, close: () => context.close() }
}

/**
 * Forgets the console lines the browser writes for API answers a journey provokes on purpose (a wrong
 * code answers 400): the page handles them, but Chromium still logs every 4xx response.
 */
export function forgetExpectedRefusals(
  problems: PageProblems,
  expected: { status: number; path: string }[],
): void {
  problems.consoleErrors = problems.consoleErrors.filter(
    (line) =>
      !expected.some(({ status, path }) => line.includes(`status of ${status}`) && line.includes(path)),
  )
}

/** Formats recorded problems for an assertion message; empty when the page behaved. */
export function describeProblems(problems: PageProblems): string {
  const sections = Object.entries(problems)
    .filter(([, entries]) => entries.length > 0)
    .map(([kind, entries]) => `${kind}:\n  ${(entries as string[]).join('\n  ')}`)
  return sections.join('\n')
}
