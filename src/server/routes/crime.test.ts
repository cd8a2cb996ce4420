/**
 * The crime-trend API over HTTP on SQLite and PostgreSQL, with the real police.uk sample imported:
 * the answers' shapes, 400s that name the field (never a 5xx), who may read, and the trend cells in
 * the briefing package (full, then again only after crime was imported).
 */
import path from 'node:path'
import fs from 'node:fs'
import { afterAll, beforeAll, expect, it } from 'vitest'
import type { CellBreakdown, CrimeMonthsResponse, TrendsResponse } from '../../shared/api/crime.ts'
import type { SyncResponse } from '../../shared/api/sync.ts'
import { importCrimeFile } from '../importers/crimes.ts'
import { createTestApp, type TestApp } from '../testing/app.ts'
import { forEachStore } from '../testing/stores.ts'
import { policeUkSampleDir } from '../testing/samples.ts'

const sampleDir = policeUkSampleDir()
const sampleFiles = fs.readdirSync(sampleDir).filter((f) => f.endsWith('.csv')).sort().map((f) => path.join(sampleDir, f))

forEachStore('crime trend API', (kind) => {
  let t: TestApp
  const cookies: Record<string, Record<string, string>> = {}

  beforeAll(async () => {
    t = await createTestApp(kind)
    // Five months first: the sixth arrives later, to show the package's trend cells following it.
    for (const file of sampleFiles.slice(0, 5)) await importCrimeFile(t.store.db, t.store.dialect, file)
    for (const collar of ['1001', '2001', '3001', '4001']) cookies[collar] = await t.signIn(collar)
  })
  afterAll(() => t.close())

  const get = (url: string, collar = '1001') => t.app.inject({ method: 'GET', url, cookies: cookies[collar] })

  it('answers trend cells for a month against the months before it', async () => {
    const response = await get('/api/crime/trends?month=2023-05&baselineMonths=3')
    expect(response.statusCode).toBe(200)
    const { cells } = response.json<TrendsResponse>()
    expect(cells.length).toBeGreaterThan(20)
    for (const c of cells) {
      expect(Object.keys(c).sort()).toEqual(['baseline', 'cell', 'count', 'giZ', 'lat', 'lng', 'trend', 'z'])
      expect(c.cell).toMatch(/^89[0-9a-f]{13}$/)
      // City of London Police's crime, give or take a few rows reported further afield.
      expect(c.lat).toBeGreaterThan(51)
      expect(c.lat).toBeLessThan(52)
      expect(Math.abs(c.lng)).toBeLessThan(1)
      expect(['rising', 'falling', 'steady']).toContain(c.trend)
      expect(c.count + c.baseline).toBeGreaterThan(0)
    }
    const located = await t.store.db.selectFrom('crimes').select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where('month', '=', '2023-05').where('cell', 'is not', null).executeTakeFirstOrThrow()
    expect(cells.reduce((sum, c) => sum + c.count, 0)).toBe(Number(located.n))
    // Defaults: the latest month, a 3-month baseline, resolution 9.
    expect((await get('/api/crime/trends')).json()).toEqual(response.json())
  })

  it('filters by category and coarsens the cells on request', async () => {
    const { cells } = (await get('/api/crime/trends?month=2023-05&category=shoplifting&resolution=7')).json<TrendsResponse>()
    const shoplifting = await t.store.db.selectFrom('crimes').select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where('month', '=', '2023-05').where('category', '=', 'shoplifting').where('cell', 'is not', null).executeTakeFirstOrThrow()
    expect(cells.reduce((sum, c) => sum + c.count, 0)).toBe(Number(shoplifting.n))
    for (const c of cells) expect(c.cell).toMatch(/^87[0-9a-f]{13}$/)
  })

  it('refuses bad input with 400 naming the field, never a 5xx', async () => {
    const cases: [string, RegExp][] = [
      ['month=2023-13', /month/],
      ['month=May', /month/],
      ['resolution=5', /resolution/],
      ['resolution=10', /resolution/],
      ['resolution=nine', /resolution/],
      ['baselineMonths=0', /baselineMonths/],
      ['baselineMonths=25', /baselineMonths/],
      ['category=jaywalking', /category/],
      ['colour=red', /colour/],
      ['to=2023-02-30', /to/],
      ['recentDays=0&to=2023-05-31', /recentDays/],
      ['month=2023-05&to=2023-05-31', /month and to/],
      ['month=2023-02&baselineMonths=3', /^baselineMonths: .*2022-11/],
      ['month=2024-01', /^month: no crime/],
      ['to=2023-05-31', /^to: no day-precision/],
    ]
    for (const [query, field] of cases) {
      const response = await get(`/api/crime/trends?${query}`)
      expect(response.statusCode, query).toBe(400)
      const { error } = response.json<{ error: { code: string; message: string } }>()
      expect(error.message, query).toMatch(field)
      expect(error.code, query).toMatch(/^[a-z_]+$/)
    }
    for (const url of ['/api/crime/cells/not-a-cell', '/api/crime/cells/ffffffffffffff0', '/api/crime/cells/85194ad3fffffff', '/api/crime/cells/89194ad3353ffff?months=0']) {
      const response = await get(url)
      expect(response.statusCode, url).toBe(400)
      expect(response.json<{ error: { message: string } }>().error.message, url).toMatch(/cell|months/)
    }
  })

  it("breaks a cell's crime down by month and category", async () => {
    const { cells } = (await get('/api/crime/trends?month=2023-05')).json<TrendsResponse>()
    const busiest = [...cells].sort((a, b) => b.count - a.count)[0]!
    const response = await get(`/api/crime/cells/${busiest.cell}?months=5`)
    expect(response.statusCode).toBe(200)
    const body = response.json<CellBreakdown>()
    expect(body.months.map((m) => m.month)).toEqual(['2023-01', '2023-02', '2023-03', '2023-04', '2023-05'])
    expect(body.months.at(-1)!.total).toBe(busiest.count)
    expect(body.total).toBe(body.months.reduce((sum, m) => sum + m.total, 0))
    expect(body.categories.reduce((sum, c) => sum + c.count, 0)).toBe(body.total)
    for (const m of body.months) expect(Object.values(m.byCategory).reduce((sum, n) => sum + n, 0)).toBe(m.total)
    // A coarser cell holds its finer cells.
    const parent = (await get('/api/crime/trends?month=2023-05&resolution=8')).json<TrendsResponse>().cells
    const holder = parent.find((p) => p.count >= busiest.count)!
    const coarse = (await get(`/api/crime/cells/${holder.cell}?month=2023-05&months=1`)).json<CellBreakdown>()
    expect(coarse).toMatchObject({ resolution: 8, total: holder.count })
  })

  it('lists the categories and the months stored', async () => {
    const categories = (await get('/api/crime/categories')).json<{ categories: { slug: string; name: string }[] }>().categories
    expect(categories).toHaveLength(14)
    expect(categories).toContainEqual({ slug: 'violent-crime', name: 'Violence and sexual offences' })
    const months = (await get('/api/crime/months')).json<CrimeMonthsResponse>()
    expect(months.latest).toBe('2023-05')
    expect(months.months.map((m) => m.month)).toEqual(['2023-01', '2023-02', '2023-03', '2023-04', '2023-05'])
    expect(months.months[0]).toEqual({ month: '2023-01', crimes: 719, withoutLocation: 45, dayPrecision: 0 })
  })

  it('lets officers, supervisors and analysts read, and nobody else', async () => {
    for (const url of ['/api/crime/trends', '/api/crime/categories', '/api/crime/months', '/api/crime/cells/89194ad3353ffff']) {
      for (const collar of ['1001', '2001', '3001']) expect((await get(url, collar)).statusCode, `${url} ${collar}`).toBe(200)
      expect((await get(url, '4001')).statusCode, url).toBe(403)
      expect((await t.app.inject({ method: 'GET', url })).statusCode, url).toBe(401)
    }
  })

  it("puts the area's trend cells in the package, and sends them again only after crime is imported", async () => {
    const sync = async (cursor?: string) => (await get(`/api/sync${cursor ? `?cursor=${cursor}` : ''}`)).json<SyncResponse>()
    const full = await sync()
    // The test area has no boundary, so the whole force's cells come.
    expect(full.trendPeriod).toEqual({ month: '2023-05', baselineMonths: 3, resolution: 9, areaId: null })
    expect(full.trendCells).toEqual((await get('/api/crime/trends?month=2023-05')).json<TrendsResponse>().cells)
    const quiet = await sync(full.cursor)
    expect(quiet.trendCells).toBeUndefined()
    expect(quiet.trendPeriod).toBeUndefined()

    await importCrimeFile(t.store.db, t.store.dialect, sampleFiles[5]!)
    const after = await sync(quiet.cursor)
    expect(after.trendPeriod?.month).toBe('2023-06')
    expect(after.trendCells!.length).toBeGreaterThan(20)
    expect((await sync(after.cursor)).trendCells).toBeUndefined()
    // Re-importing changes nothing, so devices are not sent the cells again.
    await importCrimeFile(t.store.db, t.store.dialect, sampleFiles[5]!)
    expect((await sync(after.cursor)).trendCells).toBeUndefined()
  })
})
