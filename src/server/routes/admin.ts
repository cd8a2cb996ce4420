/**
 * Account administration: find officers and revoke their sessions. A revoked device is refused at
 * its next contact and erases its Kestrel data.
 */
import { z } from 'zod'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { adminUsersResponseSchema, collarNumberSchema, revokeResponseSchema } from '../../shared/api/auth.ts'
import { notFound } from '../http-error.ts'
import { requireAuth } from '../plugins/access.ts'
import { appendAudit } from '../store/audit.ts'
import { revokeUserSessions } from '../store/sessions.ts'
import { findUserByCollar, listUsers } from '../store/users.ts'

const adminRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.store.db

  app.get('/api/admin/users', {
    config: { access: ['admin'] },
    schema: {
      summary: 'Find accounts by collar number or name',
      querystring: z.strictObject({ q: z.string().max(100).optional() }),
      response: { 200: adminUsersResponseSchema },
    },
  }, async (request) => {
    const auth = requireAuth(request)
    const items = await listUsers(db, request.query.q, new Date().toISOString())
    await appendAudit(db, app.store.dialect, {
      userId: auth.user.id, collarNumber: auth.user.collarNumber, action: 'consult',
      subjectKind: 'accounts', subjectId: null, reasonCode: 'administration', detail: { query: request.query.q ?? '', results: items.length },
    })
    return { items }
  })

  app.post('/api/admin/users/:collarNumber/revoke', {
    config: { access: ['admin'] },
    schema: {
      summary: "Revoke all of an account's sessions",
      params: z.strictObject({ collarNumber: collarNumberSchema }),
      response: { 200: revokeResponseSchema },
    },
  }, async (request) => {
    const auth = requireAuth(request)
    const user = await findUserByCollar(db, request.params.collarNumber)
    if (!user) throw notFound(`Account ${request.params.collarNumber}`)
    const revoked = await revokeUserSessions(db, user.id, new Date().toISOString())
    await appendAudit(db, app.store.dialect, {
      userId: auth.user.id, collarNumber: auth.user.collarNumber, action: 'auth.revoke',
      subjectKind: 'account', subjectId: user.collarNumber, detail: { revoked },
    })
    return { revoked }
  })
}
export default adminRoutes
