/**
 * Kestrel's client entry. Order matters: the theme is applied and the lock state read before the
 * first render (no flash of the wrong theme, no glimpse of the app behind a lock), the service
 * worker is registered from the bundle (the CSP allows no inline script), the outbox and sync are
 * wired up (and the live event stream, which follows the session), and the session is restored from
 * the device, so the app opens offline.
 */
import './lib/zod-jitless.ts'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { AppProviders } from './app/providers.tsx'
import { createAppRouter } from './app/router.tsx'
import { registerBriefingSenders } from './lib/briefing-actions.ts'
import { registerCheckRecordSender } from './lib/check-records.ts'
import { registerClaimSender } from './lib/claim-actions.ts'
import { registerCurfewCheckSender } from './lib/curfew-checks.ts'
import { startClaimsStore } from './lib/claims-store.ts'
import { startDeviceLock } from './lib/device-lock.ts'
import { startEventStream } from './lib/event-stream.ts'
import { recoverInterruptedNotes, registerNoteSenders } from './lib/notes-store.ts'
import { startOutbox } from './lib/outbox.ts'
import { registerProfileViewSender } from './lib/profile-views.ts'
import { registerServiceWorker } from './lib/service-worker.ts'
import { startSessionServices } from './lib/session.ts'
import { startSync } from './lib/sync.ts'
import { startTheme } from './lib/theme.ts'
import './styles/app.css'

startTheme()
startDeviceLock()
registerServiceWorker()
// The outbox's senders are registered before it starts, so ops left from the last visit can go.
registerBriefingSenders()
registerProfileViewSender()
registerClaimSender()
registerCheckRecordSender()
registerNoteSenders()
// A recording still marked as running was cut off by a reload or crash: keep it as a draft.
void recoverInterruptedNotes().catch((error: unknown) => console.error('Kestrel: could not check for interrupted recordings', error))
registerCurfewCheckSender()
startOutbox()
// People whose keys an older recipe made get new ones, once; the matching code loads after the start.
import('./lib/match-keys-refresh.ts')
  .then(({ startMatchKeysRefresh }) => startMatchKeysRefresh())
  .catch((error: unknown) => console.error('Kestrel: could not load the search-key refresh', error))
startSync()
startClaimsStore()
// Follows the session: one live event stream per device while an officer is signed in.
startEventStream()
void startSessionServices()

const container = document.getElementById('root')
if (container === null) throw new Error('index.html has no #root element')

// The first render (the router's first navigation with it) in a task of its own: setting up every
// module and the services above is already one long task on a slow phone, and the page answers
// taps only between tasks.
window.setTimeout(() => {
  createRoot(container).render(
    <StrictMode>
      <AppProviders router={createAppRouter()} />
    </StrictMode>,
  )
}, 0)
