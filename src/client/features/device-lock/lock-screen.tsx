/**
 * The lock screen, shown instead of the whole app (not over it, so nothing personal stays on the
 * page) after the idle time or "Lock now". The app PIN opens it; the last allowed wrong PIN signs
 * the officer out and erases the device. Works offline: the PIN is checked on the device.
 */
import { useRef, useState } from 'react'
import type { FormEvent } from 'react'
import { LockIcon } from '../../components/icons.tsx'
import { PageTitle } from '../../components/page-title.tsx'
import { useClientConfig } from '../../lib/api/get-client-config.ts'
import { tryUnlock, useLockState } from '../../lib/device-lock.ts'
import { endSession } from '../../lib/session.ts'

function attemptsText(count: number): string {
  return count === 1 ? '1 attempt' : `${count} attempts`
}

export function LockScreen() {
  const { maxPinAttempts } = useClientConfig()
  const { failedAttempts } = useLockState()
  const [pin, setPin] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [checking, setChecking] = useState(false)
  const input = useRef<HTMLInputElement>(null)

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    if (checking) return
    if (pin === '') {
      setError('Enter your PIN.')
      return
    }
    setChecking(true)
    const result = await tryUnlock(pin, maxPinAttempts)
    switch (result.status) {
      case 'unlocked':
        return
      case 'wrong':
        setPin('')
        setError(`Wrong PIN. ${attemptsText(result.attemptsLeft)} left.`)
        setChecking(false)
        input.current?.focus()
        return
      case 'sign-out':
        await endSession('pin_attempts')
        return
      case 'no-pin':
        // The verifier is gone (storage cleared underneath us): a PIN can no longer be checked.
        await endSession('unauthenticated')
        return
    }
  }

  const attemptsLeft = maxPinAttempts - failedAttempts

  return (
    <main id="main" className="centre-page lock-screen">
      <div className="panel auth-panel">
        <div className="lock-badge">
          <LockIcon />
        </div>
        <PageTitle>Kestrel is locked</PageTitle>
        <p>Enter your app PIN to carry on.</p>
        {error !== null ? (
          <p className="alert" role="alert">
            {error}
          </p>
        ) : failedAttempts > 0 ? (
          <p className="hint">{attemptsText(attemptsLeft)} left before Kestrel signs you out.</p>
        ) : null}
        <form className="form" noValidate onSubmit={(event) => void submit(event)}>
          <div className="field">
            <label htmlFor="unlock-pin">PIN</label>
            <input
              ref={input}
              id="unlock-pin"
              type="password"
              inputMode="numeric"
              autoComplete="off"
              maxLength={8}
              // The lock screen has one job: put the cursor where the PIN goes.
              autoFocus
              value={pin}
              onChange={(event) => setPin(event.target.value)}
            />
          </div>
          <button type="submit" className="button button--primary button--wide" disabled={checking}>
            Unlock
          </button>
        </form>
        <div className="panel-footer">
          <p className="hint">Forgotten your PIN? Sign out and sign in again. Signing out erases Kestrel data on this device.</p>
          <button type="button" className="button" disabled={checking} onClick={() => void endSession('signed_out')}>
            Sign out
          </button>
        </div>
      </div>
    </main>
  )
}
