/**
 * Trend cells: per H3 cell, the recent count, the baseline expectation, Wheeler's z and its verdict,
 * and the Getis-Ord Gi* z of the recent counts over the cell and its six neighbours. The server
 * answers the map with these and puts the officer's area's cells in the briefing package; the
 * device can recompute them from counts with the same code. Cells are stored at resolution 9
 * (street scale, about 0.1 km2) and coarser views take each cell's parent.
 */
import { cellToLatLng, cellToParent, getResolution, gridDisk } from 'h3-js'
import { boundedMemo } from '../bounded-memo.ts'
import { giStarZ } from './gi-star.ts'
import { classifyTrend, trendZ, type Trend } from './wheeler.ts'

export const storedResolution = 9
export const minResolution = 6
export const maxResolution = 9

export type TrendCell = {
  cell: string
  lat: number
  lng: number
  /** crimes in the recent window (the month asked for, or the last `recentDays` days) */
  count: number
  /** the expected count: the baseline's mean per month (or per recent window, for days) */
  baseline: number
  /** Wheeler's z = 2 (sqrt(count) - sqrt(baseline)) */
  z: number
  trend: Trend
  /** Getis-Ord Gi* z of the recent counts over the cell and its neighbours (k = 1) */
  giZ: number
}

export type CellTally = { cell: string; count: number; baselineCount: number }

const round = (x: number, places: number) => Math.round(x * 10 ** places) / 10 ** places

// A cell's ring and centre never change, and h3-js pays a WebAssembly call for each: the busiest
// cells are asked for again and again, so both are remembered (a bounded cache, dropped when full).
const cacheLimit = 200_000
const discOf = boundedMemo((cell) => gridDisk(cell, 1), cacheLimit)
const centreOf = boundedMemo((cell) => cellToLatLng(cell) as [number, number], cacheLimit)
/** Keyed `cell/resolution`. */
const parentOf = boundedMemo((key) => {
  const [cell = '', resolution] = key.split('/')
  const to = Number(resolution)
  return getResolution(cell) === to ? cell : cellToParent(cell, to)
}, cacheLimit)

/** The cell containing `cell` at a coarser resolution (the same cell at its own). */
export function cellAt(cell: string, resolution: number): string {
  return parentOf(`${cell}/${resolution}`)
}

/**
 * Trend cells from tallies. `baselineScale` turns a cell's baseline count into the expectation for
 * the recent window: 1 / baselineMonths, or recentDays / baselineDays. Cells with neither recent nor
 * baseline crime are left out of the answer, but they take part in Gi* as zeros: the study area is
 * every cell with crime plus the ring of cells around each, so quiet streets next to busy ones count.
 */
export function trendCells(tallies: Iterable<CellTally>, baselineScale: number): TrendCell[] {
  const byCell = new Map<string, CellTally>()
  for (const t of tallies) {
    if (t.count <= 0 && t.baselineCount <= 0) continue
    const seen = byCell.get(t.cell)
    if (seen) {
      seen.count += t.count
      seen.baselineCount += t.baselineCount
    } else {
      byCell.set(t.cell, { ...t })
    }
  }
  const cells = [...byCell.keys()].sort()
  const study = new Map<string, number>()
  const discs = new Map<string, string[]>()
  for (const cell of cells) {
    const disc = discOf(cell)
    discs.set(cell, disc)
    for (const near of disc) if (!study.has(near)) study.set(near, study.size)
  }
  const values = new Array<number>(study.size).fill(0)
  for (const [cell, t] of byCell) values[study.get(cell)!] = t.count
  // Gi* is needed for the cells with crime only, and each one's whole ring is in the study area.
  const targets = cells.map((cell) => study.get(cell)!)
  const neighbours: number[][] = []
  for (const cell of cells) neighbours[study.get(cell)!] = discs.get(cell)!.map((near) => study.get(near)!)
  const gi = giStarZ(values, neighbours, targets)

  return cells.map((cell, k) => {
    const { count, baselineCount } = byCell.get(cell)!
    const baseline = baselineCount * baselineScale
    const z = trendZ(count, baseline)
    const [lat, lng] = centreOf(cell)
    return {
      cell,
      lat: round(lat, 6),
      lng: round(lng, 6),
      count,
      baseline: round(baseline, 3),
      z: round(z, 3),
      trend: classifyTrend(count, z),
      giZ: round(gi[k]!, 3),
    }
  })
}
