/** One address of an address check: the address, its warnings first, occupants and linked people. */
import { useId } from 'react'
import { Link } from 'react-router'
import type { AddressCheckResponse } from '../../../shared/api/checks.ts'
import type { MarkerType } from '../../../shared/api/intel.ts'
import { WarningMarkers } from '../../components/warning-markers.tsx'
import { profilePath, type CheckLinkState } from '../../lib/profile-paths.ts'
import { LinkedPeople } from './linked-people.tsx'

type Props = {
  candidate: AddressCheckResponse['candidates'][number]
  markerTypes: ReadonlyMap<string, MarkerType>
  linkState: CheckLinkState
}

export function AddressResult({ candidate, markerTypes, linkState }: Props) {
  const headingId = useId()
  const label = [candidate.line1, candidate.line2, candidate.town, candidate.postcode].filter(Boolean).join(', ')
  const warnings = candidate.warnings.map((w) => ({ ...w, officerSafety: markerTypes.get(w.code)?.officerSafety ?? true, severity: markerTypes.get(w.code)?.severity ?? 3 }))
  return (
    <article className="check-result" aria-labelledby={headingId}>
      <h3 id={headingId} className="check-result__name">
        {label}
      </h3>
      <WarningMarkers title="Warnings" markers={warnings.sort((a, b) => Number(b.officerSafety) - Number(a.officerSafety))} headingLevel={4} />
      <LinkedPeople title="Occupants" people={candidate.occupants} markerTypes={markerTypes} linkState={linkState} />
      {candidate.occupants.length === 0 ? <p className="hint">No occupants on record.</p> : null}
      <LinkedPeople title="Linked people" people={candidate.linkedPeople} markerTypes={markerTypes} linkState={linkState} />
      <Link className="button check-result__open" to={profilePath('address', candidate.addressId)} state={linkState}>
        Open full record<span className="visually-hidden"> of {label}</span>
      </Link>
    </article>
  )
}
