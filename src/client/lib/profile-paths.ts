/**
 * Addresses of the profile screens. `from` names the briefing item a profile was opened from: the
 * profile then records "Briefing item" as the reason for the look-up instead of asking. A profile
 * opened from a check's result carries the check's reason in router state (`CheckLinkState`), and
 * records it without asking again.
 */
import type { Reason } from '../../shared/api/audit.ts'
import type { SubjectKind } from '../../shared/api/intel.ts'

const segments: Record<SubjectKind, string> = { person: 'people', vehicle: 'vehicles', address: 'addresses' }

export function profilePath(kind: SubjectKind, id: string, fromItemId?: string): string {
  const path = `/${segments[kind]}/${encodeURIComponent(id)}`
  return fromItemId === undefined ? path : `${path}?${new URLSearchParams({ from: fromItemId }).toString()}`
}

export const subjectKindNames: Record<SubjectKind, string> = { person: 'Person', vehicle: 'Vehicle', address: 'Address' }

/** Router state of a link from a check's result to a profile: the reason already given for the check. */
export type CheckLinkState = { reason: Reason; checkId: string }

/** The check a profile was opened from, if the router state says so. */
export function checkLinkFromState(state: unknown): CheckLinkState | null {
  if (typeof state !== 'object' || state === null || !('checkId' in state) || !('reason' in state)) return null
  const { checkId, reason } = state
  if (typeof checkId !== 'string' || typeof reason !== 'object' || reason === null || !('code' in reason) || typeof reason.code !== 'string') return null
  const text = 'text' in reason && typeof reason.text === 'string' ? reason.text : undefined
  return { checkId, reason: text === undefined ? { code: reason.code } : { code: reason.code, text } }
}
