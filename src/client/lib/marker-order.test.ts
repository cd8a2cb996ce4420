import { describe, expect, it } from 'vitest'
import type { MarkerType } from '../../shared/api/intel.ts'
import { markersFor } from './marker-order.ts'

const types = new Map<string, MarkerType>([
  ['DR', { code: 'DR', label: 'Drugs', severity: 2, officerSafety: false }],
  ['VI', { code: 'VI', label: 'Violent', severity: 3, officerSafety: true }],
  ['ES', { code: 'ES', label: 'Escaper', severity: 2, officerSafety: true }],
  ['AL', { code: 'AL', label: 'Alleges', severity: 1, officerSafety: false }],
])

describe('markersFor', () => {
  it('puts officer-safety markers first, then by severity', () => {
    expect(markersFor(['AL', 'DR', 'ES', 'VI'], types).map((m) => m.label)).toEqual(['Violent', 'Escaper', 'Drugs', 'Alleges'])
  })
  it('shows an unknown code as an officer-safety warning, and each code once', () => {
    expect(markersFor(['DR', 'ZZ', 'DR'], types)).toEqual([
      { code: 'ZZ', label: 'Warning ZZ', officerSafety: true, severity: 3 },
      { code: 'DR', label: 'Drugs', officerSafety: false, severity: 2 },
    ])
  })
})
