/**
 * The audit trail over HTTP. Devices send the records of what they did offline (profile views and
 * checks), stored once per client-made id however often the outbox replays them. Supervisors read
 * and filter the whole log and export it as CSV; officers and analysts read only their own
 * records. Reading or exporting the log is itself audited.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { stringify } from 'csv-stringify/sync'
import { viewRecordsRequestSchema, viewRecordsResponseSchema } from '../../shared/api/audit.ts'
import { auditPageSchema, auditQuerySchema, offlineCheckRecordsRequestSchema } from '../../shared/api/checks.ts'
import { requireAuth } from '../plugins/access.ts'
import { appendAudit } from '../store/audit.ts'
import { queryAudit } from '../store/audit-query.ts'
import { deviceOf, requireKnownReason } from './checks.ts'

const EXPORT_LIMIT = 100_000
const EXPORT_PAGE = 500

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
      detail: { device: deviceOf(request) },
    })))
    return { stored }
  })

  app.post('/api/audit/checks', {
    config: { access: ['officer', 'supervisor'] },
    schema: { summary: 'Record checks made offline on the device', body: offlineCheckRecordsRequestSchema, response: { 200: viewRecordsResponseSchema } },
  }, async (request) => {
    const auth = requireAuth(request)
    for (const r of request.body.records) requireKnownReason(r.reason)
    const stored = await appendAudit(db, dialect, request.body.records.map((r) => ({
      at: new Date(r.at).toISOString(),
      userId: auth.user.id,
      collarNumber: auth.user.collarNumber,
      action: 'consult',
      subjectKind: `${r.kind}-check`,
      subjectId: r.resultIds[0] ?? null,
      reasonCode: r.reason.code,
      reasonText: r.reason.text ?? null,
      online: false,
      opId: r.checkId,
      detail: { query: r.query, resultCount: r.resultIds.length, resultIds: r.resultIds, device: deviceOf(request) },
    })))
    return { stored }
  })

  app.get('/api/audit', {
    config: { access: ['officer', 'supervisor', 'analyst'] },
    schema: { summary: 'The audit log, newest first (supervisors: everyone; others: their own records)', querystring: auditQuerySchema, response: { 200: auditPageSchema } },
  }, async (request) => {
    const auth = requireAuth(request)
    const own = auth.user.role !== 'supervisor'
    const filters = own ? { ...request.query, officer: auth.user.collarNumber } : request.query
    const page = await queryAudit(db, filters)
    if (!own) {
      await appendAudit(db, dialect, {
        userId: auth.user.id, collarNumber: auth.user.collarNumber, action: 'consult', subjectKind: 'audit-log', reasonCode: 'audit',
        detail: { filters: request.query, resultCount: page.records.length },
      })
    }
    return page
  })

  app.get('/api/audit/export.csv', {
    config: { access: ['supervisor'] },
    schema: { summary: 'The audit log as CSV, with the same filters (at most 100,000 records)', querystring: auditQuerySchema },
  }, async (request, reply) => {
    const auth = requireAuth(request)
    const header = ['id', 'at', 'officer', 'action', 'subject_kind', 'subject_id', 'reason', 'reason_text', 'online', 'result_count', 'device', 'summary']
    // Officers type the reason text and the names checked: a cell starting with = + - @ (or a tab or
    // carriage return) is prefixed with ' so a spreadsheet shows it rather than running it as a
    // formula (OWASP, CSV injection).
    const csv = (rows: unknown[][]) => stringify(rows, { escape_formulas: true })
    const lines: string[] = [csv([header])]
    let before = request.query.before
    let count = 0
    for (;;) {
      const page = await queryAudit(db, { ...request.query, before, limit: EXPORT_PAGE })
      lines.push(csv(page.records.map((r) => [
        r.id, r.at, r.collarNumber ?? '', r.action, r.subjectKind ?? '', r.subjectId ?? '', r.reasonCode ?? '', r.reasonText ?? '',
        r.online ? 'online' : 'offline', r.resultCount ?? '', r.device ?? '', r.summary,
      ])))
      count += page.records.length
      if (page.nextBefore === null || count >= EXPORT_LIMIT) break
      before = page.nextBefore
    }
    await appendAudit(db, dialect, {
      userId: auth.user.id, collarNumber: auth.user.collarNumber, action: 'export', subjectKind: 'audit-log', reasonCode: 'audit',
      detail: { filters: request.query, resultCount: count },
    })
    const stamp = new Date().toISOString().slice(0, 10)
    return reply.header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="kestrel-audit-${stamp}.csv"`)
      .send(lines.join(''))
  })
}
export default auditRoutes
