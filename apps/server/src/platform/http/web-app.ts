import fs from 'node:fs'
import path from 'node:path'
import fastifyStatic from '@fastify/static'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'

const API_PREFIXES = ['/api/', '/health/', '/open311/', '/dev-idp/']

function wantsHtml(request: FastifyRequest): boolean {
  return (
    (request.method === 'GET' || request.method === 'HEAD') &&
    !API_PREFIXES.some((p) => request.url.startsWith(p))
  )
}

/**
 * Serves the built web app: hashed assets cached for a year, index.html never cached, and client
 * routes falling back to index.html. API paths keep answering with problem documents.
 */
export async function registerWebApp(
  app: FastifyInstance,
  distDir: string,
): Promise<((request: FastifyRequest, reply: FastifyReply) => FastifyReply | undefined) | undefined> {
  const indexFile = path.join(distDir, 'index.html')
  if (!fs.existsSync(indexFile)) {
    app.log.warn({ distDir }, 'web app not built: run `npm run build` to serve it')
    return undefined
  }
  await app.register(fastifyStatic, {
    root: distDir,
    wildcard: false,
    index: false,
    setHeaders(res, filePath) {
      res.header(
        'cache-control',
        filePath.includes(`${path.sep}assets${path.sep}`)
          ? 'public, max-age=31536000, immutable'
          : 'no-cache',
      )
    },
  })
  const indexHtml = fs.readFileSync(indexFile)
  const sendIndex = (reply: FastifyReply) =>
    reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(indexHtml)
  app.get('/', { config: { access: { kind: 'public' } }, schema: { hide: true } }, (_request, reply) =>
    sendIndex(reply),
  )
  return (request, reply) =>
    wantsHtml(request) && !path.extname(request.url.split('?')[0] ?? '') ? sendIndex(reply) : undefined
}
