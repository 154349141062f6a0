/** The browser-hardening headers every response carries. */
export function securityHeaders(options: { https: boolean }): Record<string, string> {
  const csp = [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "frame-ancestors 'none'",
    "form-action 'self'",
    "base-uri 'self'",
    "object-src 'none'",
  ].join('; ')
  return {
    'content-security-policy': csp,
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
    'origin-agent-cluster': '?1',
    'referrer-policy': 'strict-origin-when-cross-origin',
    'x-content-type-options': 'nosniff',
    'x-dns-prefetch-control': 'off',
    'x-frame-options': 'DENY',
    'x-permitted-cross-domain-policies': 'none',
    'permissions-policy': 'camera=(), microphone=(), geolocation=(self), payment=()',
    ...(options.https ? { 'strict-transport-security': 'max-age=31536000; includeSubDomains' } : {}),
  }
}

/** JSON is never rendered as a page: it needs only the headers that stop sniffing and framing. */
export function apiSecurityHeaders(options: { https: boolean }): Record<string, string> {
  return {
    'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    ...(options.https ? { 'strict-transport-security': 'max-age=31536000; includeSubDomains' } : {}),
  }
}

const API_PATHS = /^\/(api\/v\d|health\/|open311\/)/

/**
 * The policies never vary by request, so they are built once and the right set is picked by path:
 * per-request middleware re-parsing the same directives cost a measurable share of a small request.
 * Pages (the web app, the API docs UI, which sets its own CSP) get the full set; the JSON API the
 * short one.
 */
export function securityHeadersByPath(options: { https: boolean }): (url: string) => Record<string, string> {
  const pageHeaders = securityHeaders(options)
  const apiHeaders = apiSecurityHeaders(options)
  return (url) => (API_PATHS.test(url) ? apiHeaders : pageHeaders)
}
