/**
 * The order warning markers are shown in: officer safety first, then by severity, then by name.
 * A code missing from the force's marker list is shown as its code and counted as officer
 * safety, since an unknown warning is not a reason to relax.
 */
import type { MarkerType } from '../../shared/api/intel.ts'
import { byText } from './text-order.ts'

export type ShownMarker = { code: string; label: string; officerSafety: boolean; severity: number }

export function markersFor(codes: readonly string[], types: ReadonlyMap<string, MarkerType>): ShownMarker[] {
  return [...new Set(codes)]
    .map((code) => {
      const type = types.get(code)
      return type ? { code, label: type.label, officerSafety: type.officerSafety, severity: type.severity } : { code, label: `Warning ${code}`, officerSafety: true, severity: 3 }
    })
    .sort((a, b) => Number(b.officerSafety) - Number(a.officerSafety) || b.severity - a.severity || byText(a.label, b.label))
}
