/**
 * The map an author draws a briefing item's area on: a click or tap adds a point, the points are
 * numbered markers of our own (Leaflet's default marker images do not survive bundling), and the
 * area is drawn as soon as it has three. It opens on the drawn area, or else on the addresses this
 * device holds (the force's ground), or else on Great Britain.
 *
 * Loaded only when an author opens the map (area-drawing.tsx), so Leaflet never reaches officers'
 * phones. The basemap is the configured one (components/basemap-layer.tsx); writing the briefing
 * needs a connection anyway, and with no basemap the points still show on a plain background. The list of points beside the map is the keyboard and screen-reader way to
 * do the same thing.
 *
 * The same map places a fence's circle (fence-fields.tsx): given `circleRadiusM`, a click sets the
 * one point, its centre, and the circle is drawn around it.
 */
import 'leaflet/dist/leaflet.css'
import './area-map.css'
import { divIcon, latLngBounds, type DivIcon } from 'leaflet'
import { useLiveQuery } from 'dexie-react-hooks'
import { useState } from 'react'
import { Circle, MapContainer, Marker, Polygon, Polyline, useMapEvents } from 'react-leaflet'
import type { LatLng } from '../../../shared/api/intel.ts'
import { BasemapLayer, type BasemapState } from '../../components/basemap-layer.tsx'
import { BasemapNotice } from '../../components/basemap-status.tsx'
import { LoadingState } from '../../components/data-state.tsx'
import { db } from '../../lib/database.ts'
import { minPolygonPoints, roundedPoint } from './item-draft.ts'

type Props = {
  points: readonly LatLng[]
  onAdd: (point: LatLng) => void
  /** Placing a circle's centre: the one point is the centre, drawn with this radius. */
  circleRadiusM?: number
}

type View = { center: [number, number]; zoom: number }

const greatBritain: View = { center: [54, -2.5], zoom: 6 }
/** Enough addresses to find the middle of the force's ground without reading them all. */
const sampleSize = 2_000

const icons = new Map<number, DivIcon>()

/** A numbered point: an SVG circle with the number, drawn the same in every build. */
function pointIcon(n: number): DivIcon {
  let icon = icons.get(n)
  if (!icon) {
    icon = divIcon({
      className: 'area-map__point',
      html: `<svg viewBox="0 0 28 28" width="28" height="28" aria-hidden="true"><circle cx="14" cy="14" r="12" /><text x="14" y="18.5" text-anchor="middle">${n}</text></svg>`,
      iconSize: [28, 28],
      iconAnchor: [14, 14],
    })
    icons.set(n, icon)
  }
  return icon
}

function useStartingView(): View | undefined {
  return useLiveQuery(async () => {
    const addresses = await db.addresses.limit(sampleSize).toArray()
    if (addresses.length === 0) return greatBritain
    const lat = addresses.reduce((sum, a) => sum + a.lat, 0) / addresses.length
    const lng = addresses.reduce((sum, a) => sum + a.lng, 0) / addresses.length
    return { center: [lat, lng], zoom: 11 } satisfies View
  }, [])
}

function AddOnClick({ onAdd }: Pick<Props, 'onAdd'>) {
  useMapEvents({ click: (event) => onAdd(roundedPoint(event.latlng.lat, event.latlng.lng)) })
  return null
}

export default function AreaMap({ points, onAdd, circleRadiusM }: Props) {
  const view = useStartingView()
  const [basemap, setBasemap] = useState<BasemapState>('loading')
  if (view === undefined) return <LoadingState>Opening the map…</LoadingState>
  const positions = points.map((p): [number, number] => [p.lat, p.lng])
  // Opening on an area already drawn: show all of it.
  // (MapContainer uses center and zoom over bounds, so only one of them is given.)
  const placing = positions.length >= 2
    ? { bounds: latLngBounds(positions).pad(0.25) }
    : { center: positions[0] ?? view.center, zoom: positions.length === 1 ? 15 : view.zoom }
  return (
    <>
      {/* Outside the map's region, so a click on the map lands where the author aims; not announced:
          the drawing's own status line is the form's live region. */}
      <BasemapNotice state={basemap} overlays="the points" live={false} />
      <div
        className="area-map"
        role="region"
        aria-label={circleRadiusM === undefined ? 'Map for drawing the area: click or tap to add a point' : 'Map for placing the fence: click or tap to set its centre'}
      >
        <MapContainer className="area-map__map" {...placing} scrollWheelZoom={false}>
          <BasemapLayer onStatus={setBasemap} />
          <AddOnClick onAdd={onAdd} />
          {positions.length >= minPolygonPoints ? (
            <Polygon positions={positions} className="area-map__area" interactive={false} />
          ) : positions.length === 2 ? (
            <Polyline positions={positions} className="area-map__area" interactive={false} />
          ) : null}
          {circleRadiusM !== undefined && positions[0] ? (
            <Circle center={positions[0]} radius={circleRadiusM} className="area-map__area" interactive={false} />
          ) : null}
          {positions.map((position, index) => (
            <Marker key={`${index}:${position.join(',')}`} position={position} icon={pointIcon(index + 1)} interactive={false} keyboard={false} />
          ))}
        </MapContainer>
      </div>
    </>
  )
}
