/**
 * The crime-trend map (issue 6): the trend cells of the officer's area come with the briefing
 * package, so the map draws them hard offline (the service worker's own requests cut too) with no
 * basemap at all: the tile host is aborted throughout, so the page must say the basemap is offline
 * and still paint its cells on the canvas tiles. Back online, the cells follow the server and a cell
 * chosen in the cells list (the accessible way to the canvas's hexagons) shows its breakdown by
 * category and month, equal to the server's. When tiles can be had again, the notice goes and the
 * service worker keeps the tiles viewed (and only those) in its tile cache.
 *
 * A force's own PMTiles basemap (MAP_PMTILES_PATH) needs a server configured for it: a second
 * server, started here on its own port with a small archive written for the test (never a real
 * map), serves it. The map reads its tiles from the archive with range requests; with no network
 * and nothing downloaded it says the basemap is offline over its overlays; once the officer has
 * downloaded the archive, the basemap is drawn hard offline, at every zoom. When the force replaces
 * the archive (here with vector tiles), the device says its copy is out of date and keeps drawing
 * it until the officer downloads the new one, which protomaps-leaflet then draws.
 *
 * A map that cannot be drawn (a damaged cell record on the device, which H3 refuses) says so in its
 * place with a way to try again, the rest of the page, the cells list among it, keeps working, and
 * the map is drawn once the server's cells replace the device's.
 *
 * Accounts: officers 1173-1175 (one per project) are used by no other spec.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { BrowserContext, Page, TestInfo } from '@playwright/test'
import { cellBreakdownSchema, trendsResponseSchema } from '../src/shared/api/crime.ts'
import { defaultBasemap } from '../src/shared/map-tiles.ts'
import { cellsInListOrder, cellSummary, pointColours } from '../src/client/features/crime-map/cell-style.ts'
import { writeRasterArchive, writeVectorArchive } from '../src/server/testing/pmtiles-archive.ts'
import { readDeviceData } from './device-data.ts'
import { extraServerPort, startExtraServer } from './extra-server.ts'
import { expect, projects, signInOnDevice, test } from './fixtures.ts'
import { AppShell } from './pages/app-shell.ts'
import { CrimeMapPage } from './pages/crime-map-page.ts'
import { HomePage } from './pages/home-page.ts'

/** The default basemap's tile server: OpenStreetMap's, as the suite's server is not configured otherwise. */
const tileOrigin = new URL(defaultBasemap.url).origin

function mapOfficer(testInfo: TestInfo): string {
  const project = projects.findIndex((name) => name === testInfo.project.name)
  if (project < 0) throw new Error(`no collar numbers set aside for project "${testInfo.project.name}"`)
  return String(1173 + project)
}

/** No basemap: every tile request fails, the page's and the service worker's alike. */
async function blockTiles(page: Page): Promise<void> {
  await page.context().route(`${tileOrigin}/**`, (route) => route.abort('internetdisconnected'))
}

/** A stand-in tile server (never the real one from a test): a 1-pixel PNG, with CORS as OpenStreetMap sends it. */
async function serveTiles(page: Page): Promise<string[]> {
  const asked: string[] = []
  const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64')
  await page.context().unroute(`${tileOrigin}/**`)
  await page.context().route(`${tileOrigin}/**`, (route) => {
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
  await expect(map.cellTiles.first()).toBeAttached()
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
  expect(cached.every((url) => url.startsWith(`${tileOrigin}/`) && asked.includes(url)), 'only tiles the map asked for').toBe(true)

  // A tap on a wanted person's point names them: the points have a canvas of their own, above the
  // cells'. Curfew rings are hidden first, so the dot tapped is the topmost point there.
  await map.pointLayers[1]!.setChecked(false)
  let point: { x: number; y: number } | null = null
  await expect.poll(async () => (point = await map.pointOnScreen(pointColours.wanted)), { timeout: 20_000 }).not.toBeNull()
  await page.mouse.click(point!.x, point!.y)
  await expect(map.popup).toHaveText(/^Wanted: .+, last known/)
  await map.closePopup.click()
  await expect(map.popup).toBeHidden()

  // A tap on the map selects the cell under it. The points are hidden, so the tap meets a cell.
  for (const layer of map.pointLayers) await layer.setChecked(false)
  await map.closeDetails.click()
  await expect(map.details).toBeHidden()
  // At the closest zoom a cell is larger than the view, so choosing one in the list centres the map on it.
  await map.zoomInFully()
  await map.cells.first().click()
  await expect(map.details).toBeVisible()
  await map.closeDetails.click()
  await expect(map.details).toBeHidden()
  await expect(map.cells.first()).toHaveAttribute('aria-pressed', 'false')
  // Tapped until the map has settled on the cell (a tap during the move may meet its neighbour).
  await expect(async () => {
    await map.map.click()
    await expect(map.cells.first()).toHaveAttribute('aria-pressed', 'true', { timeout: 1_000 })
  }).toPass({ timeout: 20_000 })
  await expect(map.details).toBeVisible()
})

/** Adds a damaged trend cell to the device's package: a copy of the first, with an index H3 refuses. */
async function damageStoredCell(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('kestrel')
      request.onsuccess = () => resolve(request.result)
      request.onerror = () => reject(request.error)
    })
    try {
      await new Promise<void>((resolve, reject) => {
        const tx = db.transaction('trendCells', 'readwrite')
        const cursor = tx.objectStore('trendCells').openCursor()
        cursor.onsuccess = () => {
          const record = cursor.result?.value as Record<string, unknown> | undefined
          if (record) tx.objectStore('trendCells').put({ ...record, cell: 'ffffffffffffffff' })
        }
        tx.oncomplete = () => resolve()
        tx.onerror = () => reject(tx.error)
      })
    } finally {
      db.close()
    }
  })
}

