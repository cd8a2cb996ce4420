/**
 * Serves the built PWA from dist/ and falls back to index.html for client routes (deep links),
 * but never for /api/*: an unknown API path is always a JSON 404. The shell and the service
 * worker are revalidated on every load so an update is seen; hashed assets are immutable.
 */
import fs from 'node:fs'
import path from 'node:path'
import fp from 'fastify-plugin'
import fastifyStatic from '@fastify/static'
import { sendError } from './errors.ts'

export default fp(async (app, options: { root: string }) => {
  const indexFile = path.join(options.root, 'index.html')
  const built = fs.existsSync(indexFile)
  if (built) {
    await app.register(fastifyStatic, {
      root: options.root,
      wildcard: false,
      index: false,
      setHeaders(reply, filePath) {
        const relative = path.relative(options.root, filePath)
        if (relative.startsWith(`assets${path.sep}`)) reply.header('Cache-Control', 'public, max-age=31536000, immutable')
        else reply.header('Cache-Control', 'no-cache')
      },
    })
  } else {
    app.log.warn(`the client is not built (${indexFile} is missing): run npm run build`)
  }

  app.setNotFoundHandler((request, reply) => {
    const pathname = request.url.split('?')[0] ?? '/'
    const wantsPage = (request.method === 'GET' || request.method === 'HEAD')
      && !pathname.startsWith('/api/') && pathname !== '/api'
      && !path.extname(pathname)
    if (built && wantsPage) {
      return reply.header('Cache-Control', 'no-cache').sendFile('index.html')
    }
    return sendError(reply, 404, 'not_found', `There is nothing at ${request.method} ${pathname}.`)
  })
}, { name: 'client' })
