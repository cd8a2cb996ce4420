/**
 * A person's profile, in the order an officer needs it at a stop: photo first, name, date of birth
 * and age; warning markers with officer-safety ones first and in red; wanted status and, for the
 * wanted, Click & Collect (who is collecting them, live, and the officer's claim actions); bail and
 * curfew conditions; description; aliases; police contacts; documents; linked addresses, vehicles
 * and associates. Nothing shows until the look-up is audited (AuditedProfile).
 *
 * Offline behaviour: all of it comes from the package on the device; the photo and documents come
 * from the `kestrel-media` cache through the service worker, so they open with no signal. The claim
 * state is the last the device knew, labelled with its time (components/claim-panel.tsx).
 */
import { useId } from 'react'
import { useLocation, useParams } from 'react-router'
import { z } from 'zod'
import type { Reason } from '../../../shared/api/audit.ts'
import type { Condition, PersonRecord, Wanted } from '../../../shared/api/intel.ts'
import { ClaimPanel } from '../../components/claim-panel.tsx'
import { LoadingState } from '../../components/data-state.tsx'
import { PackageGate } from '../../components/package-gate.tsx'
import { PageTitle } from '../../components/page-title.tsx'
import { PriorityBadge } from '../../components/priority-badge.tsx'
import { LastUpdated } from '../../components/sync-status.tsx'
import { ageOn, formatDate, formatDayTime } from '../../lib/date-format.ts'
import { useNow } from '../../lib/package-data.ts'
import { addressLabel, personName } from '../../lib/subject-labels.ts'
import { byCodeUnit } from '../../lib/text-order.ts'
import { AuditedProfile } from './audited-profile.tsx'
import { CurfewHistory } from './curfew-history.tsx'
import { conditionInForce, conditionText } from '../../lib/condition-text.ts'
import { NotOnDevice, ProfileSection, RecordLinks, type RecordLink } from './profile-parts.tsx'
import { usePersonProfile, useSubjectLabel, type PersonProfile } from './use-profiles.ts'
import { markersFor } from '../../lib/marker-order.ts'
import { WarningMarkers } from '../../components/warning-markers.tsx'
import { SubjectNotes } from '../../components/subject-notes.tsx'

const descriptionSchema = z.object({
  heightCm: z.number().optional(),
  build: z.string().optional(),
  hair: z.string().optional(),
  eyes: z.string().optional(),
  marks: z.array(z.string()).optional(),
})

const sexNames: Record<string, string> = { M: 'Male', F: 'Female', X: 'Not stated' }

function WantedPanel({ wanted, today }: { wanted: Wanted; today: string }) {
  const overdue = wanted.reviewDate.slice(0, 10) < today
  return (
    <ProfileSection title="Wanted" className={`wanted-panel wanted-panel--priority-${wanted.priority}`}>
      <p className="wanted-panel__offence">
        <PriorityBadge priority={wanted.priority} /> <strong>{wanted.offence}</strong>
      </p>
      <dl className="facts">
        {wanted.warrantType !== null ? (
          <div>
            <dt>Warrant</dt>
            <dd>{wanted.warrantType}</dd>
          </div>
        ) : null}
        <div>
          <dt>Wanted since</dt>
          <dd>{formatDate(wanted.since)}</dd>
        </div>
        <div>
          <dt>Review date</dt>
          <dd>
            {formatDate(wanted.reviewDate)}
            {overdue ? ' (overdue)' : ''}
          </dd>
        </div>
        <div>
          <dt>Last known location</dt>
          <dd>{wanted.lastKnown?.place ?? 'Not known'}</dd>
        </div>
      </dl>
    </ProfileSection>
  )
}

