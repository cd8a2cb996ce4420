/**
 * Running a check: on the server when it can be reached, otherwise on the device.
 *
 * Online, the server matches against everyone and writes the audit record itself. With no
 * network, or when the server cannot be reached (no answer within a few seconds, or a gateway
 * error), the same check runs over the package on this device (offline-check.ts) and its audit
 * record is queued in the outbox (lib/check-records.ts) before the result is shown. The answer
 * says which happened and how many people the device held, so the officer knows what a "No one
 * found" covers. A refusal by the server (a bad request, no access) is shown, never retried
 * offline: that would only hide it.
 *
 * The check's id is made here, before the server is asked, and sent with it: when the server
 * recorded the check but its answer never arrived, the device's record carries the same id and
 * the server keeps the one record it has.
 */
import type { AddressCheckResponse, OfflineCheckRecord, PersonCandidate, VehicleCheckResponse } from '../../../../shared/api/checks.ts'
import type { Reason } from '../../../../shared/api/audit.ts'
import { ApiError, NetworkError } from '../../../lib/api-client.ts'
import { queueOfflineCheckRecord } from '../../../lib/check-records.ts'
import { db } from '../../../lib/database.ts'
import { serverNowIso } from '../../../lib/server-clock.ts'
import { cachedPeopleCount, deviceCheckAddress, deviceCheckPerson, deviceCheckVehicle } from '../offline-check.ts'
import { postAddressCheck } from './address-check.ts'
import { postPersonCheck } from './person-check.ts'
import { postVehicleCheck } from './vehicle-check.ts'

export type PersonQueryInput = { surname: string; forenames?: string; dob?: string }

export type CheckRequest =
  | { kind: 'person'; query: PersonQueryInput; reason: Reason }
  | { kind: 'vehicle'; query: { vrm: string }; reason: Reason }
  | { kind: 'address'; query: { query: string }; reason: Reason }

/** How a check was answered when it ran on the device. */
export type DeviceRun = {
  /** No network at all, or the server did not answer. */
  cause: 'offline' | 'unreachable'
  /** People (for a person check), vehicles or addresses held on the device: what was checked. */
  cachedCount: number
}

type Answer<K, C> = { kind: K; checkId: string; candidates: C[]; reason: Reason; device: DeviceRun | null }
export type CheckAnswer =
  | Answer<'person', PersonCandidate>
  | Answer<'vehicle', VehicleCheckResponse['candidates'][number]>
  | Answer<'address', AddressCheckResponse['candidates'][number]>

/** Errors that mean "the server could not be reached", so the device answers instead. */
export function isUnreachable(error: unknown): boolean {
  return error instanceof NetworkError || (error instanceof ApiError && (error.status === 502 || error.status === 503 || error.status === 504))
}

async function onServer(request: CheckRequest, checkId: string): Promise<CheckAnswer> {
  const { reason } = request
  switch (request.kind) {
    case 'person': {
      const answer = await postPersonCheck({ ...request.query, reason, checkId })
      return { kind: 'person', ...answer, reason, device: null }
    }
    case 'vehicle': {
      const answer = await postVehicleCheck({ vrm: request.query.vrm, reason, checkId })
      return { kind: 'vehicle', ...answer, reason, device: null }
    }
    case 'address': {
      const answer = await postAddressCheck({ query: request.query.query, reason, checkId })
      return { kind: 'address', ...answer, reason, device: null }
    }
  }
}

function subjectOf(request: CheckRequest): string {
  if (request.kind === 'vehicle') return request.query.vrm.toUpperCase()
  if (request.kind === 'address') return request.query.query
  const { surname, forenames, dob } = request.query
  return [surname.toUpperCase(), forenames, dob].filter(Boolean).join(' ')
}

/** Runs the check on this device and queues its audit record. */
export async function onDevice(request: CheckRequest, cause: DeviceRun['cause'], checkId: string = crypto.randomUUID()): Promise<CheckAnswer> {
  const { reason } = request
  let answer: CheckAnswer
  let query: Record<string, string>
  switch (request.kind) {
    case 'person': {
      const { surname, forenames, dob } = request.query
      query = { surname, ...(forenames ? { forenames } : {}), ...(dob ? { dob } : {}) }
      const [candidates, cachedCount] = await Promise.all([deviceCheckPerson(request.query), cachedPeopleCount()])
      answer = { kind: 'person', checkId, candidates, reason, device: { cause, cachedCount } }
      break
    }
    case 'vehicle': {
      query = { vrm: request.query.vrm }
      const [candidates, cachedCount] = await Promise.all([deviceCheckVehicle(request.query.vrm), db.vehicles.count()])
      answer = { kind: 'vehicle', checkId, candidates, reason, device: { cause, cachedCount } }
      break
    }
    case 'address': {
      query = { query: request.query.query }
      const [candidates, cachedCount] = await Promise.all([deviceCheckAddress(request.query.query), db.addresses.count()])
      answer = { kind: 'address', checkId, candidates, reason, device: { cause, cachedCount } }
      break
    }
  }
  const resultIds = answer.kind === 'person' ? answer.candidates.map((c) => c.personId) : answer.kind === 'vehicle' ? answer.candidates.map((c) => c.vehicleId) : answer.candidates.map((c) => c.addressId)
  const record: OfflineCheckRecord = {
    checkId,
    at: serverNowIso(),
    kind: request.kind,
    query: Object.fromEntries(Object.entries(query).map(([k, v]) => [k, v.slice(0, 200)])),
    reason: reason.text ? { code: reason.code, text: reason.text.slice(0, 500) } : { code: reason.code },
    resultIds: resultIds.slice(0, 50),
  }
  // The record is on the device before the result shows: no check goes unlogged.
  await queueOfflineCheckRecord(record, subjectOf(request))
  return answer
}

export async function runCheck(request: CheckRequest): Promise<CheckAnswer> {
  const checkId = crypto.randomUUID()
  if (typeof navigator !== 'undefined' && navigator.onLine === false) return onDevice(request, 'offline', checkId)
  try {
    return await onServer(request, checkId)
  } catch (error) {
    if (isUnreachable(error)) return onDevice(request, 'unreachable', checkId)
    throw error
  }
}
