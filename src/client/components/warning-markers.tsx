/**
 * Warning markers, officer-safety ones first and in red, each with its words (never colour or an
 * icon alone). Marker codes are looked up in the force's configurable list that comes with the
 * package; a code missing from it is still shown, as its code, and treated as officer safety, since
 * an unknown warning is not a reason to relax.
 */
import { useId } from 'react'
import type { ShownMarker } from './marker-order.ts'

export function WarningMarkers({ markers, title = 'Warning markers' }: { markers: readonly ShownMarker[]; title?: string }) {
  const headingId = useId()
  return (
    <section className="profile-section warning-markers" aria-labelledby={headingId}>
      <h2 id={headingId}>{title}</h2>
      {markers.length === 0 ? (
        <p className="hint">None recorded.</p>
      ) : (
        <ul className="marker-list" aria-labelledby={headingId}>
          {markers.map((marker) => (
            <li key={marker.code} className={marker.officerSafety ? 'marker marker--safety' : 'marker'}>
              <span className="marker__kind">{marker.officerSafety ? 'Officer safety' : 'Warning'}</span>
              <span className="marker__label">{marker.label}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
