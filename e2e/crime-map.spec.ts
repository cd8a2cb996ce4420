/**
 * The crime-trend map (issue 6): the trend cells of the officer's area come with the briefing
 * package, so the map draws them hard offline (the service worker's own requests cut too) with no
 * basemap at all: the tile host is aborted throughout, so the page must say the basemap is offline
 * and still paint its overlays on the canvas. Back online, the cells follow the server and a cell
 * chosen in the cells list (the accessible way to the canvas's hexagons) shows its breakdown by
 * category and month, equal to the server's. When tiles can be had again, the notice goes and the
 * service worker keeps the tiles viewed (and only those) in its tile cache.
 *
 * Accounts: officers 1175-1177 (one per project) are used by no other spec.
 */
import type { Page, TestInfo } from '@playwright/test'
import { cellBreakdownSchema, trendsResponseSchema } from '../src/shared/api/crime.ts'
import { mapTiles } from '../src/shared/map-tiles.ts'
import { cellsInListOrder, cellSummary } from '../src/client/features/crime-map/cell-style.ts'
import { readDeviceData } from './device-data.ts'
import { expect, signInOnDevice, test } from './fixtures.ts'
import { AppShell } from './pages/app-shell.ts'
import { CrimeMapPage } from './pages/crime-map-page.ts'
import { HomePage } from './pages/home-page.ts'

const projects = ['phone', 'tablet', 'terminal'] as const

function mapOfficer(testInfo: TestInfo): string {
  const project = projects.findIndex((name) => name === testInfo.project.name)
  if (project < 0) throw new Error(`no collar numbers set aside for project "${testInfo.project.name}"`)
  return String(1175 + project)
}

/** No basemap: every tile request fails, the page's and the service worker's alike. */
async function blockTiles(page: Page): Promise<void> {
  await page.context().route(`${mapTiles.origin}/**`, (route) => route.abort('internetdisconnected'))
}

/** A stand-in tile server (never the real one from a test): a 1-pixel PNG, with CORS as OpenStreetMap sends it. */
async function serveTiles(page: Page): Promise<string[]> {
  const asked: string[] = []
  const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64')
  await page.context().unroute(`${mapTiles.origin}/**`)
  await page.context().route(`${mapTiles.origin}/**`, (route) => {
    asked.push(route.request().url())
    return route.fulfill({ status: 200, contentType: 'image/png', headers: { 'Access-Control-Allow-Origin': '*' }, body: png })
  })
  return asked
}

async function cachedTiles(page: Page): Promise<string[]> {
  return page.evaluate(async () => (await (await caches.open('kestrel-map-tiles')).keys()).map((request) => request.url))
}

test('the map draws the package’s trend cells hard offline with no basemap, and a cell’s breakdown online', async ({ page, context }, testInfo) => {
  test.setTimeout(180_000)
  const collar = mapOfficer(testInfo)
  await blockTiles(page)
  await signInOnDevice(page, collar)
  await new AppShell(page).waitForOfflineReady()
  // The package, with its trend cells, is on the device.
  await expect.poll(async () => (await readDeviceData(page)).rows.trendCells ?? 0, { timeout: 60_000 }).toBeGreaterThan(0)
  const stored = (await readDeviceData(page)).rows.trendCells!

  // Hard offline: setOffline does not cut the service worker's own requests, so abort those too.
  await context.setOffline(true)
  await context.route('**/*', (route) => route.abort('internetdisconnected'))
  await page.reload()
  await expect(new HomePage(page).heading).toBeVisible()
  const map = new CrimeMapPage(page)
  // A tablet's or terminal's side rail lists the map; a phone's full bottom bar leaves it to Today.
  if (testInfo.project.name === 'phone') await expect(map.navLink).toBeHidden()
  else await expect(map.navLink).toBeVisible()
  await map.open()
  await expect(map.offlineSource).toContainText(`showing the ${stored} cells saved on this device`)
  await expect(map.basemapOffline).toBeVisible()
  await expect(map.canvas).toHaveCount(1)
  await expect.poll(() => map.paintedPixels()).toBeGreaterThan(1_000)
  await expect(map.legend).toContainText('Rising')
  await expect(map.cells.first()).toBeVisible()
  await expect(map.cells).toHaveCount(Math.min(stored, 50))
  // Offline, a cell's details say what needs a connection.
  await map.cells.first().click()
  await expect(map.details).toBeVisible()
  await expect(map.cells.first()).toHaveAttribute('aria-pressed', 'true')
  await expect(map.breakdownNeedsConnection).toBeVisible()

  // Back online (the basemap still unreachable): the server's cells, and a cell's breakdown.
  await context.unrouteAll({ behavior: 'ignoreErrors' })
  await blockTiles(page)
  await context.setOffline(false)
  const trends = trendsResponseSchema.parse(await (await page.request.get('/api/crime/trends?baselineMonths=3&resolution=9')).json()).cells
  await expect(page.getByRole('status').filter({ hasText: /^All crime, .+, against the 3 months before\.$/ })).toBeVisible({ timeout: 30_000 })
  const first = cellsInListOrder(trends)[0]!
  await expect(map.cells.first()).toContainText(cellSummary(first))
  await map.cells.first().click()
  const breakdown = cellBreakdownSchema.parse(await (await page.request.get(`/api/crime/cells/${first.cell}?months=12`)).json())
  await expect(map.categoryTable).toBeVisible()
  await expect(map.details).toContainText(`${breakdown.total} ${breakdown.total === 1 ? 'crime' : 'crimes'} from `)
  await expect(map.categoryTable.getByRole('row')).toHaveCount(breakdown.categories.length + 1)
  await expect(map.monthTable.getByRole('row')).toHaveCount(breakdown.months.length + 1)
  await expect(map.basemapOffline).toBeVisible()
  await expect.poll(() => map.paintedPixels()).toBeGreaterThan(1_000)

  // Tiles reachable again: the next view loads, the notice goes, and the viewed tiles are cached.
  const asked = await serveTiles(page)
  await map.zoomIn.click()
  await expect(map.basemapOffline).toBeHidden()
  await expect.poll(() => cachedTiles(page)).not.toHaveLength(0)
  const cached = await cachedTiles(page)
  expect(cached.every((url) => url.startsWith(`${mapTiles.origin}/`) && asked.includes(url)), 'only tiles the map asked for').toBe(true)
})