function ConditionItem({ condition, profile, reason }: { condition: Condition; profile: PersonProfile; reason: Reason }) {
  const { title, lines } = conditionText(condition)
  const address = condition.addressId === null ? null : profile.addresses.get(condition.addressId)
  return (
    <li className="condition">
      <h3>{title}</h3>
      {lines.map((line, index) => (
        <p key={index}>{line}</p>
      ))}
      <p className="hint">
        From {formatDate(condition.validFrom)} to {formatDate(condition.validTo)}
      </p>
      {condition.addressId !== null ? (
        <RecordLinks reason={reason} links={[{ kind: 'address', id: condition.addressId, label: address ? addressLabel(address) : null }]} />
      ) : null}
    </li>
  )
}

function ConditionsPanel({ profile, reason, today }: { profile: PersonProfile; reason: Reason; today: string }) {
  const current = profile.person.conditions.filter((c) => conditionInForce(c, today))
  const ended = profile.person.conditions.filter((c) => !conditionInForce(c, today))
  return (
    <ProfileSection title="Bail and curfew conditions" className="conditions-panel">
      {current.length === 0 ? <p>None in force today.</p> : null}
      <ul className="condition-list">
        {current.map((condition) => (
          <ConditionItem key={condition.id} condition={condition} profile={profile} reason={reason} />
        ))}
      </ul>
      {ended.length > 0 ? (
        <details>
          <summary>Not in force today ({ended.length})</summary>
          <ul className="condition-list condition-list--ended">
            {ended.map((condition) => (
              <ConditionItem key={condition.id} condition={condition} profile={profile} reason={reason} />
            ))}
          </ul>
        </details>
      ) : null}
    </ProfileSection>
  )
}

