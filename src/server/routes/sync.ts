/**
 * The briefing package download and its delta (see store/briefing-package.ts), and the photos and
 * documents it names. Each package download is audited as a disclosure to the officer's device.
 */
import { z } from 'zod'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { syncQuerySchema, syncResponseSchema } from '../../shared/api/sync.ts'
import { notFound } from '../http-error.ts'
import { requireAuth } from '../plugins/access.ts'
import { appendAudit } from '../store/audit.ts'
import { buildSync } from '../store/briefing-package.ts'

const readers = ['officer', 'supervisor', 'analyst'] as const

const syncRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, dialect } = app.store
  const options = { lookaheadHours: app.config.packageLookaheadHours, staleHours: app.config.staleHours }

  app.get('/api/sync', {
    config: { access: readers },
    schema: { summary: "The officer's briefing package, or what changed since a cursor", querystring: syncQuerySchema, response: { 200: syncResponseSchema } },
  }, async (request, reply) => {
    const auth = requireAuth(request)
    const result = await buildSync(db, auth.user, request.query.cursor, new Date(), options)
    await appendAudit(db, dialect, {
      userId: auth.user.id,
      collarNumber: auth.user.collarNumber,
      action: 'disclose',
      subjectKind: 'package',
      reasonCode: 'briefing',
      detail: {
        full: result.full,
        people: result.put.people.length,
        vehicles: result.put.vehicles.length,
        addresses: result.put.addresses.length,
        briefingItems: result.put.briefingItems.length,
      },
    })
    reply.header('Cache-Control', 'no-store')
    return result
  })

  app.get('/api/media/:id', {
    config: { access: readers },
    schema: {
      summary: 'A photo or document named by the package',
      params: z.strictObject({ id: z.string().min(1).max(64) }),
      // The content version in the package's URL (store/media.ts): it names the copy for caches;
      // the answer is always the current file.
      querystring: z.strictObject({ v: z.string().max(64).optional() }),
    },
  }, async (request, reply) => {
    const media = await db.selectFrom('media').select(['contentType', 'bytes', 'title']).where('id', '=', request.params.id).executeTakeFirst()
    if (!media) throw notFound('That photo or document')
    // Personal data: never in a shared HTTP cache. The device keeps its own copy in Cache Storage.
    reply.header('Cache-Control', 'private, no-store')
    reply.header('Content-Disposition', `inline; filename="${media.title.replace(/[^\w .-]/g, '_')}"`)
    reply.header('X-Content-Type-Options', 'nosniff')
    return reply.type(media.contentType).send(Buffer.from(media.bytes))
  })
}
export default syncRoutes
