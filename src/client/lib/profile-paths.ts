/**
 * Addresses of the profile screens. `from` names the briefing item a profile was opened from: the
 * profile then records "Briefing item" as the reason for the look-up instead of asking.
 */
import type { SubjectKind } from '../../shared/api/intel.ts'

const segments: Record<SubjectKind, string> = { person: 'people', vehicle: 'vehicles', address: 'addresses' }

export function profilePath(kind: SubjectKind, id: string, fromItemId?: string): string {
  const path = `/${segments[kind]}/${encodeURIComponent(id)}`
  return fromItemId === undefined ? path : `${path}?${new URLSearchParams({ from: fromItemId }).toString()}`
}

export const subjectKindNames: Record<SubjectKind, string> = { person: 'Person', vehicle: 'Vehicle', address: 'Address' }
