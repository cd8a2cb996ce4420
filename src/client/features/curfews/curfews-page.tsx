/**
 * Curfews: tonight's door-knocks in the officer's area. Everyone whose curfew is in force now or
 * starts within the next hours (2 to 24, the officer's choice), from the package on this device,
 * by curfew start or nearest first, as a list and on a map; each with the door-knock's four
 * results, one tap each. What other officers did tonight (checks, visits in progress) comes from
 * the server and arrives live. Supervisors also see tonight's coverage of an area.
 *
 * Offline behaviour: the list and recording work with no signal (checks are saved here and sent
 * on reconnect, once); other officers' checks and visits, "On my way", the map's tiles and the
 * coverage need a connection, and the screen says which.
 */
import { lazy, Suspense, useId, useState } from 'react'
import { useQueryClient } from '@tanstack/react-query'
import { LoadingState } from '../../components/data-state.tsx'
import { PackageGate } from '../../components/package-gate.tsx'
import { PageTitle } from '../../components/page-title.tsx'
import { useNow, useMarkerTypes } from '../../lib/package-data.ts'
import { refetchAfterChange } from '../../lib/refetch-after-change.ts'
import { useSignedInUser } from '../../lib/session.ts'
import { personName } from '../../lib/subject-labels.ts'
import { addressState, sortEntries, type SortOrder } from './curfew-list-model.ts'
import { CurfewCard } from './curfew-card.tsx'
import type { MapPoint } from './curfew-map.tsx'
import { CoveragePanel } from './coverage-panel.tsx'
import { useCurfewList, useCurfewRefresh } from './use-curfew-list.ts'
import { useWatchedPosition } from './use-position.ts'
import './curfews.css'

const CurfewMap = lazy(() => import('./curfew-map.tsx'))
const hourChoices = [2, 4, 6, 12, 24] as const

function TonightList({ areaId, me }: { areaId: string | null; me: { collarNumber: string; name: string } }) {
  const hoursId = useId()
  const [hoursAhead, setHoursAhead] = useState<number>(6)
  const [order, setOrder] = useState<SortOrder>('start')
  const [showMap, setShowMap] = useState(false)
  const now = useNow(30_000)
  const queryClient = useQueryClient()
  const watched = useWatchedPosition(order === 'distance')
  const position = watched.status === 'on' ? watched.position : null
  const markerTypes = useMarkerTypes()
  const { rows, serverState } = useCurfewList(areaId, hoursAhead, now)
  if (rows === undefined || markerTypes === undefined) return <LoadingState>Reading tonight’s curfews on this device…</LoadingState>
  const sorted = sortEntries(rows, order, position) as typeof rows
  const points: MapPoint[] = sorted.flatMap((row, index) => {
    if (!row.address) return []
    const state = addressState({ serverCheck: row.server?.lastCheck ?? null, deviceCheck: row.deviceCheck, visit: row.server?.visit ?? null, myCollar: me.collarNumber, now: new Date(now) })
    const shown: MapPoint['state'] = state.kind === 'checked' ? (state.check.breach ? 'breach' : 'checked') : state.kind
    return [{ number: index + 1, lat: row.address.lat, lng: row.address.lng, label: `${personName(row.person)}, ${row.address.line1}`, state: shown }]
  })

  return (
    <section aria-label="Tonight’s curfews">
      <div className="curfew-controls">
        <div className="field">
          <label htmlFor={hoursId}>Curfews in force now or starting within</label>
          <select id={hoursId} value={hoursAhead} onChange={(event) => setHoursAhead(Number(event.target.value))}>
            {hourChoices.map((hours) => (
              <option key={hours} value={hours}>
                {hours} hours
              </option>
            ))}
          </select>
        </div>
        <fieldset className="curfew-controls__order">
          <legend>Order</legend>
          <label>
            <input type="radio" name="curfew-order" checked={order === 'start'} onChange={() => setOrder('start')} /> Curfew start
          </label>
          <label>
            <input type="radio" name="curfew-order" checked={order === 'distance'} onChange={() => setOrder('distance')} /> Nearest first
          </label>
        </fieldset>
        <button type="button" className="button" aria-pressed={showMap} onClick={() => setShowMap((shown) => !shown)}>
          {showMap ? 'Hide map' : 'Show map'}
        </button>
      </div>
      {watched.status === 'locating' ? <p className="hint">Finding where you are…</p> : null}
      {watched.status === 'failed' ? <p className="notice">{watched.message}</p> : null}
      {order === 'distance' ? <p className="hint">Your position is used on this screen only, while it is open.</p> : null}
      {serverState === 'unavailable' ? (
        <p className="notice">No connection to the server: this list is from your device. Checks and visits by other officers tonight are not shown until you reconnect; your own checks are saved here and sent then.</p>
      ) : null}
      <p className="curfew-count" aria-live="polite">
        {sorted.length === 0 ? 'Nobody in your area has a curfew in these hours.' : `${sorted.length} ${sorted.length === 1 ? 'curfew' : 'curfews'} in these hours.`}
      </p>
      {showMap ? (
        <Suspense fallback={<LoadingState>Opening the map…</LoadingState>}>
          <CurfewMap points={points} me={position} />
        </Suspense>
      ) : null}
      <ol className="curfew-list" aria-label="Curfew addresses">
        {sorted.map((row, index) => (
          <CurfewCard
            key={row.conditionId}
            row={row}
            number={index + 1}
            now={now}
            markerTypes={markerTypes}
            me={me}
            position={position}
            onVisitStarted={() => void refetchAfterChange(queryClient, ['curfews'])}
          />
        ))}
      </ol>
    </section>
  )
}

export function CurfewsPage() {
  const user = useSignedInUser()
  useCurfewRefresh()
  if (user === null) return null
  return (
    <div className="page curfews-page">
      <PageTitle>Curfews</PageTitle>
      <p className="lead">Door-knocks for people on bail or court curfews in your area. Each result is saved on this device first and sent once there is a connection.</p>
      {user.role === 'supervisor' ? <CoveragePanel ownAreaId={user.areaId} /> : null}
      <PackageGate>
        <TonightList areaId={user.areaId} me={{ collarNumber: user.collarNumber, name: user.name }} />
      </PackageGate>
    </div>
  )
}
