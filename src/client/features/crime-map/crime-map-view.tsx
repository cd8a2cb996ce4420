/**
 * The crime map itself (Leaflet through react-leaflet): trend cells as H3 hexagons, the people
 * layers as points, the officer's position, over the configured basemap (components/basemap-layer.tsx).
 *
 * Everything is drawn on canvases (Leaflet's Canvas renderer, `preferCanvas`), not as thousands
 * of SVG or DOM elements, so 5,000 cells and 20,000 points pan and zoom smoothly on a phone. The
 * cells have one canvas and the points (people and the officer) another, in a pane above: Leaflet
 * redraws every shape of a canvas where a new one lands, and the cells' hexagons redrawn for each
 * people layer were a long task of their own on a slow phone. The
 * layers are built imperatively and rebuilt only when their data or colouring changes, never on a
 * pan. Cells that look alike are one layer (a multi-polygon), a handful of layers in all rather
 * than one per cell: adding 2,000 layers one by one held the page for over a second on a slow
 * phone. A tap finds its cell by H3 (`latLngToCell`), so the cells need no hit-testing of their own.
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
import { canvas, circle, circleMarker, latLngBounds, layerGroup, polygon, type LatLngBoundsExpression, type LatLngTuple, type Layer, type LeafletMouseEvent } from 'leaflet'
import { cellToBoundary, getResolution, latLngToCell } from 'h3-js'
import { useEffect, useMemo, useRef, useState } from 'react'
import { MapContainer, useMap } from 'react-leaflet'
import type { TrendCellRecord } from '../../../shared/api/crime.ts'
import { BasemapLayer, type BasemapState } from '../../components/basemap-layer.tsx'
import { cellLook, pointColours, type CellLook, type ColourMode } from './cell-style.ts'
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

function CellsLayer({ cells, mode, onSelect, renderer }: Pick<Props, 'cells' | 'mode' | 'onSelect'> & { renderer: ReturnType<typeof canvas> }) {
  const map = useMap()
  const onSelectRef = useRef(onSelect)
  useEffect(() => {
    onSelectRef.current = onSelect
  })
  useLayer(async (run) => {
    const looks = new Map<string, { look: CellLook; rings: LatLngTuple[][][] }>()
    const built = await inSlices(cells, cellsPerSlice, run, (cell) => {
      const look = cellLook(cell, mode)
      const key = `${look.colour}|${look.fillOpacity}`
      const same = looks.get(key) ?? looks.set(key, { look, rings: [] }).get(key)!
      same.rings.push([boundaryOf(cell.cell)])
    }, nextTask)
    if (!built) return null
    const group = layerGroup()
    for (const { look, rings } of looks.values()) {
      polygon(rings, { renderer, color: look.colour, weight: 1, opacity: 0.8, fillColor: look.colour, fillOpacity: look.fillOpacity, interactive: false }).addTo(group)
    }
    return group
  }, [cells, mode, renderer])

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
  const placing: { bounds: LatLngBoundsExpression } | { center: LatLngTuple; zoom: number } = props.cells.length > 0
    ? { bounds: latLngBounds(props.cells.map((c): LatLngTuple => [c.lat, c.lng])).pad(0.05) }
    : { center: props.me ? [props.me.lat, props.me.lng] : fallbackCentre, zoom: 13 }
  return (
    <MapContainer className="crime-map__map" {...placing} preferCanvas renderer={renderer} scrollWheelZoom={false}>
      <BasemapLayer onStatus={props.onBasemap} />
      <CellsLayer cells={props.cells} mode={props.mode} onSelect={props.onSelect} renderer={renderer} />
      <PointLayers wanted={props.wanted} curfews={props.curfews} me={props.me} />
      <SelectedCell cell={props.selected} renderer={renderer} />
      <FitToCells cells={props.cells} fitKey={props.fitKey} />
    </MapContainer>
  )
}
