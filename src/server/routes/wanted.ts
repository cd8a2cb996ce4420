/**
 * The wanted gallery and Click & Collect. Reading the gallery is a consultation; making a claim is
 * a disclosure to every officer in the force (it is broadcast), and both are audited.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import {
  claimIdParamsSchema, claimRequestSchema, claimResponseSchema, outcomeRequestSchema, personIdParamsSchema, reassignRequestSchema, wantedResponseSchema,
} from '../../shared/api/claims.ts'
import { HttpError, notFound } from '../http-error.ts'
import { requireAuth } from '../plugins/access.ts'
import { appendAudit } from '../store/audit.ts'
import { assistClaim, changeClaim, claimOwner, claimPerson, loadClaims, reassignClaim } from '../store/claims.ts'
import { loadPeople } from '../store/intel.ts'
import { findUserByCollar } from '../store/users.ts'

const field = ['officer', 'supervisor'] as const

const wantedRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, dialect } = app.store
  const audit = (entry: Parameters<typeof appendAudit>[2]) => appendAudit(db, dialect, entry)

  app.get('/api/wanted', {
    config: { access: ['officer', 'supervisor', 'analyst'] },
    schema: { summary: 'The wanted gallery: priority first, then harm, with live claim state', response: { 200: wantedResponseSchema } },
  }, async (request) => {
    const auth = requireAuth(request)
    const ids = (await db.selectFrom('wanted').select('personId').orderBy('priority').orderBy('harm', 'desc').execute()).map((w) => w.personId)
    const people = new Map((await loadPeople(db, ids)).map((p) => [p.id, p]))
    const claims = new Map((await loadClaims(db, { activeForPeople: ids })).map((c) => [c.personId, c]))
    const items = ids.flatMap((id) => {
      const p = people.get(id)
      if (!p?.wanted) return []
      return [{ personId: id, surname: p.surname, forenames: p.forenames, dob: p.dob, areaId: p.areaId, warningMarkers: p.warningMarkers, photoUrl: p.photoUrl, wanted: p.wanted, claim: claims.get(id) ?? null }]
    })
    await audit({ userId: auth.user.id, collarNumber: auth.user.collarNumber, action: 'consult', subjectKind: 'wanted-gallery', reasonCode: 'briefing', detail: { results: items.length } })
    return { items }
  })

  app.post('/api/wanted/:personId/claim', {
    config: { access: field },
    schema: { summary: 'Reserve a wanted person (Click & Collect)', params: personIdParamsSchema, body: claimRequestSchema.optional(), response: { 200: claimResponseSchema, 201: claimResponseSchema } },
  }, async (request, reply) => {
    const auth = requireAuth(request)
    const { personId } = request.params
    if (!(await db.selectFrom('wanted').select('personId').where('personId', '=', personId).executeTakeFirst())) throw notFound('That wanted person')
    const attempt = await claimPerson(db, dialect, {
      personId, officerId: auth.user.id, ttlMinutes: app.config.claimTtlMinutes, opId: request.body?.opId,
      audit: (claimId) => ({
        userId: auth.user.id, collarNumber: auth.user.collarNumber, action: 'disclose', subjectKind: 'person', subjectId: personId,
        reasonCode: 'warrant', reasonText: 'Click & Collect claim', detail: { claimId, recipients: 'all officers of the force' },
      }),
    })
    if (attempt.result === 'held') {
      throw new HttpError(409, 'already_claimed', `${attempt.holder.officer.name} (${attempt.holder.officer.collarNumber}) is already collecting this person.`, {
        holder: attempt.holder.officer, claimedAt: attempt.holder.createdAt, claimId: attempt.holder.id,
      })
    }
    app.events.wake()
    return reply.code(attempt.result === 'created' ? 201 : 200).send({ claim: attempt.claim })
  })

  async function ownClaim(claimId: string, userId: number, supervisorMayAct: boolean, role: string) {
    const claim = await claimOwner(db, claimId)
    if (!claim) throw notFound('That claim')
    if (claim.officerId !== userId && !(supervisorMayAct && role === 'supervisor')) throw new HttpError(403, 'forbidden', 'Only the officer holding this claim (or a supervisor) can do that.')
    return claim
  }
  const ended = () => new HttpError(409, 'claim_not_active', 'This claim has already ended (released, closed or lapsed).')

  const change = (path: string, summary: string, kind: 'release' | 'renew') =>
    app.post(`/api/claims/:claimId/${path}`, {
      config: { access: field },
      schema: { summary, params: claimIdParamsSchema, response: { 200: claimResponseSchema } },
    }, async (request) => {
      const auth = requireAuth(request)
      await ownClaim(request.params.claimId, auth.user.id, false, auth.user.role)
      const claim = await changeClaim(db, dialect, request.params.claimId, auth.user.id, kind === 'renew' ? { kind, ttlMinutes: app.config.claimTtlMinutes } : { kind })
      if (!claim) throw ended()
      app.events.wake()
      return { claim }
    })
  change('release', 'Release a claim', 'release')
  change('renew', 'Renew a claim before it lapses', 'renew')

  app.post('/api/claims/:claimId/outcome', {
    config: { access: field },
    schema: { summary: 'Record the outcome of a claim', params: claimIdParamsSchema, body: outcomeRequestSchema, response: { 200: claimResponseSchema } },
  }, async (request) => {
    const auth = requireAuth(request)
    await ownClaim(request.params.claimId, auth.user.id, false, auth.user.role)
    const claim = await changeClaim(db, dialect, request.params.claimId, auth.user.id, { kind: 'outcome', outcome: request.body.outcome, note: request.body.note ?? null })
    if (!claim) throw ended()
    app.events.wake()
    return { claim }
  })

  app.post('/api/claims/:claimId/cancel', {
    config: { access: ['supervisor'] },
    schema: { summary: 'Cancel any claim (supervisors)', params: claimIdParamsSchema, response: { 200: claimResponseSchema } },
  }, async (request) => {
    const auth = requireAuth(request)
    await ownClaim(request.params.claimId, auth.user.id, true, auth.user.role)
    const claim = await changeClaim(db, dialect, request.params.claimId, auth.user.id, { kind: 'cancel' })
    if (!claim) throw ended()
    app.events.wake()
    return { claim }
  })

  app.post('/api/claims/:claimId/reassign', {
    config: { access: ['supervisor'] },
    schema: { summary: 'Hand a claim to another officer (supervisors)', params: claimIdParamsSchema, body: reassignRequestSchema, response: { 200: claimResponseSchema } },
  }, async (request) => {
    const auth = requireAuth(request)
    const to = await findUserByCollar(db, request.body.collarNumber)
    if (!to || (to.role !== 'officer' && to.role !== 'supervisor')) throw new HttpError(400, 'invalid_request', `There is no officer with collar number ${request.body.collarNumber}.`)
    const claim = await reassignClaim(db, dialect, request.params.claimId, auth.user.id, to.id, app.config.claimTtlMinutes)
    if (!claim) throw ended()
    app.events.wake()
    return { claim }
  })

  app.post('/api/claims/:claimId/assist', {
    config: { access: field },
    schema: { summary: 'Join a claim as assisting', params: claimIdParamsSchema, response: { 200: claimResponseSchema } },
  }, async (request) => {
    const auth = requireAuth(request)
    const claim = await assistClaim(db, dialect, request.params.claimId, auth.user.id)
    if (!claim) throw ended()
    app.events.wake()
    return { claim }
  })
}
export default wantedRoutes
