/**
 * Reading crime trends: counts per H3 cell for a recent window and its baseline, from the monthly
 * rollup `crime_cell_counts` (months) or the index on (date, cell, category) (days), then the
 * shared statistics (src/shared/trends). Cells are stored at resolution 9; a coarser view adds up
 * each cell's parent.
 * A trend needs every month it compares to be stored, or an empty baseline would flag every busy
 * cell as rising, so missing months are refused with the field to change.
 */
import { cellToChildren, cellToLatLng, getResolution, isValidCell } from 'h3-js'
import { sql, type Kysely } from 'kysely'
import type { CellBreakdown, CrimeMonthsResponse, TrendsQuery } from '../../shared/api/crime.ts'
import type { CrimeCategorySlug } from '../../shared/domain/crime-categories.ts'
import { cellAt, maxResolution, minResolution, storedResolution, trendCells, type CellTally, type TrendCell } from '../../shared/trends/cells.ts'
import type { Database } from './schema.ts'

/** A question the stored crime cannot answer as asked; the message names the field to change. */
export class CrimeQueryError extends Error {
  constructor(readonly code: string, message: string) {
    super(message)
  }
}
const invalid = (code: string, message: string) => new CrimeQueryError(code, message)

/** 'YYYY-MM' plus `delta` months. */
export function addMonths(month: string, delta: number): string {
  const [y, m] = month.split('-').map(Number)
  const index = y! * 12 + (m! - 1) + delta
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`
}

const addDays = (day: string, delta: number) => new Date(Date.parse(`${day}T00:00:00Z`) + delta * 86_400_000).toISOString().slice(0, 10)

export async function latestCrimeMonth(db: Kysely<Database>): Promise<string | null> {
  const row = await db.selectFrom('crimes').select((eb) => eb.fn.max('month').as('month')).executeTakeFirst()
  return row?.month ?? null
}

/** The months of `months` that have no crime stored at all (an index seek each). */
async function missingMonths(db: Kysely<Database>, months: readonly string[]): Promise<string[]> {
  const missing: string[] = []
  for (const month of months) {
    if (!(await db.selectFrom('crimes').select('month').where('month', '=', month).limit(1).executeTakeFirst())) missing.push(month)
  }
  return missing
}

/** Adds tallies up into the parent cells at `resolution`. */
function atResolution(tallies: Iterable<CellTally>, resolution: number): CellTally[] {
  if (resolution === storedResolution) return [...tallies]
  const parents = new Map<string, CellTally>()
  for (const t of tallies) {
    const cell = cellAt(t.cell, resolution)
    const seen = parents.get(cell)
    if (seen) {
      seen.count += t.count
      seen.baselineCount += t.baselineCount
    } else {
      parents.set(cell, { cell, count: t.count, baselineCount: t.baselineCount })
    }
  }
  return [...parents.values()]
}

export type TrendRequest = Pick<TrendsQuery, 'month' | 'baselineMonths' | 'category' | 'resolution' | 'to' | 'recentDays' | 'baselineDays'>

/** Trend cells for a month against the months before it, or for recent days against the days before. */
export async function crimeTrends(db: Kysely<Database>, q: TrendRequest): Promise<TrendCell[]> {
  if (q.month && q.to) throw invalid('invalid_request', 'month and to: give one, month for monthly data or to for day-precision data.')
  return q.to ? dayTrends(db, { ...q, to: q.to }) : monthTrends(db, q)
}

async function monthTrends(db: Kysely<Database>, q: TrendRequest): Promise<TrendCell[]> {
  const month = q.month ?? (await latestCrimeMonth(db))
  if (!month) return []
  const first = addMonths(month, -q.baselineMonths)
  const missing = await missingMonths(db, Array.from({ length: q.baselineMonths + 1 }, (_, i) => addMonths(first, i)))
  if (missing.includes(month)) throw invalid('no_crime_data', `month: no crime is stored for ${month}; GET /api/crime/months lists the months there are.`)
  if (missing.length > 0) {
    throw invalid('baseline_unavailable', `baselineMonths: no crime is stored for ${missing.join(', ')}, so a ${q.baselineMonths}-month baseline before ${month} is incomplete; choose fewer baseline months or a later month.`)
  }
  return monthTrendCells(db, { ...q, month })
}

async function monthTrendCells(db: Kysely<Database>, q: TrendRequest & { month: string }): Promise<TrendCell[]> {
  const { month } = q
  const first = addMonths(month, -q.baselineMonths)
  // Summed per cell in the database: a quarter of the rows a month-by-month read would bring back.
  const rows = await db.selectFrom('crimeCellCounts')
    .select([
      'cell',
      (eb) => eb.fn.sum<number | string>(sql<number>`case when ${eb.ref('month')} = ${month} then ${eb.ref('n')} else 0 end`).as('recent'),
      (eb) => eb.fn.sum<number | string>(sql<number>`case when ${eb.ref('month')} < ${month} then ${eb.ref('n')} else 0 end`).as('baseline'),
    ])
    .where('category', '=', q.category ?? '*').where('month', '>=', first).where('month', '<=', month)
    .groupBy('cell')
    .execute()
  const tallies = rows.map((r) => ({ cell: r.cell, count: Number(r.recent), baselineCount: Number(r.baseline) }))
  return trendCells(atResolution(tallies, q.resolution), 1 / q.baselineMonths)
}

async function dayTrends(db: Kysely<Database>, q: TrendRequest & { to: string }): Promise<TrendCell[]> {
  const recentStart = addDays(q.to, -(q.recentDays - 1))
  const baselineStart = addDays(recentStart, -q.baselineDays)
  // Day mode reads day-precision crime only (month-precision rows have no date).
  const covered = async (day: string) => Boolean(await db.selectFrom('crimes').select('date')
    .where('date', '>=', `${day.slice(0, 7)}-01`).where('date', '<=', `${day.slice(0, 7)}-31`).limit(1).executeTakeFirst())
  if (!(await covered(q.to))) throw invalid('no_crime_data', `to: no day-precision crime is stored for ${q.to.slice(0, 7)}; day trends need a force's own dated records.`)
  if (!(await covered(baselineStart))) {
    throw invalid('baseline_unavailable', `baselineDays: no day-precision crime is stored for ${baselineStart.slice(0, 7)}, where the baseline would start (${baselineStart}); choose fewer baseline days.`)
  }
  let query = db.selectFrom('crimes')
    .select([
      'cell',
      (eb) => eb.fn.sum<number | string>(sql<number>`case when ${eb.ref('date')} >= ${recentStart} then 1 else 0 end`).as('recent'),
      (eb) => eb.fn.countAll<number | string>().as('n'),
    ])
    .where('date', '>=', baselineStart).where('date', '<=', q.to).where('cell', 'is not', null)
  if (q.category) query = query.where('category', '=', q.category)
  const rows = await query.groupBy('cell').execute()
  const tallies = rows.map((r) => ({ cell: r.cell!, count: Number(r.recent), baselineCount: Number(r.n) - Number(r.recent) }))
  return trendCells(atResolution(tallies, q.resolution), q.recentDays / q.baselineDays)
}

