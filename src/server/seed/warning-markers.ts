/**
 * The demo list of warning-marker types. The categories are the commonly cited PNC warning signals;
 * the official codes are not public, so these two-letter codes are Kestrel's own demo codes (the
 * labels say so) and a force replaces the list with its own. Officer-safety markers are shown first,
 * in red, on every person card. The weights say how often each marker is drawn for a demo person.
 */
import type { Insertable } from 'kysely'
import type { WarningMarkerTypeTable } from '../store/schema.ts'
import { chance, weighted, type Random } from './random.ts'

type MarkerType = Insertable<WarningMarkerTypeTable> & { code: string; weight: number }

export const demoMarkerTypes: readonly MarkerType[] = [
  { code: 'VI', label: 'Violent (demo code)', severity: 3, officerSafety: 1, weight: 30 },
  { code: 'WE', label: 'Weapons (demo code)', severity: 3, officerSafety: 1, weight: 12 },
  { code: 'FI', label: 'Firearms (demo code)', severity: 3, officerSafety: 1, weight: 3 },
  { code: 'EX', label: 'Explosives (demo code)', severity: 3, officerSafety: 1, weight: 0.5 },
  { code: 'DR', label: 'Drugs (demo code)', severity: 2, officerSafety: 0, weight: 20 },
  { code: 'CO', label: 'Contagious (demo code)', severity: 2, officerSafety: 1, weight: 2 },
  { code: 'ES', label: 'Escaper (demo code)', severity: 2, officerSafety: 1, weight: 5 },
  { code: 'SU', label: 'Suicidal (demo code)', severity: 2, officerSafety: 0, weight: 6 },
  { code: 'SH', label: 'Self-harm (demo code)', severity: 2, officerSafety: 0, weight: 8 },
  { code: 'MH', label: 'Mental health (demo code)', severity: 2, officerSafety: 0, weight: 12 },
  { code: 'AI', label: 'Ailment (demo code)', severity: 1, officerSafety: 0, weight: 5 },
  { code: 'AL', label: 'Alleges (demo code)', severity: 1, officerSafety: 0, weight: 4 },
]

export function markerTypeRows(): Insertable<WarningMarkerTypeTable>[] {
  return demoMarkerTypes.map(({ code, label, severity, officerSafety }) => ({ code, label, severity, officerSafety }))
}

const weightedCodes = demoMarkerTypes.map((m) => [m.code, m.weight] as const)

/** One to three distinct marker codes, in the order of the demo list. */
export function randomMarkers(r: Random): string[] {
  const codes = new Set([weighted(r, weightedCodes)])
  while (codes.size < 3 && chance(r, 0.35)) codes.add(weighted(r, weightedCodes))
  return demoMarkerTypes.map((m) => m.code).filter((code) => codes.has(code))
}
