/**
 * One candidate of a person check, in the order that confirms identity at a stop: photo first,
 * name, date of birth and how well it matched (in words), warning markers with officer-safety ones
 * first in red and labelled, wanted status with its priority in words, bail and curfew conditions
 * in force, description (height, build, marks), aliases, and a link to the full record that takes
 * the check's reason with it, so the profile does not ask again.
 */
import { useId } from 'react'
import { Link } from 'react-router'
import type { PersonCandidate } from '../../../shared/api/checks.ts'
import type { MarkerType } from '../../../shared/api/intel.ts'
import { PriorityBadge } from '../../components/priority-badge.tsx'
import { WarningMarkers } from '../../components/warning-markers.tsx'
import { conditionInForce, conditionText } from '../../lib/condition-text.ts'
import { ageOn, formatDate } from '../../lib/date-format.ts'
import { markersFor } from '../../lib/marker-order.ts'
import { profilePath, type CheckLinkState } from '../../lib/profile-paths.ts'
import { personName } from '../../lib/subject-labels.ts'
import { describePerson } from './describe-person.ts'
import { matchedOnText, scoreLabel } from './match-words.ts'

type Props = {
  candidate: PersonCandidate
  rank: number
  markerTypes: ReadonlyMap<string, MarkerType>
  linkState: CheckLinkState
  now: number
}

const scoreTones: Record<string, string> = { 'Strong match': 'strong', 'Good match': 'good', 'Possible match': 'possible', 'Weak match': 'weak' }

export function PersonResult({ candidate, rank, markerTypes, linkState, now }: Props) {
  const headingId = useId()
  const name = personName(candidate)
  const label = scoreLabel(candidate.score)
  const age = candidate.dob === null ? null : ageOn(candidate.dob, new Date(now))
  const today = new Date(now).toISOString().slice(0, 10)
  const conditions = candidate.conditions.filter((c) => conditionInForce(c, today))
  const description = describePerson(candidate.description)
  return (
    <article className="check-result" aria-labelledby={headingId}>
      <div className="check-result__who">
        {candidate.photoUrl !== null ? (
          <img className="check-result__photo" src={candidate.photoUrl} alt={`Photo of ${name}`} width={96} height={120} />
        ) : (
          <p className="check-result__photo check-result__photo--none">No photo on record</p>
        )}
        <div>
          <h3 id={headingId} className="check-result__name">
            <span className="visually-hidden">Result {rank}: </span>
            {name}
          </h3>
          <p className="check-result__dob">Born {candidate.dob === null ? 'date not known' : `${formatDate(candidate.dob)}${age !== null ? ` (age ${age})` : ''}`}</p>
          <p className={`match-label match-label--${scoreTones[label] ?? 'weak'}`}>{label}</p>
          <p className="check-result__why">{matchedOnText(candidate.matchedOn)}</p>
        </div>
      </div>
      <WarningMarkers markers={markersFor(candidate.warningMarkers, markerTypes)} headingLevel={4} />
      {candidate.wanted !== null ? (
        <section className="check-result__wanted" aria-label="Wanted">
          <p>
            <PriorityBadge priority={candidate.wanted.priority} /> <strong>Wanted</strong>: {candidate.wanted.offence}
            {candidate.wanted.warrantType !== null ? ` (${candidate.wanted.warrantType})` : ''}
          </p>
        </section>
      ) : null}
      {conditions.length > 0 ? (
        <section className="check-result__section" aria-label="Bail and curfew conditions in force">
          <h4>Conditions in force</h4>
          <ul>
            {conditions.map((condition) => {
              const { title, lines } = conditionText(condition)
              return (
                <li key={condition.id}>
                  <strong>{title}</strong>
                  {lines.length > 0 ? `: ${lines.join(' ')}` : ''}
                </li>
              )
            })}
          </ul>
        </section>
      ) : null}
      <dl className="facts check-result__facts">
        {description.map(([term, value]) => (
          <div key={term}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
        {candidate.aliases.length > 0 ? (
          <div>
            <dt>Also known as</dt>
            <dd>{candidate.aliases.map(personName).join('; ')}</dd>
          </div>
        ) : null}
      </dl>
      <Link className="button check-result__open" to={profilePath('person', candidate.personId)} state={linkState}>
        Open full record<span className="visually-hidden"> of {name}</span>
      </Link>
    </article>
  )
}
