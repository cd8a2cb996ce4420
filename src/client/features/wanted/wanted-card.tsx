/**
 * One wanted person in the gallery: priority (colour and words), photo, name, age, offence, warning
 * markers (officer safety first, in red, in words), last known location (and how far, with "Near
 * me"), and Click & Collect with the live claim state.
 *
 * Offline behaviour: everything but the claim comes from the device; the photo is served by the
 * service worker from the media cache the sync fills, and a missing one says so in words.
 */
import { memo, useId, useMemo, useState } from 'react'
import type { MarkerType } from '../../../shared/api/intel.ts'
import { Link } from 'react-router'
import { ClaimPanel } from '../../components/claim-panel.tsx'
import { PriorityBadge } from '../../components/priority-badge.tsx'
import { ageOn, formatDate } from '../../lib/date-format.ts'
import { profilePath } from '../../lib/profile-paths.ts'
import { personName } from '../../lib/subject-labels.ts'
import { cardMarkers, distanceText, type GalleryRow } from './gallery-model.ts'

type Props = {
  row: GalleryRow
  markerTypes: ReadonlyMap<string, MarkerType> | undefined
  areaName: string | null
  /** The clock (ms), re-read now and then, for ages and review dates. */
  now: number
}

/** Router state for the profile: the reason a look-up from the gallery is made. */
const profileState = { reason: { code: 'warrant' } }

function Photo({ url, name }: { url: string | null; name: string }) {
  const [failed, setFailed] = useState(false)
  if (url === null || failed) {
    return (
      <p className="wanted-card__photo wanted-card__photo--none">
        {url === null ? 'No photo on record' : 'Photo not saved on this device'}
      </p>
    )
  }
  return <img className="wanted-card__photo" src={url} alt={`Photo of ${name}`} width={96} height={120} loading="lazy" decoding="async" onError={() => setFailed(true)} />
}

export const WantedCard = memo(function WantedCard({ row, markerTypes, areaName, now }: Props) {
  const today = new Date(now)
  const { person, distanceKm } = row
  const { wanted } = person
  const name = personName(person)
  const headingId = useId()
  const markers = useMemo(() => cardMarkers(person.warningMarkers, markerTypes), [person.warningMarkers, markerTypes])
  const age = person.dob === null ? null : ageOn(person.dob, today)
  const reviewOverdue = wanted.reviewDate.slice(0, 10) < today.toISOString().slice(0, 10)

  return (
    <article className={`wanted-card wanted-card--priority-${wanted.priority}`} aria-labelledby={headingId}>
      <div className="wanted-card__top">
        <Photo url={person.photoUrl} name={name} />
        <div className="wanted-card__who">
          <PriorityBadge priority={wanted.priority} />
          <h2 id={headingId} className="wanted-card__name">
            <Link to={profilePath('person', person.personId)} state={profileState}>
              {name}
            </Link>
          </h2>
          <p className="wanted-card__facts">
            {age !== null ? `Age ${age}` : 'Age not known'}
            {areaName !== null ? ` · ${areaName}` : ''}
          </p>
          <p className="wanted-card__offence">
            <span className="visually-hidden">Wanted for </span>
            <strong>{wanted.offence}</strong>
            {wanted.warrantType !== null ? <span className="wanted-card__warrant"> · {wanted.warrantType}</span> : null}
          </p>
        </div>
      </div>
      {markers.length > 0 ? (
        <ul className="wanted-card__markers" aria-label="Warning markers">
          {markers.map((marker) => (
            <li key={marker.code} className={marker.officerSafety ? 'wanted-marker wanted-marker--safety' : 'wanted-marker'}>
              {marker.officerSafety ? <span className="wanted-marker__kind">Officer safety: </span> : null}
              {marker.label}
            </li>
          ))}
        </ul>
      ) : (
        <p className="wanted-card__no-markers">No warning markers</p>
      )}
      <p className="wanted-card__where">
        Last known: {wanted.lastKnown?.place ?? 'not known'}
        {distanceKm !== null ? <strong> · {distanceText(distanceKm)} from you</strong> : null}
      </p>
      <p className="wanted-card__review">
        Review {reviewOverdue ? 'overdue since' : 'due'} {formatDate(wanted.reviewDate)}
      </p>
      <ClaimPanel personId={person.personId} personName={name} />
    </article>
  )
})
