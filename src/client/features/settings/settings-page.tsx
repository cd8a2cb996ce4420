/**
 * Settings for this device and session: night theme, locking now, the briefing saved for offline
 * use (what and how much, when it was last updated, "Sync now"), changes waiting to be sent, how
 * much storage Kestrel uses and whether the browser will keep it, the geofence prompts Patrol mode
 * gave on this device (prompt history), and signing out (which erases
 * Kestrel data from the device). All of it works offline; a sign-out made offline reaches the
 * server when the device is next online.
 */
import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { EmptyState, ErrorState, LoadingState } from '../../components/data-state.tsx'
import { OutboxProblems } from '../../components/outbox-problems.tsx'
import { PageTitle } from '../../components/page-title.tsx'
import { PromptHistory } from '../../components/prompt-history.tsx'
import { SpeakAlertsSetting } from '../../components/speak-alerts-setting.tsx'
import { SyncStatus } from '../../components/sync-status.tsx'
import { useClientConfig } from '../../lib/api/get-client-config.ts'
import { lockNow } from '../../lib/device-lock.ts'
import { usePackageCounts, usePackageMeta } from '../../lib/package-data.ts'
import { endSession, useSignedInUser } from '../../lib/session.ts'
import { formatBytes, getStorageUse } from '../../lib/storage.ts'
import { setNightTheme, useNightTheme } from '../../lib/theme.ts'

function StorageUse() {
  const storage = useQuery({
    queryKey: ['device', 'storage-use'],
    queryFn: getStorageUse,
    // Reads the device, not the server.
    networkMode: 'always',
    staleTime: 0,
  })
  if (storage.isPending) return <LoadingState>Checking storage…</LoadingState>
  if (storage.isError) return <ErrorState onRetry={() => void storage.refetch()}>Storage use could not be read.</ErrorState>
  if (storage.data === null) return <EmptyState>This browser does not report how much storage Kestrel uses.</EmptyState>
  const { usedBytes, quotaBytes, persisted } = storage.data
  return (
    <>
      <p>
        Kestrel is using <strong>{formatBytes(usedBytes)}</strong> on this device
        {quotaBytes !== null ? <> of about {formatBytes(quotaBytes)} available</> : null}.
      </p>
      {persisted === true ? <p className="hint">Persistent storage granted: the browser will keep this data if the device runs low on space.</p> : null}
      {persisted === false ? (
        <p className="hint">
          Persistent storage not granted: the browser may clear this data if the device runs low on space; Kestrel downloads it again when online.
        </p>
      ) : null}
    </>
  )
}

function StoredForOffline() {
  const counts = usePackageCounts()
  const meta = usePackageMeta()
  if (counts === undefined) return null
  return (
    <>
      <p>
        Stored for offline use: {counts.people} people, {counts.vehicles} vehicles, {counts.addresses} addresses, {counts.briefingItems} briefing
        items.
      </p>
      {meta?.lastSync ? (
        <p className="hint">
          Last update: {meta.lastSync.full ? 'full download' : 'changes only'}, {meta.lastSync.rows} {meta.lastSync.rows === 1 ? 'record' : 'records'}.
        </p>
      ) : null}
    </>
  )
}

export function SettingsPage() {
  const { night, followsDevice } = useNightTheme()
  const { idleLockMinutes, maxPinAttempts } = useClientConfig()
  const [signingOut, setSigningOut] = useState(false)
  const user = useSignedInUser()

  function signOut() {
    setSigningOut(true)
    void endSession('signed_out')
  }

  return (
    <div className="page">
      <PageTitle>Settings</PageTitle>

      <section className="section" aria-labelledby="settings-display">
        <h2 id="settings-display">Display</h2>
        <div className="toggle">
          <input id="night-theme" type="checkbox" checked={night} onChange={(event) => setNightTheme(event.target.checked)} />
          <label htmlFor="night-theme">Night theme</label>
        </div>
        <p className="hint">
          {followsDevice ? 'Following this device’s light or dark setting until you choose.' : 'Your choice is remembered on this device.'}
        </p>
      </section>

      <section className="section" aria-labelledby="settings-alerts">
        <h2 id="settings-alerts">Alerts</h2>
        <SpeakAlertsSetting />
      </section>

      {user !== null && user.role !== 'admin' ? (
        <section className="section" aria-labelledby="settings-prompts" id="prompt-history">
          <h2 id="settings-prompts">Prompt history</h2>
          <p className="hint">Geofence prompts Patrol mode gave on this device, newest first. Signing out erases them.</p>
          <PromptHistory />
        </section>
      ) : null}

      <section className="section" aria-labelledby="settings-lock">
        <h2 id="settings-lock">Device lock</h2>
        <p>
          Kestrel locks after {idleLockMinutes} minutes without use. After {maxPinAttempts} wrong PINs it signs you out and erases its
          data from this device.
        </p>
        <button type="button" className="button" onClick={lockNow}>
          Lock now
        </button>
      </section>

      {user !== null && user.role !== 'admin' ? (
        <section className="section" aria-labelledby="settings-briefing">
          <h2 id="settings-briefing">Briefing on this device</h2>
          <StoredForOffline />
          <SyncStatus />
        </section>
      ) : null}

      <section className="section" aria-labelledby="waiting-to-send" id="outbox">
        <h2 id="waiting-to-send">Waiting to send</h2>
        <OutboxProblems />
      </section>

      <section className="section" aria-labelledby="settings-storage">
        <h2 id="settings-storage">Storage</h2>
        <StorageUse />
      </section>

      <section className="section" aria-labelledby="settings-account">
        <h2 id="settings-account">Account</h2>
        <p>Signing out erases everything Kestrel saved on this device, including your app PIN.</p>
        <button type="button" className="button button--danger" disabled={signingOut} onClick={signOut}>
          Sign out
        </button>
      </section>
    </div>
  )
}
