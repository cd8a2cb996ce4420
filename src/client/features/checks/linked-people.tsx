/**
 * People linked to a vehicle or an address in a check's result: name, date of birth, how they are
 * linked, and whether they are wanted or carry warning markers, in words. Each links to the full
 * record with the check's reason.
 */
import { Link } from 'react-router'
import type { LinkedPerson } from '../../../shared/api/checks.ts'
import type { MarkerType } from '../../../shared/api/intel.ts'
import { formatDate } from '../../lib/date-format.ts'
import { markersFor } from '../../lib/marker-order.ts'
import { profilePath, type CheckLinkState } from '../../lib/profile-paths.ts'
import { personName } from '../../lib/subject-labels.ts'

type Props = { title: string; people: readonly LinkedPerson[]; markerTypes: ReadonlyMap<string, MarkerType>; linkState: CheckLinkState }

export function LinkedPeople({ title, people, markerTypes, linkState }: Props) {
  if (people.length === 0) return null
  return (
    <section className="check-result__section" aria-label={title}>
      <h4>{title}</h4>
      <ul className="record-links">
        {people.map((person) => {
          const markers = markersFor(person.warningMarkers, markerTypes)
          const safety = markers.filter((m) => m.officerSafety)
          return (
            <li key={`${person.personId}:${person.relation}`}>
              <Link className="record-link" to={profilePath('person', person.personId)} state={linkState}>
                {personName(person)}
              </Link>
              <span className="hint">
                {' '}
                · {person.relation}
                {person.dob !== null ? ` · born ${formatDate(person.dob)}` : ''}
              </span>
              {person.wanted ? <span className="badge badge--wanted">Wanted</span> : null}
              {safety.length > 0 ? <span className="badge badge--safety">Officer safety: {safety.map((m) => m.label).join(', ')}</span> : null}
              {markers.length > safety.length ? <span className="badge">{markers.length - safety.length} other warning{markers.length - safety.length === 1 ? '' : 's'}</span> : null}
            </li>
          )
        })}
      </ul>
    </section>
  )
}
