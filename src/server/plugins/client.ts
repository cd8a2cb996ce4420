/**
 * Serves the built PWA from dist/ and falls back to index.html for client routes (deep links),
 * but never for /api/*: an unknown API path is always a JSON 404. The shell and the service
 * worker are revalidated on every load so an update is seen; hashed assets are immutable.
 *
 * The fallback index.html is sent gzipped to clients that accept it, with an ETag for revalidation
 * (@fastify/compress compresses routes, not the not-found handler that serves deep links). It is
 * read again whenever the file changes, so a rebuild under a running server is served at once.
 */
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { gzipSync } from 'node:zlib'
import { negotiate } from '@fastify/accept-negotiator'
import fp from 'fastify-plugin'
import fastifyStatic from '@fastify/static'
import { sendError } from './errors.ts'

type Shell = { modified: number; plain: Buffer; gzipped: Buffer; etag: string }

/** index.html as sent: read, hashed and gzipped once per version of the file. */
function shellReader(indexFile: string): () => Shell {
  let shell: Shell | null = null
  return () => {
    const modified = fs.statSync(indexFile).mtimeMs
    if (shell?.modified !== modified) {
      const plain = fs.readFileSync(indexFile)
      shell = { modified, plain, gzipped: gzipSync(plain), etag: `"${createHash('sha256').update(plain).digest('base64url').slice(0, 27)}"` }
    }
    return shell
  }
}

export default fp(async (app, options: { root: string }) => {
  const indexFile = path.join(options.root, 'index.html')
  const built = fs.existsSync(indexFile)
  const readShell = shellReader(indexFile)
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
      const shell = readShell()
      reply.header('Cache-Control', 'no-cache').header('ETag', shell.etag).header('Vary', 'Accept-Encoding').type('text/html; charset=utf-8')
      if (request.headers['if-none-match'] === shell.etag) return reply.code(304).send()
      // gzip when the client accepts it (q=0 refuses it, `*` accepts it; codings ignore case), else as it is.
      if (negotiate((request.headers['accept-encoding'] ?? '').toLowerCase(), ['gzip']) !== 'gzip') return reply.send(shell.plain)
      return reply.header('Content-Encoding', 'gzip').send(shell.gzipped)
    }
    return sendError(reply, 404, 'not_found', `There is nothing at ${request.method} ${pathname}.`)
  })
}, { name: 'client' })
