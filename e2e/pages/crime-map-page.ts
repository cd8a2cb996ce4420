/**
 * The crime map (/map): the map region (Leaflet, the cells on canvas tiles), what the page says about its source and
 * the basemap, the cells list (rising first; each row a button that selects the cell), the
 * selected cell's details, and the basemap download for offline use (a PMTiles basemap only).
 */
import { expect, type Locator, type Page } from '@playwright/test'

export class CrimeMapPage {
  readonly heading: Locator
  /** In the side rail of a tablet or terminal; not in a phone's bottom bar. */
  readonly navLink: Locator
  readonly todayTile: Locator
  readonly map: Locator
  /** The cells' canvas tiles, in a pane of their own (crime-map-view.tsx). */
  readonly cellTiles: Locator
  /** The canvas of the people's points and the officer's position, in a pane above the cells. */
  readonly pointsCanvas: Locator
  /** The words of the point's popup that a tap opened. */
  readonly popup: Locator
  readonly closePopup: Locator
  readonly basemapOffline: Locator
  readonly offlineSource: Locator
  readonly cells: Locator
  readonly details: Locator
  readonly breakdownNeedsConnection: Locator
  readonly categoryTable: Locator
  readonly monthTable: Locator
  readonly legend: Locator
  readonly zoomIn: Locator
  readonly closeDetails: Locator
  /** The people layers and the officer's position: points drawn over the cells. */
  readonly pointLayers: Locator[]
  readonly basemapDownload: Locator
  readonly basemapDownloadState: Locator
  readonly downloadBasemap: Locator
  readonly removeBasemap: Locator
  /** What the map's error boundary shows in its place when the map cannot be drawn. */
  readonly mapFailed: Locator
  readonly tryMapAgain: Locator

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { name: 'Crime map', exact: true, level: 1 })
    this.navLink = page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Map', exact: true })
    this.todayTile = page.getByRole('link', { name: 'Crime map', exact: true })
    this.map = page.getByRole('region', { name: 'Crime map' })
    this.cellTiles = this.map.locator('.leaflet-kestrel-cells-pane canvas')
    this.pointsCanvas = this.map.locator('.leaflet-kestrel-points-pane canvas')
    this.popup = this.map.locator('.leaflet-popup').getByRole('paragraph')
    this.closePopup = this.map.getByRole('button', { name: 'Close popup' })
    this.basemapOffline = page.getByRole('status').filter({ hasText: /^Basemap offline/ })
    this.offlineSource = page.getByRole('status').filter({ hasText: /^No connection: showing the \d+ cells saved on this device for / })
    this.cells = page.getByRole('list', { name: 'Cells, rising first' }).getByRole('button')
    this.details = page.getByRole('region', { name: 'Selected cell' })
    this.breakdownNeedsConnection = this.details.getByText('The breakdown by category and month needs a connection.')
    this.categoryTable = this.details.getByRole('table', { name: 'Crimes by category' })
    this.monthTable = this.details.getByRole('table', { name: 'Crimes by month' })
    this.legend = page.getByRole('region', { name: 'Legend' })
    this.zoomIn = this.map.getByRole('button', { name: 'Zoom in' })
    this.closeDetails = this.details.getByRole('button', { name: 'Close details' })
    this.pointLayers = [/^Wanted people’s last known places/, /^Curfew addresses/, /^My position$/].map((name) => page.getByRole('checkbox', { name }))
    this.basemapDownload = page.getByRole('region', { name: 'Basemap for offline use' })
    this.basemapDownloadState = this.basemapDownload.getByRole('status')
    this.downloadBasemap = this.basemapDownload.getByRole('button', { name: /^Download the basemap/ })
    this.removeBasemap = this.basemapDownload.getByRole('button', { name: 'Remove the saved basemap' })
    this.mapFailed = this.map.getByRole('alert').filter({ hasText: 'The map could not be shown.' })
    this.tryMapAgain = this.map.getByRole('button', { name: 'Try again' })
  }

  /** From Today's tile, the one way on every screen (a phone's bottom bar has no room for "Map"). */
  async open(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Today', exact: true }).click()
    await this.todayTile.click()
    await expect(this.heading).toBeVisible()
  }

  /**
   * Zooms in until the map's zoom-in button is disabled: the basemap's closest zoom. Shift+click
   * zooms three levels a click (Leaflet's control), so a loaded machine gets there in a few clicks;
   * a click made while the last zoom is still moving is ignored, and the next try repeats it.
   */
  async zoomInFully(): Promise<void> {
    await expect(async () => {
      if (await this.zoomIn.isEnabled()) await this.zoomIn.click({ modifiers: ['Shift'] })
      await expect(this.zoomIn).toBeDisabled({ timeout: 2_000 })
    }).toPass({ timeout: 60_000 })
  }

  /**
   * Where on the screen to tap a point of the given colour (`#rrggbb`): the middle of a dot painted
   * in it, the one nearest the middle of the map, well inside the map's edges (away from its
   * controls). Null while no such dot is on show.
   */
  async pointOnScreen(colour: string): Promise<{ x: number; y: number } | null> {
    await this.map.scrollIntoViewIfNeeded()
    const box = await this.map.boundingBox()
    if (!box) return null
    return this.pointsCanvas.first().evaluate((element: HTMLCanvasElement, { colour, box }) => {
      const context = element.getContext('2d')
      if (!context || element.width === 0 || element.height === 0) return null
      const [r, g, b] = [1, 3, 5].map((i) => Number.parseInt(colour.slice(i, i + 2), 16))
      const { data, width, height } = context.getImageData(0, 0, element.width, element.height)
      const rect = element.getBoundingClientRect()
      const scale = element.width / rect.width
      const isColour = (x: number, y: number) => {
        const i = (y * width + x) * 4
        return Math.abs(data[i]! - r!) < 8 && Math.abs(data[i + 1]! - g!) < 8 && Math.abs(data[i + 2]! - b!) < 8 && data[i + 3]! > 240
      }
      // The middle of a dot: its colour all round, three screen pixels each way.
      const reach = Math.ceil(3 * scale)
      const centre = { x: box.x + box.width / 2, y: box.y + box.height / 2 }
      let best: { x: number; y: number; distance: number } | null = null
      for (let y = reach; y < height - reach; y += 1) {
        for (let x = reach; x < width - reach; x += 1) {
          if (!isColour(x, y) || !isColour(x - reach, y) || !isColour(x + reach, y) || !isColour(x, y - reach) || !isColour(x, y + reach)) continue
          const screen = { x: rect.left + x / scale, y: rect.top + y / scale }
          const inside = screen.x > box.x + 60 && screen.x < box.x + box.width - 60 && screen.y > box.y + 90 && screen.y < box.y + box.height - 40
            && screen.y > 0 && screen.y < window.innerHeight
          const distance = Math.hypot(screen.x - centre.x, screen.y - centre.y)
          if (inside && (!best || distance < best.distance)) best = { ...screen, distance }
        }
      }
      return best ? { x: best.x, y: best.y } : null
    }, { colour, box })
  }

  /** How many pixels of the cells' tiles are painted: the cells, drawn with no basemap under them. */
  async paintedPixels(): Promise<number> {
    return this.cellTiles.evaluateAll((tiles: HTMLCanvasElement[]) => {
      let painted = 0
      for (const tile of tiles) {
        const context = tile.getContext('2d')
        if (!context || tile.width === 0 || tile.height === 0) continue
        const { data } = context.getImageData(0, 0, tile.width, tile.height)
        for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) painted += 1
      }
      return painted
    })
  }

  /**
   * How many basemap tiles drawn from a PMTiles archive are on show: images of the map's tile pane
   * made from the archive's bytes (blob: URLs), loaded, 256 pixels wide. Tiles are decorative
   * (alt=""), so they are found by their place in Leaflet's panes.
   */
  async archiveTilesShown({ sinceMark = false } = {}): Promise<number> {
    return this.map.locator('.leaflet-tile-pane img').evaluateAll((images: HTMLImageElement[], onlyNew: boolean) =>
      images.filter((image) => image.src.startsWith('blob:') && image.complete && image.naturalWidth === 256 && !(onlyNew && image.dataset['e2eMarked'])).length, sinceMark)
  }

  /** Marks the tiles on show now, so that `archiveTilesShown({ sinceMark: true })` counts only tiles drawn after. */
  async markTilesShown(): Promise<void> {
    await this.map.locator('.leaflet-tile-pane img').evaluateAll((images: HTMLImageElement[]) => {
      for (const image of images) image.dataset['e2eMarked'] = 'true'
    })
  }

  /**
   * How many colours protomaps-leaflet has painted the basemap's tiles in (its canvases in the tile
   * pane): its background alone when no vector data was drawn, the test archive's land and water
   * when it was (a zoomed-in tile may show only one of them).
   */
  async vectorBasemapColours(): Promise<number> {
    return this.map.locator('.leaflet-tile-pane canvas').evaluateAll((canvases: HTMLCanvasElement[]) => {
      const colours = new Set<string>()
      for (const canvas of canvases) {
        const context = canvas.getContext('2d')
        if (!context || canvas.width === 0 || canvas.height === 0) continue
        const { data } = context.getImageData(0, 0, canvas.width, canvas.height)
        for (let i = 0; i < data.length; i += 4 * 64) if (data[i + 3]! > 0) colours.add(`${data[i]},${data[i + 1]},${data[i + 2]}`)
      }
      return colours.size
    })
  }
}
