/**
 * Curfew checks. Officers read the curfews due in their area (a consultation, audited), say they
 * are on their way to an address (visible to everyone, like a claim, for 30 minutes) and record
 * door-knocks, each stored once by the device's id. An absent or refused result inside the curfew
 * hours is a possible breach: supervisors hear it on the event stream at once, and it becomes a
 * briefing item for the person's area for 24 hours. Supervisors see an area's coverage.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import {
  checkRequestSchema, checkResponseSchema, conditionIdParamsSchema, coverageResponseSchema, dueQuerySchema, dueResponseSchema, historyResponseSchema,
  personIdParamsSchema, visitResponseSchema,
} from '../../shared/api/curfews.ts'
import { HttpError, notFound } from '../http-error.ts'
import { requireAuth, type AuthContext } from '../plugins/access.ts'
import { appendAudit } from '../store/audit.ts'
import { createBriefingItem } from '../store/briefing.ts'
import { breachItemText, curfewHistory, dueCurfews, findCurfew, recordCurfewCheck, startVisit } from '../store/curfews.ts'

const field = ['officer', 'supervisor'] as const
const longestRangeMs = 48 * 3_600_000
/** A check may be sent days after it was made (a device offline); never from the future. */
const oldestCheckMs = 7 * 86_400_000
const clockSlackMs = 10 * 60_000

const curfewRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, dialect } = app.store
  const audit = (entry: Parameters<typeof appendAudit>[2]) => appendAudit(db, dialect, entry)

  function rangeOf(query: { from: string; to: string }) {
    const from = new Date(query.from)
    const to = new Date(query.to)
    if (to <= from) throw new HttpError(400, 'invalid_range', '"to" must be after "from".')
    if (to.getTime() - from.getTime() > longestRangeMs) throw new HttpError(400, 'invalid_range', 'Ask for at most 48 hours at a time.')
    return { from, to }
  }

  /** Officers see their own area; supervisors theirs or any other they name. */
  function areaFor(auth: AuthContext, asked: string | undefined): string | null {
    if (asked === undefined || asked === auth.user.areaId) return auth.user.areaId
    if (auth.user.role !== 'supervisor') throw new HttpError(403, 'forbidden', 'Officers see the curfews of their own area.')
    return asked
  }

  async function curfewOr404(conditionId: string) {
    const curfew = await findCurfew(db, conditionId)
    if (!curfew) throw notFound('That curfew')
    return curfew
  }

  app.get('/api/curfews/due', {
    config: { access: field },
    schema: { summary: 'Curfews due in the area over a range of time, with the last check and any visit in progress', querystring: dueQuerySchema, response: { 200: dueResponseSchema } },
  }, async (request) => {
    const auth = requireAuth(request)
    const { from, to } = rangeOf(request.query)
    const areaId = areaFor(auth, request.query.area)
    const items = await dueCurfews(db, { areaId, from, to })
    await audit({
      userId: auth.user.id, collarNumber: auth.user.collarNumber, action: 'consult', subjectKind: 'curfew-list', subjectId: areaId,
      reasonCode: 'tasking', reasonText: 'Curfew checks', detail: { from: from.toISOString(), to: to.toISOString(), results: items.length },
    })
    return { areaId, from: from.toISOString(), to: to.toISOString(), items }
  })

  app.get('/api/curfews/coverage', {
    config: { access: ['supervisor'] },
    schema: { summary: 'Coverage of an area’s curfews (supervisors): due, checked, possible breaches', querystring: dueQuerySchema, response: { 200: coverageResponseSchema } },
  }, async (request) => {
    const auth = requireAuth(request)
    const { from, to } = rangeOf(request.query)
    const areaId = areaFor(auth, request.query.area)
    const items = (await dueCurfews(db, { areaId, from, to })).map((item) => ({ ...item, breach: item.lastCheck?.breach === true }))
    await audit({
      userId: auth.user.id, collarNumber: auth.user.collarNumber, action: 'consult', subjectKind: 'curfew-coverage', subjectId: areaId,
      reasonCode: 'tasking', reasonText: 'Curfew coverage', detail: { from: from.toISOString(), to: to.toISOString(), results: items.length },
    })
    return {
      areaId, from: from.toISOString(), to: to.toISOString(),
      due: items.length, checked: items.filter((i) => i.lastCheck !== null).length, breaches: items.filter((i) => i.breach).length, items,
    }
  })

  app.post('/api/curfews/:conditionId/visit', {
    config: { access: field },
    schema: { summary: 'Say you are on your way to a curfew address (shown to everyone for 30 minutes)', params: conditionIdParamsSchema, response: { 200: visitResponseSchema, 201: visitResponseSchema } },
  }, async (request, reply) => {
    const auth = requireAuth(request)
    const curfew = await curfewOr404(request.params.conditionId)
    const attempt = await startVisit(db, dialect, curfew, auth.user)
    if (attempt.result === 'held') {
      throw new HttpError(409, 'visit_in_progress', `${attempt.holder.officer.name} (${attempt.holder.officer.collarNumber}) is already on the way to this address.`, { visit: attempt.holder })
    }
    app.events.wake()
    return reply.code(201).send({ visit: attempt.visit })
  })

  app.post('/api/curfews/:conditionId/checks', {
    config: { access: field },
    schema: { summary: 'Record a curfew check (stored once by its id)', params: conditionIdParamsSchema, body: checkRequestSchema, response: { 200: checkResponseSchema, 201: checkResponseSchema } },
  }, async (request, reply) => {
    const auth = requireAuth(request)
    const curfew = await curfewOr404(request.params.conditionId)
    const body = request.body
    const checkedAt = Date.parse(body.checkedAt)
    if (checkedAt > Date.now() + clockSlackMs) throw new HttpError(400, 'invalid_time', 'The check’s time is in the future: check the device’s clock.')
    if (checkedAt < Date.now() - oldestCheckMs) throw new HttpError(400, 'invalid_time', 'The check is more than 7 days old.')
    const attempt = await recordCurfewCheck(db, dialect, curfew, auth.user, body)
    if (attempt.result === 'conflict') throw new HttpError(409, 'conflict', 'A different check was already recorded with this id.')
    if (attempt.result === 'replayed') return reply.code(200).send({ check: attempt.check })
    const { check } = attempt
    app.events.wake()
    await audit({
      userId: auth.user.id, collarNumber: auth.user.collarNumber, action: 'record', subjectKind: 'person', subjectId: curfew.personId,
      reasonCode: 'tasking', reasonText: 'Curfew check',
      detail: { checkId: check.id, conditionId: curfew.id, result: check.result, checkedAt: check.checkedAt, breach: check.breach },
    })
    if (check.breach) {
      const now = Date.now()
      await createBriefingItem(db, dialect, auth.user.id, {
        ...breachItemText(curfew, check),
        priority: 2,
        areaIds: curfew.areaId ? [curfew.areaId] : [],
        validFrom: new Date(now).toISOString(),
        validTo: new Date(now + 24 * 3_600_000).toISOString(),
        links: [{ kind: 'person', id: curfew.personId }],
      })
    }
    return reply.code(201).send({ check })
  })

  app.get('/api/people/:id/curfew-checks', {
    config: { access: ['officer', 'supervisor', 'analyst'] },
    schema: { summary: 'A person’s curfew checks, newest first', params: personIdParamsSchema, response: { 200: historyResponseSchema } },
  }, async (request) => {
    const auth = requireAuth(request)
    const items = await curfewHistory(db, request.params.id)
    await audit({
      userId: auth.user.id, collarNumber: auth.user.collarNumber, action: 'consult', subjectKind: 'person', subjectId: request.params.id,
      reasonCode: 'tasking', reasonText: 'Curfew check history', detail: { results: items.length },
    })
    return { items }
  })
}
export default curfewRoutes
