import { randomInt } from 'node:crypto'
import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import { SESSION_COOKIE } from '../modules/identity/session-service.js'

const MAX_REDIRECTS = 10

/**
 * A browser for in-process tests of the sign-in flows: it keeps cookies, follows redirects that stay
 * on this site, and comes from its own address so rate limits of one test never hit another.
 */
export class TestBrowser {
  readonly #cookies = new Map<string, string>()
  readonly remoteAddress: string

  constructor(
    private readonly app: FastifyInstance,
    private readonly publicUrl = 'http://localhost:3000',
    remoteAddress?: string,
  ) {
    this.remoteAddress = remoteAddress ?? `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`
  }

  get sessionToken(): string | undefined {
    return this.#cookies.get(SESSION_COOKIE)
  }

  setCookie(name: string, value: string): void {
    this.#cookies.set(name, value)
  }

  /** A path on this site, whether the address given is absolute or not. */
  localPath(url: string): string | null {
    if (url.startsWith('/') && !url.startsWith('//')) return url
    if (url.startsWith(`${this.publicUrl}/`)) return url.slice(this.publicUrl.length)
    return null
  }

  async get(url: string, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    const path = this.localPath(url)
    if (!path) throw new Error(`the test browser only visits this site, not ${url}`)
    const cookie = [...this.#cookies].map(([name, value]) => `${name}=${value}`).join('; ')
    const response = await this.app.inject({
      method: 'GET',
      url: path,
      headers: { ...(cookie ? { cookie } : {}), 'user-agent': 'civico-test-browser', ...headers },
      remoteAddress: this.remoteAddress,
    })
    this.#store(response.headers['set-cookie'])
    return response
  }

  /** Visits `url` and follows redirects until one leaves the site, a page answers, or `stopAt` matches. */
  async visit(url: string, stopAt?: (path: string) => boolean): Promise<LightMyRequestResponse> {
    let response = await this.get(url)
    for (let hop = 0; hop < MAX_REDIRECTS; hop++) {
      const location = response.headers.location
      if (response.statusCode < 300 || response.statusCode >= 400 || typeof location !== 'string') {
        return response
      }
      const next = this.localPath(location)
      if (!next || stopAt?.(next)) return response
      response = await this.get(next)
    }
    throw new Error('too many redirects')
  }

  #store(header: string | string[] | undefined): void {
    for (const line of [header ?? []].flat()) {
      const [pair = '', ...attributes] = line.split(';')
      const separator = pair.indexOf('=')
      const name = pair.slice(0, separator).trim()
      const value = pair.slice(separator + 1).trim()
      const expired = attributes.some((attribute) => {
        const [key = '', setting = ''] = attribute.trim().split('=')
        if (key.toLowerCase() === 'max-age') return Number(setting) <= 0
        if (key.toLowerCase() === 'expires') return new Date(setting).getTime() <= Date.now()
        return false
      })
      if (expired || value === '') this.#cookies.delete(name)
      else this.#cookies.set(name, value)
    }
  }
}

/** Reads the interaction id out of the dev provider's sign-in page address. */
export function interactionUid(path: string): string {
  const match = /^\/dev-idp\/interaction\/([^/?]+)/.exec(path)
  if (!match?.[1]) throw new Error(`not an interaction page: ${path}`)
  return match[1]
}

const isCallback = (path: string) => /^\/auth\/(citizen|staff)\/callback/.test(path)

/**
 * Starts a sign-in at `loginUrl` and stops on the provider's page. Returns the page and its id.
 */
export async function openProviderPage(browser: TestBrowser, loginUrl: string) {
  const login = await browser.get(loginUrl)
  if (login.statusCode !== 302) throw new Error(`login answered ${login.statusCode}: ${login.body}`)
  let response = login
  let path = ''
  for (let hop = 0; hop < MAX_REDIRECTS && response.statusCode >= 300 && response.statusCode < 400; hop++) {
    path = browser.localPath(String(response.headers.location)) ?? ''
    response = await browser.get(path)
  }
  if (response.statusCode !== 200)
    throw new Error(`provider page answered ${response.statusCode}: ${response.body}`)
  return { page: response, uid: interactionUid(path) }
}

/** Submits the provider's form and follows it back to Civico, stopping before the callback runs. */
export async function submitProviderForm(browser: TestBrowser, uid: string, form: Record<string, string>) {
  const query = new URLSearchParams(form).toString()
  const response = await browser.visit(`/dev-idp/interaction/${uid}/login?${query}`, isCallback)
  const location = response.headers.location
  const callback = typeof location === 'string' ? browser.localPath(location) : null
  if (!callback || !isCallback(callback)) {
    throw new Error(`expected a redirect to the callback, got ${response.statusCode}: ${response.body}`)
  }
  return callback
}

/** The whole round trip: login, pick at the provider, callback. Returns the callback's answer. */
export async function signInThroughDevProvider(
  browser: TestBrowser,
  loginUrl: string,
  form: Record<string, string>,
): Promise<{ callback: string; response: LightMyRequestResponse }> {
  const { uid } = await openProviderPage(browser, loginUrl)
  const callback = await submitProviderForm(browser, uid, form)
  return { callback, response: await browser.get(callback) }
}
