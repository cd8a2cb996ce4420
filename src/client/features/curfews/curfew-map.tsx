/**
 * Tonight's curfew addresses on a map: one numbered marker per address (the number is the card's
 * number on the list, so the list is the keyboard and screen-reader way to the same thing), its
 * shape saying the state as well as its colour: a ring for not checked yet, a filled circle for
 * checked, a square for a possible breach. The officer's position, when shared, is a small dot.
 *
 * Loaded only when the officer opens the map, so Leaflet stays out of the start-up bundle. The
 * basemap is the configured one (components/basemap-layer.tsx): tiles viewed before or a
 * downloaded archive work offline; with none, the markers show on a plain background and the map
 * says the basemap is offline.
 */
import 'leaflet/dist/leaflet.css'
import { divIcon, latLngBounds, type DivIcon } from 'leaflet'
import { useState } from 'react'
import { CircleMarker, MapContainer, Marker } from 'react-leaflet'
import type { LatLng } from '../../../shared/api/intel.ts'
import { BasemapLayer, type BasemapState } from '../../components/basemap-layer.tsx'
import { BasemapNotice } from '../../components/basemap-status.tsx'

export type MapPoint = { number: number; lat: number; lng: number; label: string; state: 'none' | 'visit' | 'checked' | 'breach' }

const icons = new Map<string, DivIcon>()

function pointIcon(number: number, state: MapPoint['state']): DivIcon {
  const key = `${number}:${state}`
  let icon = icons.get(key)
  if (!icon) {
    const shape = state === 'breach'
      ? '<rect x="3" y="3" width="24" height="24" rx="3" />'
      : `<circle cx="15" cy="15" r="12" ${state === 'none' || state === 'visit' ? 'class="curfew-map__ring"' : ''} />`
    icon = divIcon({
      className: `curfew-map__point curfew-map__point--${state}`,
      html: `<svg viewBox="0 0 30 30" width="30" height="30" aria-hidden="true">${shape}<text x="15" y="19.5" text-anchor="middle">${number}</text></svg>`,
      iconSize: [30, 30],
      iconAnchor: [15, 15],
    })
    icons.set(key, icon)
  }
  return icon
}

export default function CurfewMap({ points, me }: { points: readonly MapPoint[]; me: LatLng | null }) {
  const positions = points.map((p): [number, number] => [p.lat, p.lng])
  if (me) positions.push([me.lat, me.lng])
  const placing = positions.length >= 2 ? { bounds: latLngBounds(positions).pad(0.15) } : { center: positions[0] ?? ([52.48, -1.9] as [number, number]), zoom: 14 }
  const [basemap, setBasemap] = useState<BasemapState>('loading')
  return (
    <>
      <BasemapNotice state={basemap} overlays="the addresses" />
      <div className="curfew-map" role="region" aria-label="Map of tonight’s curfew addresses, numbered as on the list">
        <MapContainer className="curfew-map__map" {...placing} scrollWheelZoom={false}>
          <BasemapLayer onStatus={setBasemap} />
          {points.map((point) => (
            <Marker key={point.number} position={[point.lat, point.lng]} icon={pointIcon(point.number, point.state)} title={`${point.number}. ${point.label}`} alt={`${point.number}. ${point.label}`} keyboard={false} />
          ))}
          {me ? <CircleMarker center={[me.lat, me.lng]} radius={7} className="curfew-map__me" /> : null}
        </MapContainer>
      </div>
    </>
  )
}
