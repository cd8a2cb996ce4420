/**
 * "Last updated 5 minutes ago" and "Sync now", shown wherever briefing-package data is, so an
 * officer always knows how fresh what they are reading is. Also shows a sync or a photo download
 * in progress and, in words, why the last one failed (no connection, full disk).
 *
 * Offline behaviour: says the data shown is what this device saved; "Sync now" explains that it
 * needs a connection instead of failing silently.
 */
import { useState } from 'react'
import { useOnline } from '../lib/connectivity.ts'
import { timeAgo } from '../lib/date-format.ts'
import { useNow, usePackageMeta } from '../lib/package-data.ts'
import { syncNow, useSyncRunning, useSyncStatus } from '../lib/sync.ts'

export function SyncNowButton() {
  const running = useSyncRunning()
  const online = useOnline()
  const [offlineTap, setOfflineTap] = useState(false)
  return (
    <>
      <button
        type="button"
        className="button"
        disabled={running}
        onClick={() => {
          setOfflineTap(!navigator.onLine)
          void syncNow()
        }}
      >
        Sync now
      </button>
      {running ? <span className="hint">Updating…</span> : null}
      {offlineTap && !online ? <p className="hint">This device has no connection. Kestrel updates the briefing as soon as it reconnects.</p> : null}
    </>
  )
}

export function LastUpdated() {
  const meta = usePackageMeta()
  const now = useNow()
  const online = useOnline()
  if (meta === undefined) return null
  return (
    <p className="sync-status__when">
      {meta === null ? (
        'Not downloaded to this device yet'
      ) : (
        <>
          Last updated <time dateTime={meta.lastSyncAt}>{timeAgo(meta.lastSyncAt, now)}</time>
        </>
      )}
      {!online && meta !== null ? <span className="sync-status__saved"> · saved on this device</span> : null}
    </p>
  )
}

/** The freshness line, progress, problems and the "Sync now" button. */
export function SyncStatus() {
  const status = useSyncStatus()
  return (
    <div className="sync-status">
      <div className="sync-status__row">
        <LastUpdated />
        <SyncNowButton />
      </div>
      {/* Polite, and never a "status" role: that role is the connectivity banner's. */}
      <div aria-live="polite" className="sync-status__progress">
        {status.media ? (
          <p className="hint">
            Saving photos and documents to this device: {status.media.saved} of {status.media.total}
          </p>
        ) : null}
      </div>
      {status.error ? <p className="alert">{status.error}</p> : null}
      {status.mediaProblem ? <p className="alert">{status.mediaProblem}</p> : null}
    </div>
  )
}