test('a map that cannot be drawn says so in its place, the cells list still works, and the server’s cells are drawn once online', async ({ page, context }, testInfo) => {
  test.setTimeout(180_000)
  await blockTiles(page)
  await signInOnDevice(page, mapOfficer(testInfo))
  await new AppShell(page).waitForOfflineReady()
  await expect.poll(async () => (await readDeviceData(page)).rows.trendCells ?? 0, { timeout: 60_000 }).toBeGreaterThan(0)

  // Hard offline, so the map draws the device's cells, one of which is damaged.
  await cutNetwork(context)
  await damageStoredCell(page)
  await page.reload()
  await expect(new HomePage(page).heading).toBeVisible()
  const map = new CrimeMapPage(page)
  await map.open()
  await expect(map.mapFailed).toBeVisible()
  await expect(map.cellTiles).toHaveCount(0)
  // The rest of the page works: the cells list reaches the same cells, and a cell's details open.
  await expect(map.offlineSource).toBeVisible()
  await map.cells.first().click()
  await expect(map.details).toBeVisible()
  await map.closeDetails.click()
  // Trying again with the cell still damaged fails the same way: the notice, not a broken page.
  await map.tryMapAgain.click()
  await expect(map.mapFailed).toBeVisible()
  await expect(map.cells.first()).toBeVisible()

  // Online, the map follows the server's cells, and draws them.
  await restoreNetwork(context)
  await expect(page.getByRole('status').filter({ hasText: /^All crime, .+, against the 3 months before\.$/ })).toBeVisible({ timeout: 30_000 })
  await expect(map.mapFailed).toBeHidden()
  await expect(map.cellTiles.first()).toBeAttached()
  await expect.poll(() => map.paintedPixels()).toBeGreaterThan(1_000)
})

/** Nothing leaves the device: setOffline does not cut the service worker's own requests, so abort those too. */
async function cutNetwork(context: BrowserContext): Promise<void> {
  await context.setOffline(true)
  await context.route('**/*', (route) => route.abort('internetdisconnected'))
}

async function restoreNetwork(context: BrowserContext): Promise<void> {
  await context.unroute('**/*')
  await context.setOffline(false)
}

/** The archives the device holds for offline use (the basemap cache's entries other than its config). */
async function savedArchives(page: Page): Promise<string[]> {
  return page.evaluate(async () => (await (await caches.open('kestrel-basemap')).keys()).map((request) => request.url).filter((url) => url.endsWith('.pmtiles')))
}

const archiveTest = test.extend<object, { archiveServer: { url: string; archive: string } }>({
  // Playwright reads a fixture's dependencies from its first parameter's pattern: this one has none.
  // eslint-disable-next-line no-empty-pattern
  archiveServer: [async ({}, use, workerInfo) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kestrel-e2e-basemap-'))
    const archive = path.join(dir, 'test-force.pmtiles')
    fs.writeFileSync(archive, writeRasterArchive({ maxZoom: 12 }))
    // A small force (accounts are never scaled): quick to seed, its trend cells still there.
    const server = await startExtraServer(extraServerPort(100 + workerInfo.parallelIndex), { MAP_PMTILES_PATH: archive, E2E_SEED_SCALE: '0.05' })
    await use({ url: server.url, archive })
    await server.stop()
    fs.rmSync(dir, { recursive: true, force: true })
  }, { scope: 'worker', timeout: 300_000 }],
  baseURL: async ({ archiveServer }, use) => use(archiveServer.url),
})

