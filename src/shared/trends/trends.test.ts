/**
 * The shared trend statistics: Wheeler's z and its verdicts, Getis-Ord Gi* against PySAL's
 * reference values (esda G_Local docstring, star=True, binary weights, distance band 15), and the
 * assembly of trend cells over H3 neighbourhoods.
 */
import { cellToParent, gridDisk, latLngToCell } from 'h3-js'
import { describe, expect, it } from 'vitest'
import { cellAt, trendCells } from './cells.ts'
import { giStarZ } from './gi-star.ts'
import { classifyTrend, trendZ } from './wheeler.ts'

describe('Wheeler trend test', () => {
  it('is 2 (sqrt(C) - sqrt(E))', () => {
    expect(trendZ(16, 4)).toBe(4)
    expect(trendZ(0, 9)).toBe(-6)
    expect(trendZ(9, 9)).toBe(0)
  })

  it('rises at z >= 3 with at least 3 crimes, falls at z <= -3, is steady otherwise', () => {
    expect(classifyTrend(16, trendZ(16, 4))).toBe('rising')
    expect(classifyTrend(9, trendZ(9, 2.25))).toBe('rising') // z = 3 exactly
    expect(classifyTrend(8, trendZ(8, 2.25))).toBe('steady') // z = 2.66
    // z = 3.46 but only 3 crimes from nothing is still enough; 2 crimes never is.
    expect(classifyTrend(3, trendZ(3, 0))).toBe('rising')
    expect(classifyTrend(2, trendZ(2, 0))).toBe('steady')
    expect(classifyTrend(0, trendZ(0, 2.25))).toBe('falling')
    expect(classifyTrend(1, trendZ(1, 2.25))).toBe('steady')
  })
})

describe('Getis-Ord Gi*', () => {
  // PySAL esda G_Local docstring: points, values and the Zs it prints (star=True, binary, band 15).
  const points = [[10, 10], [20, 10], [40, 10], [15, 20], [30, 20], [30, 30]] as const
  const values = [2, 3, 3.2, 5, 8, 7]
  const expected = [-1.397, -0.289, 0.651, -0.289, 1.235, 2.024]
  const band = (threshold: number) => points.map(([x, y], i) => points.flatMap(([u, v], j) =>
    i !== j && Math.hypot(x - u, y - v) <= threshold ? [j] : []))

  it('matches the PySAL reference z-scores to three decimals', () => {
    const z = giStarZ(values, band(15))
    z.forEach((value, i) => expect(value, `point ${i}`).toBeCloseTo(expected[i]!, 3))
  })

  it('answers the targets asked for, in their order, and 0 where the statistic is undefined', () => {
    const all = giStarZ(values, band(15))
    expect(giStarZ(values, band(15), [5, 0])).toEqual([all[5], all[0]])
    expect(giStarZ([4, 4, 4], [[1], [0, 2], [1]])).toEqual([0, 0, 0])
    expect(giStarZ([1, 5], [[1], [0]])).toEqual([0, 0]) // each neighbourhood is the whole area
    expect(giStarZ([3], [[]])).toEqual([0])
  })
})

describe('trend cells', () => {
  const centre = latLngToCell(52.4797, -1.9026, 9)

  it('gives each cell its count, scaled baseline, z, verdict and Gi*, and leaves empty cells out', () => {
    const ring = gridDisk(centre, 1).filter((c) => c !== centre)
    const far = latLngToCell(52.6, -2.1, 9)
    const cells = trendCells([
      { cell: centre, count: 20, baselineCount: 12 },
      { cell: ring[0]!, count: 6, baselineCount: 6 },
      { cell: far, count: 0, baselineCount: 30 },
      { cell: ring[1]!, count: 0, baselineCount: 0 },
    ], 1 / 3)
    expect(cells.map((c) => c.cell)).toEqual([centre, ring[0]!, far].sort())
    const hot = cells.find((c) => c.cell === centre)!
    expect(hot).toMatchObject({ count: 20, baseline: 4, z: 4.944, trend: 'rising' })
    expect(hot.lat).toBeCloseTo(52.4797, 2)
    expect(hot.lng).toBeCloseTo(-1.9026, 2)
    expect(cells.find((c) => c.cell === far)).toMatchObject({ count: 0, baseline: 10, trend: 'falling' })
    expect(cells.find((c) => c.cell === ring[0])!.trend).toBe('steady')
    // The busy pair stands out against its small study area (2 + 12 + 7 cells); the far cell does not.
    expect(hot.giZ).toBeGreaterThan(1)
    expect(cells.find((c) => c.cell === far)!.giZ).toBeLessThan(0)
  })

  it('adds tallies of the same cell together, and takes parents for coarser views', () => {
    const [only] = trendCells([{ cell: centre, count: 2, baselineCount: 3 }, { cell: centre, count: 1, baselineCount: 3 }], 1 / 6)
    expect(only).toMatchObject({ count: 3, baseline: 1 })
    expect(cellAt(centre, 9)).toBe(centre)
    expect(cellAt(centre, 7)).toBe(cellToParent(centre, 7))
  })
})
