/**
 * Warning markers, officer-safety ones first and in red, each with its words (never colour or an
 * icon alone). Marker codes are looked up in the force's configurable list that comes with the
 * package; a code missing from it is still shown, as its code, and treated as officer safety, since
 * an unknown warning is not a reason to relax.
 */
import { useId } from 'react'
import type { ShownMarker } from '../lib/marker-order.ts'

type Props = {
  markers: readonly ShownMarker[]
  title?: string
  /** 2 on a profile; 4 inside a check's result card. */
  headingLevel?: 2 | 3 | 4
}

export function WarningMarkers({ markers, title = 'Warning markers', headingLevel = 2 }: Props) {
  const headingId = useId()
  const Heading = `h${headingLevel}` as const
  return (
    <section className="profile-section warning-markers" aria-labelledby={headingId}>
      <Heading id={headingId}>{title}</Heading>
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
