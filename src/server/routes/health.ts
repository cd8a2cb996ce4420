/** Liveness and readiness: answers only when the database answers. */
import { sql } from 'kysely'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { healthResponseSchema } from '../../shared/api/health.ts'
import { HttpError } from '../http-error.ts'

const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/health', {
    config: { access: 'public' },
    schema: { summary: 'Health of the server and its database', response: { 200: healthResponseSchema } },
  }, async () => {
    try {
      await sql`select 1`.execute(app.store.db)
    } catch {
      throw new HttpError(503, 'database_unavailable', 'The database is not answering.')
    }
    return { status: 'ok' as const, db: app.store.dialect }
  })
}
export default healthRoutes
