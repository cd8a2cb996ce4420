/**
 * The "Speak alerts" switch for Settings: claim alerts read aloud in British English. Off by default;
 * says so plainly when this browser cannot speak.
 */
import { setSpeakAlerts, speechAvailable, useSpeakAlerts } from '../lib/speak-alerts.ts'

export function SpeakAlertsSetting() {
  const on = useSpeakAlerts()
  const available = speechAvailable()
  return (
    <>
      <div className="toggle">
        <input id="speak-alerts" type="checkbox" checked={on} disabled={!available} onChange={(event) => setSpeakAlerts(event.target.checked)} />
        <label htmlFor="speak-alerts">Speak alerts</label>
      </div>
      <p className="hint">
        {available
          ? 'Reads claim alerts aloud (“PC … is collecting …”) while Kestrel is on screen. Mind who can hear.'
          : 'This browser cannot speak alerts; they are shown on screen.'}
      </p>
    </>
  )
}