export const packageTrendPeriod = { baselineMonths: 3, resolution: storedResolution } as const
export type PackageTrends = {
  cells: TrendCell[]
  period: { month: string; baselineMonths: number; resolution: number; areaId: string | null }
}

/** Whether a point lies inside a closed ring of [lng, lat] corners (ray casting). */
function inRing(ring: readonly (readonly [number, number])[], lat: number, lng: number): boolean {
  let inside = false
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!
    const [xj, yj] = ring[j]!
    if (yi > lat !== yj > lat && lng < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside
  }
  return inside
}

/**
 * The briefing package's trend cells: the latest month against the three before it, all categories,
 * street-scale cells, for the cells whose centre lies in the officer's area (the statistics are
 * computed force-wide first, so Gi* near the area's edge sees its neighbours), or the whole force for
 * an account without an area. Null while fewer than four months are stored.
 */
export async function packageTrends(db: Kysely<Database>, areaId: string | null): Promise<PackageTrends | null> {
  const month = await latestCrimeMonth(db)
  if (!month) return null
  const { baselineMonths, resolution } = packageTrendPeriod
  const first = addMonths(month, -baselineMonths)
  if ((await missingMonths(db, Array.from({ length: baselineMonths + 1 }, (_, i) => addMonths(first, i)))).length > 0) return null
  const cells = await monthTrendCells(db, { month, baselineMonths, resolution, recentDays: 28, baselineDays: 84 })
  const area = areaId ? await db.selectFrom('areas').select('boundary').where('id', '=', areaId).executeTakeFirst() : undefined
  const ring = area ? (JSON.parse(area.boundary) as [number, number][]) : []
  if (ring.length < 3) return { cells, period: { month, baselineMonths, resolution, areaId: null } }
  return { cells: cells.filter((c) => inRing(ring, c.lat, c.lng)), period: { month, baselineMonths, resolution, areaId } }
}

