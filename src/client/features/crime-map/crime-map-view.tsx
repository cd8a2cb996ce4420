/**
 * The crime map itself (Leaflet through react-leaflet): trend cells as H3 hexagons, the people
 * layers as points, the officer's position, over the configured basemap (components/basemap-layer.tsx).
 *
 * Everything is drawn on canvases, not as thousands of SVG or DOM elements, so thousands of cells
 * and points are a few canvases in the page. The cells are canvas tiles (cell-tiles.ts), drawn
 * a few per frame and only where the map shows: as Leaflet polygons, projecting and clipping every
 * hexagon, then drawing them, were two tasks of 50 to 180 ms each on a phone slowed 4×. The points
 * (people and the officer) are on a canvas of Leaflet's (its Canvas renderer, which finds the point
 * a tap lands on), in a pane above; the selected cell's outline is on another. The layers are built
 * imperatively and rebuilt only when their data or colouring changes, never on a pan. A tap finds
 * its cell by H3 (`latLngToCell`), so the cells need no hit-testing of their own.
 * Canvas shapes are invisible to assistive technology: the page's cells list is the keyboard and
 * screen-reader way to the same cells, and selecting a cell there highlights it here.
 *
 * Cells are areas (hexagons about 350 m across at street scale), never points: police.uk locations
 * are anonymised snap points, so no crime is drawn as an offence address.
 *
 * Offline behaviour: tiles viewed before (or a downloaded PMTiles basemap) come from the service
 * worker; tiles that fail to load are reported (`onBasemap`), the overlays stay on a plain background.
 */
import 'leaflet/dist/leaflet.css'
import { canvas, circle, circleMarker, GridLayer, latLng, latLngBounds, layerGroup, polygon, type Coords, type DoneCallback, type GridLayerOptions, type LatLngBoundsExpression, type LatLngTuple, type Layer, type LeafletMouseEvent, type Map as LeafletMap } from 'leaflet'
import { cellToBoundary, getResolution, latLngToCell } from 'h3-js'
import { useEffect, useMemo, useRef, useState } from 'react'
import { MapContainer, useMap } from 'react-leaflet'
import type { TrendCellRecord } from '../../../shared/api/crime.ts'
import { BasemapLayer, type BasemapState } from '../../components/basemap-layer.tsx'
import { useNextTask } from '../../lib/use-next-task.ts'
import { cellLook, pointColours, type ColourMode } from './cell-style.ts'
import { CellTiles, type ProjectedCell } from './cell-tiles.ts'
import { buildLayer, inSlices, type LayerRun } from './layer-build.ts'
import type { MapPoint } from './use-device-map-data.ts'
import type { Position } from './use-my-position.ts'

type Props = {
  cells: readonly TrendCellRecord[]
  mode: ColourMode
  selected: string | null
  onSelect: (cell: string) => void
  wanted: readonly MapPoint[] | null
  curfews: readonly MapPoint[] | null
  me: Position | null
  /** Changes when a new set of cells should bring the map to them (a new source or filter). */
  fitKey: string
  onBasemap: (state: BasemapState) => void
}

// A cell's corners never change and h3-js pays a WebAssembly call for each: keep them.
const boundaries = new Map<string, LatLngTuple[]>()
function boundaryOf(cell: string): LatLngTuple[] {
  let ring = boundaries.get(cell)
  if (!ring) {
    ring = cellToBoundary(cell) as LatLngTuple[]
    boundaries.set(cell, ring)
  }
  return ring
}

/** Words for a popup, as text (never HTML: names come from records). */
function popupText(text: string): HTMLElement {
  const element = document.createElement('p')
  element.className = 'crime-map__popup'
  element.textContent = text
  return element
}

/** Lets the browser paint and answer taps before the next slice of work. */
const nextTask = () => new Promise<void>((resolve) => window.setTimeout(resolve, 0))

/**
 * A layer built and added in tasks of its own, after the map has been created and painted: the
 * map, the cells and each people layer were one task of over half a second on a slow phone, which
 * kept the page from answering a tap. `build` may yield (`nextTask`) between slices of its work and
 * should stop when `run.cancelled` is set. Rebuilt when `deps` change; removed on unmount. A build
 * that fails is thrown at the next render, so the map's error boundary says the map could not be
 * shown (crime-map-page.tsx) instead of the layer silently missing.
 */
