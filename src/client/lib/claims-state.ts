/**
 * What this device knows about claims, as pure functions: the active claim on each wanted person,
 * built from a gallery snapshot (`GET /api/wanted`) and kept current by the claim events of the
 * live stream. Kept pure so the rules can be tested without a browser or a server.
 *
 * The rules make the result independent of arrival order where it matters: an ended claim never
 * comes back (ending is final on the server), an older claim never displaces a newer one on the same
 * person, and two versions of one active claim merge (assisting officers only join, the expiry only
 * moves later), so a snapshot and the events received while it was being fetched can be combined
 * in either order.
 *
 * Offline behaviour: none of its own; the store that holds this state marks it possibly out of date
 * while the stream is down.
 */
import type { Claim, OfficerRef } from '../../shared/api/claims.ts'
import type { KestrelEvent } from '../../shared/api/events.ts'

export type ClaimState = {
  /** The active claim on each person, by person id. */
  active: ReadonlyMap<string, Claim>
  /** Ids of claims known to have ended (released, closed, lapsed, cancelled, reassigned). */
  ended: ReadonlySet<string>
}

export const emptyClaimState: ClaimState = { active: new Map(), ended: new Set() }

function unionOfficers(a: readonly OfficerRef[], b: readonly OfficerRef[]): OfficerRef[] {
  const seen = new Map<string, OfficerRef>()
  for (const officer of [...a, ...b]) if (!seen.has(officer.collarNumber)) seen.set(officer.collarNumber, officer)
  return [...seen.values()]
}

/** Two versions of one active claim: whatever either knows. */
function mergeSameClaim(known: Claim, incoming: Claim): Claim {
  return {
    ...incoming,
    assisting: unionOfficers(known.assisting, incoming.assisting),
    expiresAt: known.expiresAt > incoming.expiresAt ? known.expiresAt : incoming.expiresAt,
  }
}

function sameContent(a: Claim, b: Claim): boolean {
  return a.id === b.id && a.status === b.status && a.expiresAt === b.expiresAt && a.assisting.length === b.assisting.length && a.officer.collarNumber === b.officer.collarNumber
}

/** Put one claim, in whatever state, into what the device knows. */
export function applyClaim(state: ClaimState, claim: Claim): ClaimState {
  const current = state.active.get(claim.personId)
  if (claim.status !== 'active') {
    const ended = state.ended.has(claim.id) ? state.ended : new Set(state.ended).add(claim.id)
    if (current?.id !== claim.id) return ended === state.ended ? state : { active: state.active, ended }
    const active = new Map(state.active)
    active.delete(claim.personId)
    return { active, ended }
  }
  if (state.ended.has(claim.id)) return state
  if (current && current.id !== claim.id && current.createdAt > claim.createdAt) return state
  const next = current?.id === claim.id ? mergeSameClaim(current, claim) : claim
  if (current && sameContent(current, next)) return state
  return { active: new Map(state.active).set(claim.personId, next), ended: state.ended }
}

/** Apply one event from the stream; events that carry no claim leave the state as it is. */
export function applyClaimEvent(state: ClaimState, event: KestrelEvent): ClaimState {
  if (!event.type.startsWith('claim.') || !event.claim) return state
  return applyClaim(state, event.claim)
}

/**
 * A fresh snapshot from the server, then the events that arrived while it was on its way (they
 * may be newer than the snapshot). Ended ids are kept: a claim that ended stays ended.
 */
export function fromSnapshot(previous: ClaimState, claims: readonly (Claim | null)[], since: readonly KestrelEvent[]): ClaimState {
  let state: ClaimState = { active: new Map(), ended: previous.ended }
  for (const claim of claims) if (claim) state = applyClaim(state, claim)
  for (const event of since) state = applyClaimEvent(state, event)
  return state
}
