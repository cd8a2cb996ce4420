/**
 * Route guards: which screen a session state may see. Until the device session is known, and
 * while the device is being erased, only a holding screen shows. Signed out: sign-in only. Signed
 * in without a PIN: set PIN only. Role-restricted pages show a plain refusal (the server enforces
 * the same rule on every request).
 *
 * A deep link opened while signed out is remembered through sign-in and PIN setup, except after a
 * sign-out, which always starts again at Today.
 */
import type { ReactNode } from 'react'
import { Navigate, Outlet, useLocation } from 'react-router'
import type { Location } from 'react-router'
import type { Role } from '../../shared/api/auth.ts'
import { PageTitle } from '../components/page-title.tsx'
import { Splash } from '../components/splash.tsx'
import type { SessionState } from '../lib/session.ts'
import { useSession, useSignedInUser } from '../lib/session.ts'

type ReturnState = { from: string }

function returnPath(location: Location): string {
  const state: unknown = location.state
  if (typeof state === 'object' && state !== null && 'from' in state && typeof state.from === 'string' && state.from.startsWith('/')) {
    return state.from
  }
  return '/'
}

function holding(session: SessionState): ReactNode {
  if (session.status === 'loading') return <Splash message="Opening Kestrel…" />
  if (session.status === 'ending') return <Splash message="Erasing Kestrel data on this device…" />
  return null
}

export function SignedOutOnly({ children }: { children: ReactNode }) {
  const session = useSession()
  const location = useLocation()
  if (session.status === 'loading' || session.status === 'ending') return holding(session)
  if (session.status === 'signed-in') {
    const state: ReturnState = { from: returnPath(location) }
    return session.pinSet ? <Navigate to={state.from} replace /> : <Navigate to="/set-pin" replace state={state} />
  }
  return children
}

export function RequirePinSetup({ children }: { children: ReactNode }) {
  const session = useSession()
  const location = useLocation()
  if (session.status === 'loading' || session.status === 'ending') return holding(session)
  if (session.status === 'signed-out') return <Navigate to="/login" replace />
  if (session.pinSet) return <Navigate to={returnPath(location)} replace />
  return children
}

export function RequireSession({ children }: { children: ReactNode }) {
  const session = useSession()
  const location = useLocation()
  if (session.status === 'loading' || session.status === 'ending') return holding(session)
  const state: ReturnState = { from: `${location.pathname}${location.search}` }
  if (session.status === 'signed-out') {
    return session.notice === null ? <Navigate to="/login" replace state={state} /> : <Navigate to="/login" replace />
  }
  if (!session.pinSet) return <Navigate to="/set-pin" replace state={state} />
  return children
}

export function RequireRole({ role }: { role: Role }) {
  return <RequireAnyRole roles={[role]} audience="administrators" />
}

/** For pages several roles share, e.g. writing the briefing (analysts and supervisors). */
export function RequireAnyRole({ roles, audience }: { roles: readonly Role[]; audience: string }) {
  const user = useSignedInUser()
  if (user === null) return null
  if (!roles.includes(user.role)) {
    return (
      <div className="page">
        <PageTitle>You do not have access to this page</PageTitle>
        <p>This page is for {audience}. If you need it for your work, ask an administrator.</p>
      </div>
    )
  }
  return <Outlet />
}