/** A cell's counts per month and category, for the map's tap-a-cell breakdown. */
export async function cellBreakdown(db: Kysely<Database>, cell: string, q: { month?: string; months: number }): Promise<CellBreakdown> {
  if (!isValidCell(cell)) throw invalid('invalid_request', `cell: ${cell} is not an H3 cell index.`)
  const resolution = getResolution(cell)
  if (resolution < minResolution || resolution > maxResolution) {
    throw invalid('invalid_request', `cell: resolution ${resolution} is outside ${minResolution} to ${maxResolution}.`)
  }
  const last = q.month ?? (await latestCrimeMonth(db)) ?? new Date().toISOString().slice(0, 7)
  const first = addMonths(last, -(q.months - 1))
  const children = resolution === storedResolution ? [cell] : cellToChildren(cell, storedResolution)
  const rows = await db.selectFrom('crimes')
    .select(['month', 'category', (eb) => eb.fn.countAll<number | string>().as('n')])
    .where('cell', 'in', children).where('month', '>=', first).where('month', '<=', last)
    .groupBy(['month', 'category'])
    .execute()
  const months = Array.from({ length: q.months }, (_, i) => ({ month: addMonths(first, i), total: 0, byCategory: {} as Partial<Record<CrimeCategorySlug, number>> }))
  const categories = new Map<CrimeCategorySlug, number>()
  for (const r of rows) {
    const entry = months.find((m) => m.month === r.month)
    if (!entry) continue
    const category = r.category as CrimeCategorySlug
    const n = Number(r.n)
    entry.total += n
    entry.byCategory[category] = (entry.byCategory[category] ?? 0) + n
    categories.set(category, (categories.get(category) ?? 0) + n)
  }
  const [lat, lng] = cellToLatLng(cell)
  return {
    cell,
    resolution,
    lat: Math.round(lat * 1e6) / 1e6,
    lng: Math.round(lng * 1e6) / 1e6,
    months,
    categories: [...categories].map(([category, count]) => ({ category, count })).sort((a, b) => b.count - a.count || a.category.localeCompare(b.category)),
    total: months.reduce((sum, m) => sum + m.total, 0),
  }
}

/** Months with stored crime, with how many rows lack a location and how many have a day date. */
export async function crimeMonths(db: Kysely<Database>): Promise<CrimeMonthsResponse> {
  const rows = await db.selectFrom('crimes')
    .select([
      'month',
      (eb) => eb.fn.countAll<number | string>().as('crimes'),
      (eb) => eb.fn.sum<number | string>(sql<number>`case when ${eb.ref('cell')} is null then 1 else 0 end`).as('withoutLocation'),
      (eb) => eb.fn.sum<number | string>(sql<number>`case when ${eb.ref('date')} is not null then 1 else 0 end`).as('dayPrecision'),
    ])
    .groupBy('month').orderBy('month')
    .execute()
  const months = rows.map((r) => ({ month: r.month, crimes: Number(r.crimes), withoutLocation: Number(r.withoutLocation), dayPrecision: Number(r.dayPrecision) }))
  return { months, latest: months.at(-1)?.month ?? null }
}