function DescriptionPanel({ person }: { person: PersonRecord }) {
  const parsed = descriptionSchema.safeParse(person.description)
  const d = parsed.success ? parsed.data : {}
  const rows: [string, string][] = [
    ['Height', d.heightCm !== undefined ? `${d.heightCm} cm` : 'Not recorded'],
    ['Build', d.build ?? 'Not recorded'],
    ['Hair', d.hair ?? 'Not recorded'],
    ['Eyes', d.eyes ?? 'Not recorded'],
    ['Marks', d.marks && d.marks.length > 0 ? d.marks.join('; ') : 'None recorded'],
  ]
  return (
    <ProfileSection title="Description">
      <dl className="facts">
        {rows.map(([term, value]) => (
          <div key={term}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </ProfileSection>
  )
}

function DocumentsPanel({ person }: { person: PersonRecord }) {
  const headingId = useId()
  return (
    <section className="profile-section" aria-labelledby={headingId}>
      <h2 id={headingId}>Documents</h2>
      {person.documents.length === 0 ? (
        <p className="hint">No documents.</p>
      ) : (
        <ul className="document-list" aria-labelledby={headingId}>
          {person.documents.map((document) => (
            <li key={document.id}>
              {/* A plain link: the service worker answers it from the device's copy when offline. */}
              <a href={document.url} target="_blank" rel="noopener">
                {document.title}
              </a>{' '}
              <span className="hint">({document.contentType === 'application/pdf' ? 'PDF' : document.contentType})</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}

function linkedRecords(profile: PersonProfile): RecordLink[] {
  const { person, addresses, vehicles, associates } = profile
  const links: RecordLink[] = []
  const addressLink = (id: string, note: string) => {
    const address = addresses.get(id)
    links.push({ kind: 'address', id, label: address ? addressLabel(address) : null, note })
  }
  if (person.addressId !== null) addressLink(person.addressId, 'home address')
  for (const link of person.links) {
    if (link.kind === 'address' && link.id !== person.addressId) addressLink(link.id, link.relation ?? 'linked address')
    if (link.kind === 'associate') {
      const associate = associates.get(link.id)
      links.push({ kind: 'person', id: link.id, label: associate ? personName(associate) : null, note: link.relation ?? 'associate' })
    }
  }
  for (const vehicle of vehicles) {
    const relation = person.links.find((l) => l.kind === 'vehicle' && l.id === vehicle.id)?.relation
    links.push({ kind: 'vehicle', id: vehicle.id, label: `${vehicle.vrm} (${vehicle.colour} ${vehicle.make} ${vehicle.model})`, note: vehicle.keeperPersonId === person.id ? 'registered keeper' : (relation ?? 'linked vehicle') })
  }
  return links
}

function PersonProfileView({ id, reason }: { id: string; reason: Reason }) {
  const profile = usePersonProfile(id)
  const now = useNow(60_000)
  if (profile === undefined) return <LoadingState>Opening the record…</LoadingState>
  if (profile === null) return <NotOnDevice what="Person" />
  const { person } = profile
  const name = personName(person)
  const today = new Date(now).toISOString().slice(0, 10)
  const age = person.dob === null ? null : ageOn(person.dob, new Date(now))
  const links = linkedRecords(profile)
  const contacts = [...person.contacts].sort((a, b) => byCodeUnit(b.at, a.at))

  return (
    <>
      <div className="person-header">
        {person.photoUrl !== null ? (
          <img className="person-photo" src={person.photoUrl} alt={`Photo of ${name}`} width={160} height={200} />
        ) : (
          <p className="person-photo person-photo--none">No photo on record</p>
        )}
        <div className="person-header__who">
          <PageTitle>{name}</PageTitle>
          <dl className="facts">
            <div>
              <dt>Born</dt>
              <dd>{person.dob === null ? 'Not known' : `${formatDate(person.dob)}${age !== null ? ` (age ${age})` : ''}`}</dd>
            </div>
            <div>
              <dt>Sex</dt>
              <dd>{person.sex === null ? 'Not recorded' : (sexNames[person.sex] ?? person.sex)}</dd>
            </div>
            <div>
              <dt>Person ID</dt>
              <dd>{person.id}</dd>
            </div>
          </dl>
          <LastUpdated />
        </div>
      </div>
      <WarningMarkers markers={markersFor(person.warningMarkers, profile.markerTypes)} />
      {person.wanted !== null ? (
        <>
          <WantedPanel wanted={person.wanted} today={today} />
          <ProfileSection title="Click & Collect" className="claim-section">
            <ClaimPanel personId={person.id} personName={name} />
          </ProfileSection>
        </>
      ) : null}
      {person.conditions.length > 0 ? <ConditionsPanel profile={profile} reason={reason} today={today} /> : null}
      {person.conditions.some((c) => c.kind === 'curfew') ? <CurfewHistory personId={person.id} /> : null}
      <DescriptionPanel person={person} />
      {person.aliases.length > 0 ? (
        <ProfileSection title="Also known as">
          <ul>
            {person.aliases.map((alias) => (
              <li key={`${alias.surname}|${alias.forenames}`}>{personName(alias)}</li>
            ))}
          </ul>
        </ProfileSection>
      ) : null}
      <ProfileSection title="Police contacts">
        {contacts.length === 0 ? (
          <p className="hint">None recorded.</p>
        ) : (
          <ul className="contact-list">
            {contacts.map((contact, index) => (
              <li key={`${contact.at}-${index}`}>
                <p>
                  <strong>{contact.type}</strong> · {formatDayTime(contact.at)} · {contact.place}
                </p>
                <p>{contact.summary}</p>
              </li>
            ))}
          </ul>
        )}
      </ProfileSection>
      <DocumentsPanel person={person} />
      <ProfileSection title="Linked records">{links.length === 0 ? <p className="hint">None.</p> : <RecordLinks links={links} reason={reason} />}</ProfileSection>
      <SubjectNotes kind="person" id={person.id} label={name} />
    </>
  )
}

export function PersonProfilePage() {
  const { id = '' } = useParams()
  const location = useLocation()
  const label = useSubjectLabel('people', id)
  return (
    <div className="page profile">
      <PackageGate>
        {label === undefined ? (
          <LoadingState>Opening the record…</LoadingState>
        ) : (
          <AuditedProfile key={`${id}:${location.key}`} title="Person record" kind="person" id={id} label={label}>
            {(reason) => <PersonProfileView id={id} reason={reason} />}
          </AuditedProfile>
        )}
      </PackageGate>
    </div>
  )
}
