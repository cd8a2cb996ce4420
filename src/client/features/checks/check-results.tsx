/**
 * A check's answer: loading, failed (with the server's words and "Try again"), and the result,
 * best first. A check run on the device says so before anything else, with how many people (or
 * vehicles, addresses) it covered and that its audit record will upload on reconnect, so "No one
 * found" is never taken for a clear record of the whole force.
 */
import { useLiveQuery } from 'dexie-react-hooks'
import { useEffect, useId, useMemo, useRef } from 'react'
import type { MarkerType } from '../../../shared/api/intel.ts'
import { EmptyState, ErrorState, LoadingState } from '../../components/data-state.tsx'
import { errorMessage } from '../../lib/api-client.ts'
import { db } from '../../lib/database.ts'
import { useNow } from '../../lib/package-data.ts'
import type { CheckLinkState } from '../../lib/profile-paths.ts'
import { AddressResult } from './address-result.tsx'
import type { CheckAnswer, DeviceRun } from './api/run-check.ts'
import { PersonResult } from './person-result.tsx'
import { VehicleResult } from './vehicle-result.tsx'

const held: Record<CheckAnswer['kind'], (n: number) => string> = {
  person: (n) => `${n.toLocaleString('en-GB')} ${n === 1 ? 'person' : 'people'}`,
  vehicle: (n) => `${n.toLocaleString('en-GB')} vehicle${n === 1 ? '' : 's'}`,
  address: (n) => `${n.toLocaleString('en-GB')} address${n === 1 ? '' : 'es'}`,
}

const nothingFound: Record<CheckAnswer['kind'], string> = { person: 'No one found', vehicle: 'No vehicle found', address: 'No address found' }

function DeviceNotice({ kind, device }: { kind: CheckAnswer['kind']; device: DeviceRun }) {
  const opening = device.cause === 'offline' ? 'Offline' : 'Server not reached'
  return (
    <div className="notice notice--warning check-device-notice" role="status">
      <p>
        <strong>{opening}:</strong> this checked only the {held[kind](device.cachedCount)} cached on this device, not all force records.
      </p>
      <p>The check is recorded on this device; the audit record will upload when you are back online.</p>
    </div>
  )
}

type Props = {
  status: 'idle' | 'pending' | 'error' | 'success'
  answer: CheckAnswer | undefined
  error: unknown
  onRetry: () => void
}

export function CheckResults({ status, answer, error, onRetry }: Props) {
  const headingId = useId()
  const heading = useRef<HTMLHeadingElement>(null)
  const now = useNow(60_000)
  const types = useLiveQuery(() => db.markerTypes.toArray(), [])
  const markerTypes = useMemo(() => new Map<string, MarkerType>((types ?? []).map((t) => [t.code, t])), [types])

  // A new answer moves focus to the results, so a screen reader reads them next.
  useEffect(() => {
    if (answer) heading.current?.focus()
  }, [answer])

  if (status === 'idle') return null
  return (
    <section className="check-results" aria-labelledby={headingId} aria-busy={status === 'pending'}>
      <h2 id={headingId} ref={heading} tabIndex={-1}>
        Results
      </h2>
      {status === 'pending' ? <LoadingState>Checking…</LoadingState> : null}
      {status === 'error' ? <ErrorState onRetry={onRetry}>{`The check could not be made: ${errorMessage(error)}`}</ErrorState> : null}
      {status === 'success' && answer ? <Answer answer={answer} markerTypes={markerTypes} now={now} /> : null}
    </section>
  )
}

function Answer({ answer, markerTypes, now }: { answer: CheckAnswer; markerTypes: ReadonlyMap<string, MarkerType>; now: number }) {
  const linkState: CheckLinkState = { reason: answer.reason, checkId: answer.checkId }
  const count = answer.candidates.length
  return (
    <>
      {answer.device ? <DeviceNotice kind={answer.kind} device={answer.device} /> : <p className="hint">Checked against force records. The check is recorded with your reason.</p>}
      {count === 0 ? (
        <EmptyState>{answer.device ? `${nothingFound[answer.kind]} among the ${held[answer.kind](answer.device.cachedCount)} on this device.` : `${nothingFound[answer.kind]}.`}</EmptyState>
      ) : (
        <p className="check-results__count">
          {count} {count === 1 ? 'result' : 'results'}, best match first.
        </p>
      )}
      <ol className="check-result-list">
        {answer.kind === 'person'
          ? answer.candidates.map((candidate, index) => (
              <li key={candidate.personId}>
                <PersonResult candidate={candidate} rank={index + 1} markerTypes={markerTypes} linkState={linkState} now={now} />
              </li>
            ))
          : null}
        {answer.kind === 'vehicle'
          ? answer.candidates.map((candidate) => (
              <li key={candidate.vehicleId}>
                <VehicleResult candidate={candidate} markerTypes={markerTypes} linkState={linkState} />
              </li>
            ))
          : null}
        {answer.kind === 'address'
          ? answer.candidates.map((candidate) => (
              <li key={candidate.addressId}>
                <AddressResult candidate={candidate} markerTypes={markerTypes} linkState={linkState} />
              </li>
            ))
          : null}
      </ol>
    </>
  )
}
