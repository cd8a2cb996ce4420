/**
 * How the crime map draws and words a trend cell: its colour in each colouring (trend, or Gi* hot
 * spot), the words that go with the colour (colour is never the only signal: the legend, the cells
 * list and the details say the same thing in words), and the cells list's order, rising first.
 * Pure functions, no DOM, so they are tested alone.
 */
import type { TrendCellRecord } from '../../../shared/api/crime.ts'
import { byCodeUnit } from '../../lib/text-order.ts'

export type ColourMode = 'trend' | 'hotspot'

export type LegendEntry = { key: string; words: string; colour: string; description: string }

/** Trend colours: red for rising, grey for steady, blue for falling (safe for red-green colour blindness). */
export const trendLegend = [
  { key: 'rising', words: 'Rising', colour: '#c62828', description: 'clearly more crime than the months before (z 3 or more, at least 3 crimes)' },
  { key: 'steady', words: 'Steady', colour: '#8a94a3', description: 'about as usual' },
  { key: 'falling', words: 'Falling', colour: '#1565c0', description: 'clearly less crime than the months before (z −3 or less)' },
] as const satisfies readonly LegendEntry[]

/** Getis-Ord Gi* bands at the usual 95 % and 99 % levels, hot and cold. */
export const hotspotLegend = [
  { key: 'hot99', words: 'Hot spot (99 %)', colour: '#b71c1c', description: 'the cell and its neighbours together: Gi* z 2.58 or more' },
  { key: 'hot95', words: 'Hot spot (95 %)', colour: '#ef6c00', description: 'Gi* z 1.96 to 2.58' },
  { key: 'none', words: 'Not significant', colour: '#8a94a3', description: 'Gi* z between −1.96 and 1.96' },
  { key: 'cold95', words: 'Cold spot (95 %)', colour: '#42a5f5', description: 'Gi* z −1.96 to −2.58' },
  { key: 'cold99', words: 'Cold spot (99 %)', colour: '#0d47a1', description: 'Gi* z −2.58 or less' },
] as const satisfies readonly LegendEntry[]

export function hotspotBand(giZ: number): (typeof hotspotLegend)[number] {
  if (giZ >= 2.58) return hotspotLegend[0]
  if (giZ >= 1.96) return hotspotLegend[1]
  if (giZ <= -2.58) return hotspotLegend[4]
  if (giZ <= -1.96) return hotspotLegend[3]
  return hotspotLegend[2]
}

export function trendEntry(trend: TrendCellRecord['trend']): (typeof trendLegend)[number] {
  return trend === 'rising' ? trendLegend[0] : trend === 'falling' ? trendLegend[2] : trendLegend[1]
}

export type CellLook = { colour: string; words: string; /** fill opacity: what matters stands out */ fillOpacity: number }

export function cellLook(cell: Pick<TrendCellRecord, 'trend' | 'giZ'>, mode: ColourMode): CellLook {
  if (mode === 'trend') {
    const entry = trendEntry(cell.trend)
    return { colour: entry.colour, words: entry.words, fillOpacity: cell.trend === 'steady' ? 0.18 : 0.55 }
  }
  const band = hotspotBand(cell.giZ)
  return { colour: band.colour, words: band.words, fillOpacity: band.key === 'none' ? 0.15 : 0.55 }
}

/** The people layers and the officer's position (a filled dot, a ring, a blue dot: shape as well as colour). */
export const pointColours = { wanted: '#6a1b9a', curfew: '#8d5b00', me: '#0b57d0' } as const

const trendRank = { rising: 0, falling: 1, steady: 2 } as const

/**
 * The cells list's order: rising first, then falling, then steady; within each, the strongest change
 * first. Ties by cell id (hex) by code unit: `localeCompare` built a collator (its locale data) on
 * first use, 60 ms of the map's start at 4× CPU.
 */
export function cellsInListOrder<T extends Pick<TrendCellRecord, 'cell' | 'trend' | 'z' | 'count'>>(cells: readonly T[]): T[] {
  return [...cells].sort(
    (a, b) => trendRank[a.trend] - trendRank[b.trend] || Math.abs(b.z) - Math.abs(a.z) || b.count - a.count || byCodeUnit(a.cell, b.cell),
  )
}

const countWords = (n: number) => `${n} ${n === 1 ? 'crime' : 'crimes'}`

/** One cell in words: "Rising: 12 crimes, usually about 3 a month". */
export function cellSummary(cell: Pick<TrendCellRecord, 'trend' | 'count' | 'baseline'>): string {
  const usual = cell.baseline < 1 ? 'usually fewer than 1 a month' : `usually about ${Math.round(cell.baseline)} a month`
  return `${trendEntry(cell.trend).words}: ${countWords(cell.count)}, ${usual}`
}

/** The cell sizes offered: H3 resolutions 7 to 9, named by what they cover. */
export const cellSizes = [
  { resolution: 9, words: 'Street (about 350 m across)' },
  { resolution: 8, words: 'Neighbourhood (about 1 km across)' },
  { resolution: 7, words: 'District (about 2.5 km across)' },
] as const

// Month names from a list, not Intl: the first Intl.DateTimeFormat a page builds loads the locale's
// data, 120 ms of the crime map's start at 4× CPU, and English month names never change.
const monthNames = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'] as const

/** "2026-10" -> "October 2026" */
export function monthWords(month: string): string {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number]
  const name = monthNames[monthNumber - 1]
  return name && Number.isInteger(year) ? `${name} ${year}` : month
}
