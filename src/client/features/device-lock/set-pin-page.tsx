/**
 * Setting the app PIN, straight after sign-in on this device. The PIN unlocks Kestrel after it
 * locks itself when idle; only a verifier is stored, on this device, and it is erased with
 * everything else at sign-out, so each sign-in on a device sets a PIN again.
 */
import { useState } from 'react'
import type { FormEvent } from 'react'
import { PageTitle } from '../../components/page-title.tsx'
import { useClientConfig } from '../../lib/api/get-client-config.ts'
import { savePin } from '../../lib/device-lock.ts'
import { maxPinLength, minPinLength, pinProblem } from '../../lib/pin.ts'
import { endSession, markPinSet } from '../../lib/session.ts'
import { requestPersistentStorage } from '../../lib/storage.ts'

export function SetPinPage() {
  const config = useClientConfig()
  const [pin, setPin] = useState('')
  const [confirmation, setConfirmation] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const problem = pinProblem(pin) ?? (pin === confirmation ? null : 'The two PINs do not match. Enter the same PIN twice.')
    setError(problem)
    if (problem !== null) return
    setSaving(true)
    try {
      await savePin(pin)
      // Ask the browser to keep Kestrel's offline data; the officer has just committed to this device.
      void requestPersistentStorage()
      markPinSet()
    } catch (caught) {
      console.error('Kestrel: could not save the PIN', caught)
      setError('Your PIN could not be saved on this device. Try again.')
      setSaving(false)
    }
  }

  return (
    <main id="main" className="centre-page">
      <div className="panel auth-panel">
        <PageTitle>Set your app PIN</PageTitle>
        <p>
          Kestrel locks itself after {config.idleLockMinutes} minutes without use. Your PIN unlocks it. Use {minPinLength} to{' '}
          {maxPinLength} digits. The PIN stays on this device and is never sent anywhere.
        </p>
        {error !== null ? (
          <p className="alert" role="alert">
            {error}
          </p>
        ) : null}
        <form className="form" noValidate onSubmit={(event) => void submit(event)}>
          <div className="field">
            <label htmlFor="new-pin">New PIN</label>
            <input
              id="new-pin"
              type="password"
              inputMode="numeric"
              autoComplete="off"
              maxLength={maxPinLength}
              value={pin}
              onChange={(event) => setPin(event.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor="confirm-pin">Confirm PIN</label>
            <input
              id="confirm-pin"
              type="password"
              inputMode="numeric"
              autoComplete="off"
              maxLength={maxPinLength}
              value={confirmation}
              onChange={(event) => setConfirmation(event.target.value)}
            />
          </div>
          <button type="submit" className="button button--primary button--wide" disabled={saving}>
            Save PIN
          </button>
        </form>
        <div className="panel-footer">
          <p className="hint">Not your device, or not now? Signing out erases Kestrel data on this device.</p>
          <button type="button" className="button" disabled={saving} onClick={() => void endSession('signed_out')}>
            Sign out
          </button>
        </div>
      </div>
    </main>
  )
}
