import type { FastifyInstance } from 'fastify'

/**
 * Lets the routes of this plugin take `application/x-www-form-urlencoded` posts (a payment page's
 * form, a mail client's RFC 8058 unsubscribe) as a flat object. Kept small: forms here carry a word.
 */
export function acceptFormPosts(app: Pick<FastifyInstance, 'addContentTypeParser'>, bodyLimit = 1024): void {
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit },
    (_request, body, done) => done(null, Object.fromEntries(new URLSearchParams(body as string))),
  )
}
