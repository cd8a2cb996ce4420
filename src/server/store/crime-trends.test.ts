/**
 * Trend detection on generated data, on SQLite and PostgreSQL: over a district of streets with
 * Poisson background crime (5 a month a cell), an emerging hotspot (the background rate, then 20)
 * is rising, a busy but stable hotspot (20 a month throughout) is not, and the background flags
 * almost nothing. Also coarser resolutions, day-precision trends, the package's area cells, and the
 * refusals when the data cannot answer.
 */
import { cellToLatLng, cellToParent, gridDisk, latLngToCell } from 'h3-js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { storeCrimes, type CrimeRecord } from './crimes.ts'
import { addMonths, crimeTrends, CrimeQueryError, packageTrends, type TrendRequest } from './crime-trends.ts'
import { createTestStore, forEachStore, type TestStore } from '../testing/stores.ts'

/** mulberry32: a small seeded generator, so the data (and the verdicts) are the same every run. */
function seeded(seed: number) {
  let a = seed
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
function poisson(random: () => number, mean: number): number {
  const limit = Math.exp(-mean)
  let k = 0
  for (let p = random(); p > limit; p *= random()) k += 1
  return k
}

const centre = latLngToCell(52.4797, -1.9026, 9)
const district = gridDisk(centre, 12) // 469 street-scale cells
const emerging = gridDisk(centre, 6).find((c) => c !== centre && !gridDisk(centre, 5).includes(c))!
const stable = gridDisk(centre, 9).find((c) => !gridDisk(centre, 8).includes(c) && !gridDisk(emerging, 3).includes(c))!
const months = ['2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10']
const latest = months.at(-1)!
const backgroundMean = 5
const base: TrendRequest = { baselineMonths: 3, resolution: 9, recentDays: 28, baselineDays: 84 }

function crimesIn(cell: string, month: string, n: number, extra: Partial<CrimeRecord> = {}): CrimeRecord[] {
  const [lat, lng] = cellToLatLng(cell)
  return Array.from({ length: n }, () => ({
    source: 'test', crimeId: null, month, date: null, category: 'burglary', lat, lng, location: 'On or near Test Street',
    lsoaCode: null, lsoaName: null, outcome: null, force: 'Test Force', ...extra,
  }))
}

function generate(): CrimeRecord[] {
  const random = seeded(20261125)
  const rows: CrimeRecord[] = []
  for (const month of months) {
    for (const cell of district) {
      if (cell === emerging || cell === stable) continue
      rows.push(...crimesIn(cell, month, poisson(random, backgroundMean)))
    }
    rows.push(...crimesIn(emerging, month, month === latest ? 20 : poisson(random, backgroundMean)))
    rows.push(...crimesIn(stable, month, poisson(random, 20)))
  }
  // A few crimes of another category and without a location, which a category filter or the map leave out.
  rows.push(...crimesIn(stable, latest, 4, { category: 'drugs' }), ...crimesIn(centre, latest, 3, { lat: null, lng: null, location: 'No Location' }))
  return rows
}

forEachStore('crime trends', (kind) => {
  let t: TestStore
  beforeAll(async () => {
    t = await createTestStore(kind)
    await storeCrimes(t.store.db, t.store.dialect, generate())
  })
  afterAll(() => t.cleanup())

  it('flags the emerging hotspot rising, not the stable one, and almost nothing in the background', async () => {
    const cells = await crimeTrends(t.store.db, { ...base, month: latest, category: 'burglary' })
    const byCell = new Map(cells.map((c) => [c.cell, c]))
    expect(byCell.get(emerging)).toMatchObject({ count: 20, trend: 'rising' })
    expect(byCell.get(emerging)!.z).toBeGreaterThanOrEqual(3)
    expect(byCell.get(stable)!.trend).not.toBe('rising')
    expect(byCell.get(stable)!.count).toBeGreaterThan(10)
    // Both hotspots stand out from their neighbourhoods by Gi*; the background's median does not.
    expect(byCell.get(stable)!.giZ).toBeGreaterThan(1.96)
    const background = cells.filter((c) => c.cell !== emerging && c.cell !== stable)
    expect(background.length).toBeGreaterThan(district.length * 0.9)
    const rate = (trend: string) => background.filter((c) => c.trend === trend).length / background.length
    // Rising (what geofences use) is rare by chance. Falling is less so at these counts: a month with
    // no crime against a baseline of 2.25 or more is z <= -3 (Wheeler's square root has a heavy lower
    // tail at small counts); with this seed 0.6 % rise and 2.1 % fall (5 % fall at a mean of 2).
    expect(rate('rising')).toBeLessThan(0.01)
    expect(rate('falling')).toBeLessThan(0.03)
    const giz = background.map((c) => c.giZ).sort((a, b) => a - b)
    expect(Math.abs(giz[Math.floor(giz.length / 2)]!)).toBeLessThan(1)
  })

  it('answers the same counts as the stored rows: month against the mean of the months before', async () => {
    const cells = await crimeTrends(t.store.db, { ...base, month: latest })
    const stableCell = cells.find((c) => c.cell === stable)!
    const stored = await t.store.db.selectFrom('crimes').select(['month', (eb) => eb.fn.countAll<number | string>().as('n')])
      .where('cell', '=', stable).groupBy('month').execute()
    const n = (m: string) => Number(stored.find((s) => s.month === m)?.n ?? 0)
    expect(stableCell.count).toBe(n(latest))
    expect(stableCell.baseline).toBeCloseTo((n('2026-07') + n('2026-08') + n('2026-09')) / 3, 3)
    expect(stableCell.z).toBeCloseTo(2 * (Math.sqrt(stableCell.count) - Math.sqrt(stableCell.baseline)), 2)
    // Rows without a location are never in a cell.
    const total = cells.reduce((sum, c) => sum + c.count, 0)
    const located = await t.store.db.selectFrom('crimes').select((eb) => eb.fn.countAll<number | string>().as('n')).where('month', '=', latest).where('cell', 'is not', null).executeTakeFirstOrThrow()
    expect(total).toBe(Number(located.n))
  })

  it('adds cells up into their parents at coarser resolutions', async () => {
    const fine = await crimeTrends(t.store.db, { ...base, month: latest })
    const coarse = await crimeTrends(t.store.db, { ...base, month: latest, resolution: 7 })
    const expected = new Map<string, number>()
    for (const c of fine) expected.set(cellToParent(c.cell, 7), (expected.get(cellToParent(c.cell, 7)) ?? 0) + c.count)
    expect(new Map(coarse.filter((c) => c.count > 0).map((c) => [c.cell, c.count]))).toEqual(new Map([...expected].filter(([, n]) => n > 0)))
  })

  it('refuses a month without data and a baseline reaching before the data, naming the field', async () => {
    const refusal = (q: TrendRequest) => crimeTrends(t.store.db, { ...base, ...q }).then(() => null, (e: unknown) => e)
    expect(await refusal({ ...base, month: '2027-01' })).toMatchObject({ code: 'no_crime_data', message: expect.stringMatching(/^month:/) })
    const early = await refusal({ ...base, month: '2026-06' })
    expect(early).toBeInstanceOf(CrimeQueryError)
    expect(early).toMatchObject({ code: 'baseline_unavailable', message: expect.stringMatching(/^baselineMonths: .*2026-03, 2026-04/) })
    expect(await crimeTrends(t.store.db, { ...base, month: '2026-06', baselineMonths: 1 })).not.toHaveLength(0)
    expect(await refusal({ ...base, to: '2026-10-31' })).toMatchObject({ code: 'no_crime_data', message: expect.stringMatching(/^to:/) })
  })

  it('gives the briefing package the latest month, for the whole force without an area', async () => {
    const trends = await packageTrends(t.store.db, null)
    expect(trends!.period).toEqual({ month: latest, baselineMonths: 3, resolution: 9, areaId: null })
    expect(trends!.cells.find((c) => c.cell === emerging)!.trend).toBe('rising')
    // An area keeps the cells whose centre lies inside it.
    const [lat, lng] = cellToLatLng(emerging)
    const d = 0.004
    await t.store.db.insertInto('areas').values({ id: 'small', name: 'Small', boundary: JSON.stringify([[lng - d, lat - d], [lng + d, lat - d], [lng + d, lat + d], [lng - d, lat + d], [lng - d, lat - d]]) }).execute()
    const area = await packageTrends(t.store.db, 'small')
    expect(area!.period.areaId).toBe('small')
    expect(area!.cells.map((c) => c.cell)).toContain(emerging)
    expect(area!.cells.length).toBeLessThan(12)
  })
})

forEachStore('day-precision crime trends', (kind) => {
  let t: TestStore
  const to = '2026-10-31'
  const day = (offset: number) => new Date(Date.parse(`${to}T00:00:00Z`) - offset * 86_400_000).toISOString().slice(0, 10)
  beforeAll(async () => {
    t = await createTestStore(kind)
    const rows: CrimeRecord[] = []
    // 112 days: a cell with one crime every 4 days, then every day in the last 28.
    for (let offset = 0; offset < 112; offset++) {
      const date = day(offset)
      if (offset < 28 || offset % 4 === 0) rows.push(...crimesIn(emerging, date.slice(0, 7), 1, { date }))
      if (offset % 4 === 0) rows.push(...crimesIn(stable, date.slice(0, 7), 1, { date }))
    }
    // Month-precision data for the same months takes no part in day trends.
    rows.push(...crimesIn(stable, '2026-10', 50))
    await storeCrimes(t.store.db, t.store.dialect, rows)
  })
  afterAll(() => t.cleanup())

  it('compares the recent days with the baseline days scaled to the same length', async () => {
    const cells = await crimeTrends(t.store.db, { ...base, to })
    const hot = cells.find((c) => c.cell === emerging)!
    expect(hot).toMatchObject({ count: 28, baseline: 7, trend: 'rising' })
    expect(cells.find((c) => c.cell === stable)).toMatchObject({ count: 7, baseline: 7, z: 0, trend: 'steady' })
    const stored = await t.store.db.selectFrom('crimes').select('precision').distinct().orderBy('precision').execute()
    expect(stored.map((s) => s.precision)).toEqual(['day', 'month'])
  })

  it('refuses a baseline reaching before the dated data', async () => {
    await expect(crimeTrends(t.store.db, { ...base, to, baselineDays: 200 })).rejects.toMatchObject({ code: 'baseline_unavailable' })
    await expect(crimeTrends(t.store.db, { ...base, to, month: '2026-10' })).rejects.toMatchObject({ message: expect.stringMatching(/month and to/) })
  })
})

describe('month arithmetic', () => {
  it('crosses years both ways', () => {
    expect(addMonths('2026-01', -1)).toBe('2025-12')
    expect(addMonths('2025-11', 3)).toBe('2026-02')
    expect(addMonths('2026-10', -12)).toBe('2025-10')
  })
})
