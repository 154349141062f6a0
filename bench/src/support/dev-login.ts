/**
 * Signs in through the bundled identity provider the way a browser would: follow the redirects,
 * pick the identity on the provider's page, come back with the session cookie.
 */
class CookieJar {
  private readonly cookies = new Map<string, string>()

  store(response: Response): void {
    for (const header of response.headers.getSetCookie()) {
      const [pair = ''] = header.split(';')
      const index = pair.indexOf('=')
      if (index <= 0) continue
      const name = pair.slice(0, index).trim()
      const value = pair.slice(index + 1).trim()
      if (value === '' || /max-age=0|expires=thu, 01 jan 1970/i.test(header)) this.cookies.delete(name)
      else this.cookies.set(name, value)
    }
  }

  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ')
  }

  get(name: string): string | undefined {
    return this.cookies.get(name)
  }
}

async function follow(
  jar: CookieJar,
  url: string,
  maxHops = 15,
): Promise<{ url: string; response: Response }> {
  let current = url
  for (let hop = 0; hop < maxHops; hop++) {
    const response = await fetch(current, { redirect: 'manual', headers: { cookie: jar.header() } })
    jar.store(response)
    const location = response.headers.get('location')
    if (response.status >= 300 && response.status < 400 && location) {
      current = new URL(location, current).toString()
      continue
    }
    return { url: current, response }
  }
  throw new Error(`too many redirects from ${url}`)
}

export async function signInCitizen(
  baseUrl: string,
  options: { fiscalCode: string; level: 1 | 2 | 3 },
): Promise<{ cookie: string; csrfToken: string }> {
  const jar = new CookieJar()
  const start = `${baseUrl}/auth/citizen/login?method=spid&level=${options.level}&returnTo=/area-personale`
  const page = await follow(jar, start)
  const html = await page.response.text()
  const action = /<form method="get" action="([^"]+)" id="identity-list">/.exec(html)?.[1]
  if (!action) throw new Error(`no identity form on the provider page (${page.response.status} ${page.url})`)
  const choice = new URL(action.replace(/&amp;/g, '&'), page.url)
  choice.searchParams.set('identity', options.fiscalCode)
  choice.searchParams.set('level', String(options.level))
  await follow(jar, choice.toString())
  const session = jar.get('civico_session')
  if (!session) throw new Error('signed in but no session cookie came back')
  const cookie = `civico_session=${session}`
  const me = (await (await fetch(`${baseUrl}/api/v1/session`, { headers: { cookie } })).json()) as {
    authenticated: boolean
    csrfToken?: string
  }
  if (!me.authenticated || !me.csrfToken) throw new Error('the session cookie is not recognised')
  return { cookie, csrfToken: me.csrfToken }
}

/** Signs a member of staff in through the bundled provider's directory page. */
export async function signInStaff(
  baseUrl: string,
  subject: string,
): Promise<{ cookie: string; csrfToken: string }> {
  const jar = new CookieJar()
  const page = await follow(jar, `${baseUrl}/auth/staff/login?returnTo=/backoffice`)
  const html = await page.response.text()
  const action = /<form method="get" action="([^"]+)" id="identity-list">/.exec(html)?.[1]
  if (!action) throw new Error(`no staff list on the provider page (${page.response.status} ${page.url})`)
  const choice = new URL(action.replace(/&amp;/g, '&'), page.url)
  choice.searchParams.set('identity', subject)
  await follow(jar, choice.toString())
  const session = jar.get('civico_session')
  if (!session) throw new Error('signed in but no session cookie came back')
  const cookie = `civico_session=${session}`
  const me = (await (await fetch(`${baseUrl}/api/v1/session`, { headers: { cookie } })).json()) as {
    csrfToken?: string
  }
  if (!me.csrfToken) throw new Error('the staff session cookie is not recognised')
  return { cookie, csrfToken: me.csrfToken }
}
