/**
 * One vehicle of a vehicle check: the plate, whether it is the plate as typed or a usual misreading
 * of it (in words), make, model and colour, its markers, the registered keeper and linked people.
 */
import { useId } from 'react'
import { Link } from 'react-router'
import type { VehicleCheckResponse } from '../../../shared/api/checks.ts'
import type { MarkerType } from '../../../shared/api/intel.ts'
import { WarningMarkers } from '../../components/warning-markers.tsx'
import { profilePath, type CheckLinkState } from '../../lib/profile-paths.ts'
import { LinkedPeople } from './linked-people.tsx'

type Props = {
  candidate: VehicleCheckResponse['candidates'][number]
  markerTypes: ReadonlyMap<string, MarkerType>
  linkState: CheckLinkState
}

export function VehicleResult({ candidate, markerTypes, linkState }: Props) {
  const headingId = useId()
  const markers = candidate.markers.map((m) => ({ ...m, officerSafety: markerTypes.get(m.code)?.officerSafety ?? false, severity: markerTypes.get(m.code)?.severity ?? 2 }))
  return (
    <article className="check-result" aria-labelledby={headingId}>
      <h3 id={headingId} className="check-result__name">
        <span className="vrm">{candidate.vrm}</span>
      </h3>
      <p className={`match-label match-label--${candidate.exact ? 'strong' : 'possible'}`}>{candidate.exact ? 'Plate as entered' : 'Possible misread of the plate'}</p>
      <p>
        {candidate.colour} {candidate.make} {candidate.model}
      </p>
      <WarningMarkers title="Markers" markers={markers} headingLevel={4} />
      <LinkedPeople title="Registered keeper" people={candidate.keeper ? [candidate.keeper] : []} markerTypes={markerTypes} linkState={linkState} />
      {candidate.keeper === null ? <p className="hint">No registered keeper on record.</p> : null}
      <LinkedPeople title="Linked people" people={candidate.linkedPeople} markerTypes={markerTypes} linkState={linkState} />
      <Link className="button check-result__open" to={profilePath('vehicle', candidate.vehicleId)} state={linkState}>
        Open full record<span className="visually-hidden"> of {candidate.vrm}</span>
      </Link>
    </article>
  )
}
