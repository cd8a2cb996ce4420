/**
 * Patrol mode on screen (lib/patrol-mode.ts): the one-tap switch in the app header, the patrol bar
 * under it (the plain note that prompts need Kestrel on screen, position and screen-lock status,
 * mute and "quiet for 30 minutes"), and the banner of the latest geofence prompt, which opens the
 * person or the briefing. All rendered inside the app frame, so nothing shows behind the lock
 * screen. Works offline: the fences come from the package on the device.
 */
import { Link } from 'react-router'
import type { PromptFence } from '../../shared/geofence/fences.ts'
import { formatTime } from '../lib/date-format.ts'
import {
  dismissPrompt,
  endQuiet,
  quietPrompts,
  setPromptsMuted,
  startPatrol,
  stopPatrol,
  useGeofencePrompt,
  usePatrolState,
  usePromptSettings,
  type PatrolState,
} from '../lib/patrol-mode.ts'
import { useNow } from '../lib/package-data.ts'
import { profilePath } from '../lib/profile-paths.ts'
import '../styles/patrol.css'

/** The header switch. The tap that turns it on also unlocks speech (browsers require a gesture). */
export function PatrolButton() {
  const { on } = usePatrolState()
  return (
    <button
      type="button"
      className={`header-button patrol-button${on ? ' patrol-button--on' : ''}`}
      aria-pressed={on}
      onClick={() => (on ? stopPatrol() : startPatrol())}
    >
      {/* Named by its visible word; the On/Off under it is what aria-pressed already says. */}
      <span>Patrol</span>
      <span className="patrol-button__state" aria-hidden="true">
        {on ? 'On' : 'Off'}
      </span>
    </button>
  )
}

function positionText(state: PatrolState): string {
  switch (state.position) {
    case 'ok':
      return `Position found, accurate to about ${state.accuracyM} m.`
    case 'denied':
      return 'Location permission refused: prompts cannot work. Allow location for Kestrel in the browser settings.'
    case 'unavailable':
      return 'No position at the moment; still trying.'
    case 'unsupported':
      return 'This browser gives no position: prompts cannot work here.'
    default:
      return 'Waiting for a position…'
  }
}

function wakeLockText(wakeLock: PatrolState['wakeLock']): string {
  if (wakeLock === 'held') return 'The screen stays on while Kestrel is showing.'
  if (wakeLock === 'off') return 'Keeping the screen on…'
  return 'This device did not agree to keep the screen on: set a longer screen timeout.'
}

/** Under the header while patrol mode is on. */
export function PatrolBar() {
  const state = usePatrolState()
  const settings = usePromptSettings()
  // quietUntil is stamped by this device's clock.
  const now = useNow(15_000, Date.now)
  if (!state.on) return null
  const quiet = now < settings.quietUntil
  return (
    <section className="patrol-bar" aria-labelledby="patrol-bar-title">
      <h2 id="patrol-bar-title" className="patrol-bar__title">
        Patrol mode is on
      </h2>
      <p className="patrol-bar__note">
        Prompts need Kestrel on screen: browsers give no position to a hidden page or another app. Nothing is said while Kestrel is
        locked.
      </p>
      <p className="hint">
        {positionText(state)} {wakeLockText(state.wakeLock)}{' '}
        {state.fences === null ? 'Preparing areas…' : `Watching ${state.fences.toLocaleString('en-GB')} ${state.fences === 1 ? 'area' : 'areas'}.`}
      </p>
      {!state.packageUsable ? <p className="alert">Briefing data is out of date: no prompts until it updates. Connect to update.</p> : null}
      {!state.voice ? <p className="alert alert--info">This device has no voice: prompts are shown and vibrate only.</p> : null}
      <div className="patrol-bar__controls">
        <div className="toggle">
          <input id="mute-prompts" type="checkbox" checked={settings.muted} onChange={(event) => setPromptsMuted(event.target.checked)} />
          <label htmlFor="mute-prompts">Mute spoken prompts</label>
        </div>
        {quiet ? (
          <p className="patrol-bar__quiet">
            Quiet until {formatTime(new Date(settings.quietUntil).toISOString())}.{' '}
            <button type="button" className="button button--small" onClick={endQuiet}>
              Speak prompts again
            </button>
          </p>
        ) : (
          <button type="button" className="button button--small" onClick={() => quietPrompts()}>
            Quiet for 30 minutes
          </button>
        )}
      </div>
    </section>
  )
}

function targetLink(fence: PromptFence) {
  if (fence.target.kind === 'person') return { to: profilePath('person', fence.target.id), text: `Open ${fence.title}` }
  if (fence.target.kind === 'briefing-item') return { to: '/briefing', text: `Open the briefing: ${fence.title}` }
  return null
}

const deliveryNotes = { spoken: null, muted: 'Not spoken: prompts are muted.', quiet: 'Not spoken: quiet for now.', 'no-voice': 'Not spoken: no voice on this device.' } as const

/** The latest prompt, with a way to open what it was about. */
export function GeofenceBanner() {
  const prompt = useGeofencePrompt()
  if (prompt === null) return null
  const links = new Map<string, { to: string; text: string }>()
  for (const fence of prompt.fences) {
    const link = targetLink(fence)
    if (link) links.set(link.to, link)
  }
  const note = deliveryNotes[prompt.delivery]
  return (
    <div className="geofence-banner" role="alert" aria-label="Geofence prompt">
      <p className="geofence-banner__sentence">{prompt.sentence}</p>
      {note ? <p className="hint">{note}</p> : null}
      <div className="geofence-banner__actions">
        {[...links.values()].map((link) => (
          <Link key={link.to} className="button button--small" to={link.to} onClick={dismissPrompt}>
            {link.text}
          </Link>
        ))}
        <button type="button" className="button button--small" onClick={dismissPrompt}>
          Dismiss<span className="visually-hidden"> prompt</span>
        </button>
      </div>
    </div>
  )
}
