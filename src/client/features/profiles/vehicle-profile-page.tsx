/**
 * A vehicle's profile: registration, make, model and colour, its markers (stolen, of interest) first
 * and with words, and a link to the registered keeper. Audited like every profile.
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
import { NotOnDevice, ProfileSection, RecordLinks } from './profile-parts.tsx'
import { useSubjectLabel, useVehicleProfile } from './use-profiles.ts'
import { WarningMarkers } from '../../components/warning-markers.tsx'
import { SubjectNotes } from '../../components/subject-notes.tsx'

function VehicleProfileView({ id, reason }: { id: string; reason: Reason }) {
  const profile = useVehicleProfile(id)
  if (profile === undefined) return <LoadingState>Opening the record…</LoadingState>
  if (profile === null) return <NotOnDevice what="Vehicle" />
  const { vehicle, keeper } = profile
  return (
    <>
      <PageTitle>{vehicle.vrm}</PageTitle>
      <p className="lead">
        {vehicle.colour} {vehicle.make} {vehicle.model}
      </p>
      <LastUpdated />
      <WarningMarkers title="Markers" markers={vehicle.markers.map((marker) => ({ ...marker, officerSafety: false, severity: 2 }))} />
      <ProfileSection title="Registered keeper">
        {vehicle.keeperPersonId === null ? (
          <p>No keeper recorded.</p>
        ) : (
          <RecordLinks reason={reason} links={[{ kind: 'person', id: vehicle.keeperPersonId, label: keeper ? personName(keeper) : null }]} />
        )}
      </ProfileSection>
      <SubjectNotes kind="vehicle" id={vehicle.id} label={vehicle.vrm} />
    </>
  )
}

export function VehicleProfilePage() {
  const { id = '' } = useParams()
  const location = useLocation()
  const label = useSubjectLabel('vehicles', id)
  return (
    <div className="page profile">
      <PackageGate>
        {label === undefined ? (
          <LoadingState>Opening the record…</LoadingState>
        ) : (
          <AuditedProfile key={`${id}:${location.key}`} title="Vehicle record" kind="vehicle" id={id} label={label}>
            {(reason) => <VehicleProfileView id={id} reason={reason} />}
          </AuditedProfile>
        )}
      </PackageGate>
    </div>
  )
}
