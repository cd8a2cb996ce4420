/**
 * The Kestrel server as a Fastify instance: external plugins first, then ours (store, access
 * control, errors), then the routes, then the client. `buildApp` does not listen, so tests drive it
 * with `app.inject` and `main.ts` decides the port.
 */
import Fastify, { type FastifyServerOptions } from 'fastify'
import compress from '@fastify/compress'
import cookie from '@fastify/cookie'
import rateLimit from '@fastify/rate-limit'
import sse from '@fastify/sse'
import swagger from '@fastify/swagger'
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod'
import type { Config } from './config.ts'
import { HttpError } from './http-error.ts'
import access from './plugins/access.ts'
import client from './plugins/client.ts'
import errors, { sendError } from './plugins/errors.ts'
import realtime from './plugins/realtime.ts'
import securityHeaders from './plugins/security-headers.ts'
import storePlugin from './plugins/store.ts'
import adminRoutes from './routes/admin.ts'
import auditRoutes from './routes/audit.ts'
import checkRoutes from './routes/checks.ts'
import crimeRoutes from './routes/crime.ts'
import authRoutes from './routes/auth.ts'
import briefingRoutes from './routes/briefing.ts'
import curfewRoutes from './routes/curfews.ts'
import eventRoutes from './routes/events.ts'
import healthRoutes from './routes/health.ts'
import mapConfigRoutes from './routes/map-config.ts'
import notesRoutes from './routes/notes.ts'
import searchRoutes from './routes/search.ts'
import syncRoutes from './routes/sync.ts'
import wantedRoutes from './routes/wanted.ts'
import type { Store } from './store/db.ts'

export type AppOptions = {
  config: Config
  store: Store
  /** close the store when the app closes (default true) */
  closeStore?: boolean
  logger?: FastifyServerOptions['logger']
}

export async function buildApp({ config, store, closeStore = true, logger }: AppOptions) {
  const app = Fastify({
    logger: logger ?? { level: config.logLevel },
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
    // The router's own refusals (a malformed or over-long URL) in our error shape too.
    frameworkErrors: (error, _request, reply) => {
      if (error.code === 'FST_ERR_MAX_PARAM_LENGTH') return sendError(reply, 414, 'uri_too_long', 'A part of the address is too long.')
      return sendError(reply, 400, 'invalid_url', 'The address is not valid.')
    },
  })
  app.setValidatorCompiler(validatorCompiler)
  app.setSerializerCompiler(serializerCompiler)

  await app.register(errors)
  await app.register(storePlugin, { store, config, closeStore })
  await app.register(cookie)
  // gzip only: brotli at its default quality costs far more CPU than it saves on a briefing package.
  await app.register(compress, { encodings: ['gzip'], threshold: 1024 })
  await app.register(securityHeaders, { basemap: config.basemap })
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) =>
      new HttpError(429, 'rate_limited', `Too many attempts from this address. Try again in ${context.after}.`),
  })
  await app.register(swagger, {
    openapi: {
      info: { title: 'Kestrel API', version: '0.1.0', description: 'Briefing on the move: the API the Kestrel PWA uses.' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'kestrel_session' } } },
    },
    transform: jsonSchemaTransform,
  })
  await app.register(access)
  await app.register(sse, { heartbeatInterval: 25_000 })
  await app.register(realtime, { store: config.store })

  await app.register(healthRoutes)
  await app.register(authRoutes)
  await app.register(adminRoutes)
  await app.register(briefingRoutes)
  await app.register(syncRoutes)
  await app.register(auditRoutes)
  await app.register(checkRoutes)
  await app.register(searchRoutes)
  await app.register(wantedRoutes)
  await app.register(crimeRoutes)
  await app.register(curfewRoutes)
  await app.register(eventRoutes)
  await app.register(notesRoutes)
  await app.register(mapConfigRoutes)
  app.get('/api/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () => app.swagger())

  await app.register(client, { root: config.clientDir })
  return app
}
