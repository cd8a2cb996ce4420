import { describe, expect, it } from 'vitest'
import { cellLook, cellSummary, cellsInListOrder, hotspotBand, monthWords } from './cell-style.ts'

const cell = (id: string, trend: 'rising' | 'falling' | 'steady', z: number, count = 5) => ({ cell: id, trend, z, count, baseline: 2, giZ: 0 })

describe('the crime map in words', () => {
  it('lists rising cells first, strongest first, then falling, then steady', () => {
    const ordered = cellsInListOrder([cell('a', 'steady', 0.5), cell('b', 'rising', 3.1), cell('c', 'falling', -4), cell('d', 'rising', 5.2)])
    expect(ordered.map((c) => c.cell)).toEqual(['d', 'b', 'c', 'a'])
  })

  it('bands Gi* z at 95 % and 99 %', () => {
    expect([3, 2, 0, -2, -3].map((z) => hotspotBand(z).words)).toEqual(['Hot spot (99 %)', 'Hot spot (95 %)', 'Not significant', 'Cold spot (95 %)', 'Cold spot (99 %)'])
  })

  it('gives every colour its words', () => {
    expect(cellLook({ trend: 'rising', giZ: 0 }, 'trend').words).toBe('Rising')
    expect(cellLook({ trend: 'rising', giZ: 2.7 }, 'hotspot').words).toBe('Hot spot (99 %)')
    expect(cellSummary({ trend: 'rising', count: 12, baseline: 3.3 })).toBe('Rising: 12 crimes, usually about 3 a month')
    expect(cellSummary({ trend: 'steady', count: 1, baseline: 0.3 })).toBe('Steady: 1 crime, usually fewer than 1 a month')
    expect(monthWords('2026-10')).toBe('October 2026')
  })

  it('names every month as en-GB Intl does, and leaves a malformed month as given', () => {
    const intl = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' })
    for (let m = 1; m <= 12; m++) expect(monthWords(`2025-${String(m).padStart(2, '0')}`)).toBe(intl.format(Date.UTC(2025, m - 1, 1)))
    expect(monthWords('2025-13')).toBe('2025-13')
  })
})