function useLayer(build: (run: LayerRun) => Layer | null | Promise<Layer | null>, deps: readonly unknown[]): void {
  const map = useMap()
  const [failure, setFailure] = useState<{ error: unknown } | null>(null)
  if (failure) throw failure.error
  useEffect(() => {
    const run = { cancelled: false }
    let layer: Layer | null = null
    const timer = window.setTimeout(() => {
      void buildLayer(build, run, (built) => {
        layer = built
        layer.addTo(map)
      }, (error) => setFailure({ error }))
    }, 0)
    return () => {
      run.cancelled = true
      window.clearTimeout(timer)
      layer?.remove()
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the caller names what the layer depends on
  }, [map, ...deps])
}

/**
 * How many cells' corners are worked out (a WebAssembly call each), or people's points made, before
 * the page gets a turn: at a quarter of a laptop's speed, a slice takes well under 50 ms.
 */
const cellsPerSlice = 150
const pointsPerSlice = 150

/**
 * The cells as canvas tiles (cell-tiles.ts draws them). A tile is drawn in an animation frame, as
 * many as fit in a few milliseconds (at least one), so the page answers a tap between tiles; a
 * tile gone before its turn (the map moved on) is skipped.
 */
class CellsTileLayer extends GridLayer {
  private queue: { tile: HTMLCanvasElement; coords: Coords; done: DoneCallback }[] = []
  private frame: number | null = null

  constructor(private readonly tiles: CellTiles, options: GridLayerOptions) {
    super({ ...options, tileSize: tiles.tileSize })
  }

  createTile(coords: Coords, done: DoneCallback): HTMLElement {
    const tile = document.createElement('canvas')
    const ratio = window.devicePixelRatio || 1
    tile.width = Math.round(this.tiles.tileSize * ratio)
    tile.height = Math.round(this.tiles.tileSize * ratio)
    this.queue.push({ tile, coords, done })
    this.frame ??= window.requestAnimationFrame(() => this.drawSome())
    return tile
  }

  private drawSome(): void {
    this.frame = null
    const started = performance.now()
    while (this.queue.length > 0 && (performance.now() - started < tileBudgetMs)) {
      const { tile, coords, done } = this.queue.shift()!
      // Removed meanwhile (zoomed or panned away): nothing to draw.
      if (!tile.isConnected) continue
      const context = tile.getContext('2d', tileContext)
      if (context) {
        const ratio = tile.width / this.tiles.tileSize
        context.setTransform(ratio, 0, 0, ratio, 0, 0)
        this.tiles.draw(context, coords)
      }
      done(undefined, tile)
    }
    if (this.queue.length > 0) this.frame = window.requestAnimationFrame(() => this.drawSome())
  }

  onRemove(map: LeafletMap): this {
    if (this.frame !== null) window.cancelAnimationFrame(this.frame)
    this.frame = null
    this.queue = []
    return super.onRemove(map)
  }
}

/**
 * Tiles of 128 pixels, not Leaflet's usual 256: with the force in view a tile holds a few hundred
 * hexagons, and one tile is the least a frame draws.
 */
const cellTileSize = 128

/**
 * The tiles' canvases are kept in ordinary memory (`willReadFrequently` asks the browser for a
 * canvas it does not put on the GPU): a tile is drawn once, and a GPU-backed canvas costs the GPU
 * process a texture and the page a round trip to make it, for every tile. In Lighthouse's crime map
 * audit on a machine with no GPU (the GPU process draws in software) the median Total Blocking Time
 * over 12 runs, in turn with the build before, fell from 481 to 393 ms with it (README, Lighthouse).
 */
const tileContext: CanvasRenderingContext2DSettings = { willReadFrequently: true }

/** Milliseconds of drawing tiles per animation frame (a tile at least): well inside a frame even slowed 4×. */
const tileBudgetMs = 4

/** The cells' tiles: a pane of their own under the selected cell's outline (the overlay pane, 400). */
const cellsPane = 'kestrel-cells'

function CellsLayer({ cells, mode, onSelect }: Pick<Props, 'cells' | 'mode' | 'onSelect'>) {
  const map = useMap()
  const onSelectRef = useRef(onSelect)
  useEffect(() => {
    onSelectRef.current = onSelect
  })
  useLayer(async (run) => {
    if (!map.getPane(cellsPane)) map.createPane(cellsPane).style.zIndex = '390'
    const crs = map.options.crs!
    const projected: ProjectedCell[] = []
    const built = await inSlices(cells, cellsPerSlice, run, (cell) => {
      const ring: number[] = []
      for (const [lat, lng] of boundaryOf(cell.cell)) {
        const point = crs.latLngToPoint(latLng(lat, lng), 0)
        ring.push(point.x, point.y)
      }
      projected.push({ ring, look: cellLook(cell, mode) })
    }, nextTask)
    if (!built) return null
    return new CellsTileLayer(new CellTiles(projected, cellTileSize), { pane: cellsPane, updateWhenZooming: false })
  }, [cells, mode])

  // A tap on the map selects the cell under it (a tap on a person's point opens that point's popup instead).
  useEffect(() => {
    const first = cells[0]
    if (!first) return
    const resolution = getResolution(first.cell)
    const shown = new Set(cells.map((cell) => cell.cell))
    const onClick = (event: LeafletMouseEvent): void => {
      const cell = latLngToCell(event.latlng.lat, event.latlng.lng, resolution)
      if (shown.has(cell)) onSelectRef.current(cell)
    }
    map.on('click', onClick)
    return () => {
      map.off('click', onClick)
    }
  }, [cells, map])
  return null
}

function SelectedCell({ cell, renderer }: { cell: string | null; renderer: ReturnType<typeof canvas> }) {
  const map = useMap()
  useLayer(() => (cell ? polygon(boundaryOf(cell), { renderer, color: '#000000', weight: 4, fill: false, interactive: false }) : null), [cell, renderer])
  useEffect(() => {
    if (!cell) return
    const bounds = latLngBounds(boundaryOf(cell))
    if (!map.getBounds().contains(bounds)) map.fitBounds(bounds, { maxZoom: Math.max(map.getZoom(), 15) })
  }, [cell, map])
  return null
}

function PointsLayer({ points, kind, renderer }: { points: readonly MapPoint[] | null; kind: 'wanted' | 'curfew'; renderer: ReturnType<typeof canvas> }) {
  useLayer(async (run) => {
    if (!points) return null
    const group = layerGroup()
    const colour = pointColours[kind]
    // Wanted: a filled dot; curfew: a ring. Shape as well as colour.
    const style = kind === 'wanted'
      ? { renderer, radius: 7, color: '#ffffff', weight: 2, fillColor: colour, fillOpacity: 1 }
      : { renderer, radius: 7, color: colour, weight: 4, fill: true, fillColor: '#ffffff', fillOpacity: 0.6 }
    const built = await inSlices(points, pointsPerSlice, run, (point) => {
      // The popup's words are made when it opens, not hundreds of elements up front.
      circleMarker([point.lat, point.lng], style)
        .bindPopup(() => popupText(point.label))
        .addTo(group)
    }, nextTask)
    return built ? group : null
  }, [points, kind, renderer])
  return null
}

function MyPosition({ me, renderer }: { me: Position | null; renderer: ReturnType<typeof canvas> }) {
  useLayer(() => {
    if (!me) return null
    const group = layerGroup()
    circle([me.lat, me.lng], { renderer, radius: me.accuracy, color: pointColours.me, weight: 1, fillOpacity: 0.08, interactive: false }).addTo(group)
    circleMarker([me.lat, me.lng], { renderer, radius: 8, color: '#ffffff', weight: 3, fillColor: pointColours.me, fillOpacity: 1 })
      .bindPopup(popupText('You are here'))
      .addTo(group)
    return group
  }, [me?.lat, me?.lng, me?.accuracy, renderer])
  return null
}

function FitToCells({ cells, fitKey }: { cells: readonly TrendCellRecord[]; fitKey: string }) {
  const map = useMap()
  const fitted = useRef<string | null>(null)
  useEffect(() => {
    if (cells.length === 0 || fitted.current === fitKey) return
    fitted.current = fitKey
    map.fitBounds(latLngBounds(cells.map((c): LatLngTuple => [c.lat, c.lng])).pad(0.05))
  }, [cells, fitKey, map])
  return null
}

const fallbackCentre: LatLngTuple = [52.48, -1.9]

/** The pane of the points' canvas: above the cells' (the overlay pane, 400), below popups (700). */
const pointsPane = 'kestrel-points'

/** The people layers and the officer's position, on a canvas of their own (see the top of this file). */
function PointLayers({ wanted, curfews, me }: Pick<Props, 'wanted' | 'curfews' | 'me'>) {
  const map = useMap()
  const renderer = useMemo(() => {
    if (!map.getPane(pointsPane)) map.createPane(pointsPane).style.zIndex = '450'
    return canvas({ padding: 0.1, tolerance: 4, pane: pointsPane })
  }, [map])
  return (
    <>
      <PointsLayer points={curfews} kind="curfew" renderer={renderer} />
      <PointsLayer points={wanted} kind="wanted" renderer={renderer} />
      <MyPosition me={me} renderer={renderer} />
    </>
  )
}

export default function CrimeMapView(props: Props) {
  const renderer = useMemo(() => canvas({ padding: 0.1, tolerance: 4 }), [])
  // The page is drawn first and the map made in a task of its own: Leaflet measures its container
  // as it starts (a layout the browser must do there and then), and with the page's first render
  // that was one task of over 100 ms on a phone slowed 4×.
  const mapTurn = useNextTask()
  if (!mapTurn) return <div className="crime-map__map" />
  const placing: { bounds: LatLngBoundsExpression } | { center: LatLngTuple; zoom: number } = props.cells.length > 0
    ? { bounds: latLngBounds(props.cells.map((c): LatLngTuple => [c.lat, c.lng])).pad(0.05) }
    : { center: props.me ? [props.me.lat, props.me.lng] : fallbackCentre, zoom: 13 }
  return (
    <MapContainer className="crime-map__map" {...placing} preferCanvas renderer={renderer} scrollWheelZoom={false}>
      <BasemapLayer onStatus={props.onBasemap} />
      <CellsLayer cells={props.cells} mode={props.mode} onSelect={props.onSelect} />
      <PointLayers wanted={props.wanted} curfews={props.curfews} me={props.me} />
      <SelectedCell cell={props.selected} renderer={renderer} />
      <FitToCells cells={props.cells} fitKey={props.fitKey} />
    </MapContainer>
  )
}