archiveTest.describe('a force’s PMTiles basemap', () => {
  // The basemap does not depend on the screen: one extra server, on the phone only.
  archiveTest.skip(({ isMobile }) => !isMobile, 'runs on the phone project only')

  archiveTest('is read from the archive Kestrel serves, says it is offline without it, and is drawn hard offline once downloaded', async ({ page, context, archiveServer }) => {
    archiveTest.setTimeout(300_000)
    const ranges: string[] = []
    context.on('request', (request) => {
      if (new URL(request.url()).pathname === '/basemap/test-force.pmtiles') ranges.push(request.headers()['range'] ?? 'whole file')
    })
    // The default tile server is never asked for anything.
    const tileServerAsked: string[] = []
    await context.route(`${tileOrigin}/**`, (route) => {
      tileServerAsked.push(route.request().url())
      return route.abort()
    })

    await signInOnDevice(page, '1173')
    await new AppShell(page).waitForOfflineReady()
    await expect.poll(async () => (await readDeviceData(page)).rows.trendCells ?? 0, { timeout: 60_000 }).toBeGreaterThan(0)
    const map = new CrimeMapPage(page)
    await map.open()
    await expect.poll(() => map.archiveTilesShown(), { timeout: 30_000 }).toBeGreaterThan(0)
    await expect(map.basemapOffline).toBeHidden()
    expect(ranges.some((range) => /^bytes=\d+-\d+$/.test(range)), 'tiles are read with range requests').toBe(true)
    await expect(map.basemapDownloadState).toContainText('The basemap is not saved on this device')

    // Hard offline with nothing downloaded: the overlays on a plain background, and the map says so.
    await cutNetwork(context)
    await page.reload()
    await map.open()
    await expect(map.basemapOffline).toBeVisible({ timeout: 30_000 })
    await expect.poll(() => map.paintedPixels()).toBeGreaterThan(1_000)
    expect(await map.archiveTilesShown()).toBe(0)
    await expect(map.downloadBasemap).toBeDisabled()

    // Online: the officer downloads the whole archive.
    await restoreNetwork(context)
    await map.downloadBasemap.click()
    await expect(map.basemapDownloadState).toContainText(/^The basemap is saved on this device \([\d.]+ (?:bytes|kB), .+\): the map works with no connection\.$/, { timeout: 30_000 })
    expect(await savedArchives(page)).toEqual([`${archiveServer.url}/basemap/test-force.pmtiles`])

    // Hard offline again: the basemap comes from the device, at this zoom and the next.
    await cutNetwork(context)
    await page.reload()
    await map.open()
    await expect.poll(() => map.archiveTilesShown(), { timeout: 30_000 }).toBeGreaterThan(0)
    await expect(map.basemapOffline).toBeHidden()
    await expect.poll(() => map.paintedPixels()).toBeGreaterThan(1_000)
    // The next zoom level's tiles come from the device too (none of them was on show before).
    await map.markTilesShown()
    await map.zoomIn.click()
    await expect.poll(() => map.archiveTilesShown({ sinceMark: true }), { timeout: 30_000 }).toBeGreaterThan(0)
    await expect(map.basemapOffline).toBeHidden()

    // Removing the download takes the basemap off the device: offline, the map says so again.
    await map.removeBasemap.click()
    await expect(map.basemapDownloadState).toContainText('The basemap is not saved on this device')
    expect(await savedArchives(page)).toEqual([])
    await page.reload()
    await map.open()
    await expect(map.basemapOffline).toBeVisible({ timeout: 30_000 })

    // Saved again; then the force replaces its archive with vector tiles. The device says its copy
    // is out of date and draws it until the officer downloads the new one.
    await restoreNetwork(context)
    await map.downloadBasemap.click()
    await expect(map.basemapDownloadState).toContainText(/^The basemap is saved on this device/, { timeout: 30_000 })
    fs.writeFileSync(archiveServer.archive, writeVectorArchive({ maxZoom: 12 }))
    await page.reload()
    await map.open()
    await expect(map.basemapDownloadState).toContainText('A newer basemap is available', { timeout: 30_000 })
    await expect.poll(() => map.archiveTilesShown(), { timeout: 30_000 }).toBeGreaterThan(0)
    await map.downloadBasemap.click()
    await expect(map.basemapDownloadState).toContainText(/^The basemap is saved on this device/, { timeout: 30_000 })
    await page.reload()
    await map.open()
    await expect.poll(() => map.vectorBasemapColours(), { timeout: 30_000 }).toBeGreaterThanOrEqual(2)
    expect(await map.archiveTilesShown()).toBe(0)
    await expect(map.basemapOffline).toBeHidden()
    expect(tileServerAsked).toEqual([])
  })
})
