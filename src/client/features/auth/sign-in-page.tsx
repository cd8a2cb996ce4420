/**
 * The sign-in screen: collar number and password. It also says why the officer is here when a
 * session ended (signed out, expired, revoked, too many wrong PINs), since each of those erased the
 * device. Sign-in needs the network; offline, the screen says so rather than failing silently.
 */
import { useMutation } from '@tanstack/react-query'
import { useState } from 'react'
import type { FormEvent } from 'react'
import { KestrelMark } from '../../components/icons.tsx'
import { PageTitle } from '../../components/page-title.tsx'
import { errorMessage } from '../../lib/api-client.ts'
import { useClientConfig } from '../../lib/api/get-client-config.ts'
import { useOnline } from '../../lib/connectivity.ts'
import { clearSignOutNotice, startSession, useSession } from '../../lib/session.ts'
import { login } from './api/login.ts'

function formProblem(collarNumber: string, password: string): string | null {
  if (!/^\d{1,8}$/.test(collarNumber)) return 'Enter your collar number: 1 to 8 digits.'
  if (password === '') return 'Enter your password.'
  return null
}

export function SignInPage() {
  const session = useSession()
  const config = useClientConfig()
  const online = useOnline()
  const [collarNumber, setCollarNumber] = useState('')
  const [password, setPassword] = useState('')
  const [error, setError] = useState<string | null>(null)

  const signIn = useMutation({
    mutationFn: login,
    onSuccess: (user) => startSession(user),
    onError: (caught) => setError(errorMessage(caught)),
  })

  const notice = session.status === 'signed-out' ? session.notice : null
  const message = error ?? notice

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    clearSignOutNotice()
    const problem = formProblem(collarNumber.trim(), password)
    setError(problem)
    if (problem === null) signIn.mutate({ collarNumber: collarNumber.trim(), password })
  }

  return (
    <main id="main" className="centre-page">
      <div className="panel auth-panel">
        <div className="brand brand--large">
          <KestrelMark />
          <span>Kestrel</span>
        </div>
        <PageTitle>Sign in to Kestrel</PageTitle>
        {message !== null ? (
          <p className={error !== null ? 'alert' : 'alert alert--info'} role="alert">
            {message}
          </p>
        ) : null}
        {config.demo ? <p className="note">Demo system: every person and record in it is made up.</p> : null}
        <form className="form" noValidate onSubmit={submit}>
          <div className="field">
            <label htmlFor="collar-number">Collar number</label>
            <input
              id="collar-number"
              name="collarNumber"
              inputMode="numeric"
              autoComplete="username"
              autoCapitalize="none"
              spellCheck={false}
              maxLength={8}
              value={collarNumber}
              onChange={(event) => setCollarNumber(event.target.value)}
              aria-invalid={error !== null && !/^\d{1,8}$/.test(collarNumber.trim())}
            />
          </div>
          <div className="field">
            <label htmlFor="password">Password</label>
            <input
              id="password"
              name="password"
              type="password"
              autoComplete="current-password"
              value={password}
              onChange={(event) => setPassword(event.target.value)}
            />
          </div>
          <button type="submit" className="button button--primary button--wide" disabled={signIn.isPending}>
            Sign in
          </button>
          {signIn.isPending ? <p className="hint">Signing in…</p> : null}
          {!online ? <p className="hint">Signing in needs a connection.</p> : null}
        </form>
      </div>
    </main>
  )
}
