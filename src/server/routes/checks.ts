/**
 * On-the-spot checks of people, vehicles and addresses. Each check must give a reason from the
 * force's list and leaves one audit record (a consultation: officer, time, device, what was asked,
 * reason, how many results, online); the answer carries the record's id as `checkId`. Checks made
 * offline on a device are recorded through POST /api/audit/checks. A device sends its own
 * `checkId` with the check: a check sent again, or recorded on the device after its answer was
 * lost, keeps the one record already stored under that id.
 */
import { randomUUID } from 'node:crypto'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { FastifyRequest } from 'fastify'
import type { Reason } from '../../shared/api/audit.ts'
import {
  addressCheckRequestSchema, addressCheckResponseSchema, checkReasonsResponseSchema, personCheckRequestSchema, personCheckResponseSchema,
  vehicleCheckRequestSchema, vehicleCheckResponseSchema,
} from '../../shared/api/checks.ts'
import { lookupReasons } from '../../shared/domain/reasons.ts'
import { parseGivenDob } from '../../shared/matching/dates.ts'
import { HttpError } from '../http-error.ts'
import { requireAuth } from '../plugins/access.ts'
import { appendAudit } from '../store/audit.ts'
import { checkAddress, checkPerson, checkVehicle } from '../store/checks.ts'

const checkers = ['officer', 'supervisor'] as const
const reasonCodes = new Set<string>(lookupReasons.map((r) => r.code))

/** The reason must be one the force lists; the free text is optional. */
export function requireKnownReason(reason: Reason): void {
  if (!reasonCodes.has(reason.code)) {
    throw new HttpError(400, 'unknown_reason', `"${reason.code}" is not a reason on the list: use one of ${[...reasonCodes].join(', ')}.`)
  }
}

export const deviceOf = (request: FastifyRequest) => request.headers['user-agent']?.slice(0, 200) ?? null

const checkRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, dialect } = app.store

  async function recordCheck(request: FastifyRequest, kind: 'person' | 'vehicle' | 'address', query: Record<string, string>, reason: Reason, resultIds: string[], deviceCheckId: string | undefined) {
    const auth = requireAuth(request)
    const checkId = deviceCheckId ?? randomUUID()
    await appendAudit(db, dialect, {
      userId: auth.user.id, collarNumber: auth.user.collarNumber, action: 'consult', subjectKind: `${kind}-check`, subjectId: resultIds[0] ?? null,
      reasonCode: reason.code, reasonText: reason.text ?? null, online: true, opId: checkId,
      detail: { query, resultCount: resultIds.length, resultIds, device: deviceOf(request) },
    })
    return checkId
  }

  app.get('/api/checks/reasons', {
    config: { access: ['officer', 'supervisor', 'analyst'] },
    schema: { summary: 'The reasons a check or a profile view may give', response: { 200: checkReasonsResponseSchema } },
  }, async () => ({ reasons: lookupReasons.map(({ code, label }) => ({ code, label })) }))

  app.post('/api/checks/person', {
    config: { access: checkers },
    schema: { summary: 'Check a person by name and date of birth (fuzzy): candidates best first, at most 20', body: personCheckRequestSchema, response: { 200: personCheckResponseSchema } },
  }, async (request) => {
    const { surname, forenames, dob, reason, checkId: deviceCheckId } = request.body
    requireKnownReason(reason)
    if (dob && !parseGivenDob(dob)) throw new HttpError(400, 'invalid_dob', `${dob} is not a real date: give YYYY-MM-DD or a year.`)
    const candidates = await checkPerson(db, { surname, forenames: forenames ?? null, dob: dob ?? null })
    const query = { surname, ...(forenames ? { forenames } : {}), ...(dob ? { dob } : {}) }
    const checkId = await recordCheck(request, 'person', query, reason, candidates.map((c) => c.personId), deviceCheckId)
    return { checkId, candidates }
  })

  app.post('/api/checks/vehicle', {
    config: { access: checkers },
    schema: { summary: 'Check a vehicle by registration mark (spacing, case and common misreads allowed)', body: vehicleCheckRequestSchema, response: { 200: vehicleCheckResponseSchema } },
  }, async (request) => {
    const { vrm, reason, checkId: deviceCheckId } = request.body
    requireKnownReason(reason)
    const candidates = await checkVehicle(db, vrm)
    const checkId = await recordCheck(request, 'vehicle', { vrm }, reason, candidates.map((c) => c.vehicleId), deviceCheckId)
    return { checkId, candidates }
  })

  app.post('/api/checks/address', {
    config: { access: checkers },
    schema: { summary: 'Check an address by postcode or street', body: addressCheckRequestSchema, response: { 200: addressCheckResponseSchema } },
  }, async (request) => {
    const { query, reason, checkId: deviceCheckId } = request.body
    requireKnownReason(reason)
    const candidates = await checkAddress(db, query)
    const checkId = await recordCheck(request, 'address', { query }, reason, candidates.map((c) => c.addressId), deviceCheckId)
    return { checkId, candidates }
  })
}
export default checkRoutes
