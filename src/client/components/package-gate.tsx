/**
 * Shows package data only when the device holds a package that has not expired. Before the first
 * sync it says the briefing is downloading (or needs a connection); after `staleAfter` it says the
 * data is out of date and offers "Sync now", because an officer must not act on an old briefing
 * (a wanted person arrested yesterday, a bail condition lifted).
 *
 * Offline behaviour: decided from the device alone; works offline.
 */
import type { ReactNode } from 'react'
import { usePackageAvailability } from '../lib/package-data.ts'
import { useSyncError, useSyncRunning } from '../lib/sync.ts'
import { LoadingState } from './data-state.tsx'
import { LastUpdated, SyncNowButton } from './sync-status.tsx'

export function PackageGate({ children }: { children: ReactNode }) {
  const { availability } = usePackageAvailability()
  // Narrow subscriptions: the gate wraps whole screens, which must not re-render per photo saved.
  const running = useSyncRunning()
  const error = useSyncError()
  if (availability === 'loading') return <LoadingState>Opening the briefing saved on this device…</LoadingState>
  if (availability === 'missing') {
    if (running) return <LoadingState>Downloading your briefing to this device…</LoadingState>
    return (
      <div className="state state--notice">
        <p>Your briefing has not been downloaded to this device yet. Connect to update.</p>
        {error ? <p className="hint">{error}</p> : null}
        <SyncNowButton />
      </div>
    )
  }
  if (availability === 'stale') {
    return (
      <div className="state state--notice">
        <p>
          <strong>Briefing data is out of date.</strong> Connect to update.
        </p>
        <p className="hint">Kestrel hides briefing data that has not been updated since the end of the last shift.</p>
        <LastUpdated />
        <SyncNowButton />
      </div>
    )
  }
  return children
}
