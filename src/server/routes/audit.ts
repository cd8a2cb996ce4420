/**
 * Audit records sent by devices: every profile view, online or made offline and queued, stored
 * once per client-made id however often the outbox replays it.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { viewRecordsRequestSchema, viewRecordsResponseSchema } from '../../shared/api/audit.ts'
import { requireAuth } from '../plugins/access.ts'
import { appendAudit } from '../store/audit.ts'

const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, dialect } = app.store

  app.post('/api/audit/views', {
    config: { access: ['officer', 'supervisor', 'analyst'] },
    schema: { summary: 'Record profile views made on the device', body: viewRecordsRequestSchema, response: { 200: viewRecordsResponseSchema } },
  }, async (request) => {
    const auth = requireAuth(request)
    const stored = await appendAudit(db, dialect, request.body.records.map((r) => ({
      at: new Date(r.at).toISOString(),
      userId: auth.user.id,
      collarNumber: auth.user.collarNumber,
      action: 'consult',
      subjectKind: r.subjectKind,
      subjectId: r.subjectId,
      reasonCode: r.reason.code,
      reasonText: r.reason.text ?? null,
      online: r.online,
      opId: r.opId,
      detail: { device: request.headers['user-agent']?.slice(0, 200) ?? null },
    })))
    return { stored }
  })
}
export default auditRoutes
