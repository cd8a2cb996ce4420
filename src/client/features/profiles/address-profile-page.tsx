/**
 * An address's profile: the address, its warnings first (dangerous dog, firearms licence holder)
 * with words, and who lives there. Audited like every profile.
 *
 * Offline behaviour: from the package on the device.
 */
import { useLocation, useParams } from 'react-router'
import type { Reason } from '../../../shared/api/audit.ts'
import { LoadingState } from '../../components/data-state.tsx'
import { PackageGate } from '../../components/package-gate.tsx'
import { PageTitle } from '../../components/page-title.tsx'
import { LastUpdated } from '../../components/sync-status.tsx'
import { personName } from '../../lib/subject-labels.ts'
import { AuditedProfile } from './audited-profile.tsx'
import { NotOnDevice, ProfileSection, RecordLinks, type RecordLink } from './profile-parts.tsx'
import { useAddressProfile, useSubjectLabel } from './use-profiles.ts'
import { WarningMarkers } from '../../components/warning-markers.tsx'
import { SubjectNotes } from '../../components/subject-notes.tsx'

function AddressProfileView({ id, reason }: { id: string; reason: Reason }) {
  const profile = useAddressProfile(id)
  if (profile === undefined) return <LoadingState>Opening the record…</LoadingState>
  if (profile === null) return <NotOnDevice what="Address" />
  const { address, occupants, missingOccupants } = profile
  return (
    <>
      <PageTitle>{address.line1}</PageTitle>
      <p className="lead">{[address.line2, address.town, address.postcode].filter(Boolean).join(', ')}</p>
      <LastUpdated />
      <WarningMarkers title="Warnings" markers={address.warnings.map((warning) => ({ ...warning, officerSafety: true, severity: 3 }))} />
      <ProfileSection title="Occupants">
        {occupants.length === 0 ? <p className="hint">No occupants on this device.</p> : null}
        <RecordLinks reason={reason} links={occupants.map((person) => ({ kind: 'person', id: person.id, label: personName(person) }) satisfies RecordLink)} />
        {missingOccupants > 0 ? <p className="hint">{missingOccupants} more not in the briefing on this device.</p> : null}
      </ProfileSection>
      <SubjectNotes kind="address" id={address.id} label={`${address.line1}, ${address.postcode}`} />
    </>
  )
}

export function AddressProfilePage() {
  const { id = '' } = useParams()
  const location = useLocation()
  const label = useSubjectLabel('addresses', id)
  return (
    <div className="page profile">
      <PackageGate>
        {label === undefined ? (
          <LoadingState>Opening the record…</LoadingState>
        ) : (
          <AuditedProfile key={`${id}:${location.key}`} title="Address record" kind="address" id={id} label={label}>
            {(reason) => <AddressProfileView id={id} reason={reason} />}
          </AuditedProfile>
        )}
      </PackageGate>
    </div>
  )
}
