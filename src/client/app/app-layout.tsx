/**
 * The signed-in app's frame: header with the account menu, the "Main" navigation (bottom bar on a
 * phone, side rail on a tablet or station terminal; one nav element, placed by CSS) and the page.
 *
 * It also runs the signed-in session's watchers, even behind the lock screen: the idle lock, the
 * server check of the session (at start, on every navigation, on return to the app, on reconnect
 * and every five minutes, so a revoked device erases itself at its next contact), the session's
 * end time, the briefing package's sync schedule (lib/sync.ts) and the maps' basemap
 * (lib/basemap.ts). While locked, the lock screen replaces the frame entirely, so nothing personal
 * remains on the page.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useEffect, useRef } from 'react'
import { NavLink, Outlet, useLocation } from 'react-router'
import { ClaimAlerts } from '../components/claim-alerts.tsx'
import { CurfewBreachAlerts } from '../components/curfew-breach-alerts.tsx'
import { AccountsIcon, AuditIcon, BriefingIcon, CheckIcon, CurfewIcon, KestrelMark, MapIcon, NotesIcon, SettingsIcon, TodayIcon, WantedIcon, WriteIcon } from '../components/icons.tsx'
import { OutboxAlert } from '../components/outbox-problems.tsx'
import { GeofenceBanner, PatrolBar, PatrolButton } from '../components/patrol-mode.tsx'
import { LockScreen } from '../features/device-lock/lock-screen.tsx'
import { useClientConfig } from '../lib/api/get-client-config.ts'
import { useBasemapRefresh } from '../lib/basemap.ts'
import { useIdleLock, useLockState } from '../lib/device-lock.ts'
import { idleLockMs } from '../lib/idle-lock.ts'
import { serverNow } from '../lib/server-clock.ts'
import { expireSessionIfDue, sessionCheckQueryOptions, useSession } from '../lib/session.ts'
import { useSyncSchedule } from '../lib/sync.ts'
import { AccountMenu } from './account-menu.tsx'

const sessionCheckIntervalMs = 5 * 60_000
/** setTimeout's longest delay; a session never lasts this long, but a bad clock might say so. */
const longestTimeoutMs = 2_147_483_647

function useSessionWatch(pathname: string, expiresAt: string | null): void {
  const queryClient = useQueryClient()
  useQuery({
    ...sessionCheckQueryOptions,
    refetchInterval: sessionCheckIntervalMs,
    refetchOnWindowFocus: 'always',
    refetchOnReconnect: 'always',
  })

  useEffect(() => {
    void queryClient.refetchQueries({ queryKey: sessionCheckQueryOptions.queryKey, type: 'active' }, { cancelRefetch: false })
  }, [pathname, queryClient])

  useEffect(() => {
    if (expiresAt === null) return
    const remaining = Date.parse(expiresAt) - serverNow()
    if (Number.isNaN(remaining)) return
    const timer = window.setTimeout(() => void expireSessionIfDue(), Math.min(Math.max(remaining, 0) + 1_000, longestTimeoutMs))
    return () => window.clearTimeout(timer)
  }, [expiresAt])
}

/** After navigation, move focus to the new page's heading so screen readers announce it. */
function useFocusOnNavigation(pathname: string, locked: boolean): void {
  const previous = useRef<string | null>(null)
  useEffect(() => {
    if (locked) return
    if (previous.current !== null && previous.current !== pathname) {
      document.querySelector<HTMLElement>('#main h1')?.focus()
    }
    previous.current = pathname
  }, [pathname, locked])
}

export function AppLayout() {
  const session = useSession()
  const lock = useLockState()
  const { idleLockMinutes } = useClientConfig()
  const { pathname } = useLocation()
  const signedIn = session.status === 'signed-in'

  useSessionWatch(pathname, signedIn ? session.expiresAt : null)
  // Administrators get no briefing package (the server sends none to them).
  useSyncSchedule(signedIn && session.user.role !== 'admin')
  // The maps' basemap, kept on the device so they draw it offline (administrators have no maps).
  useBasemapRefresh(signedIn && session.user.role !== 'admin')
  useIdleLock(signedIn && !lock.locked, idleLockMs(idleLockMinutes))
  useFocusOnNavigation(pathname, lock.locked)

  if (!signedIn) return null
  if (lock.locked) return <LockScreen />

  const { user } = session
  return (
    <div className="app-shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="app-header">
        <NavLink to="/" className="brand" aria-label="Kestrel, go to Today">
          <KestrelMark />
          <span>Kestrel</span>
        </NavLink>
        <div className="app-header__actions">
          {user.role !== 'admin' ? <PatrolButton /> : null}
          <AccountMenu user={user} />
        </div>
      </header>
      <nav className="app-nav" aria-label="Main">
        <ul>
          <li>
            <NavLink to="/" end>
              <TodayIcon />
              <span>Today</span>
            </NavLink>
          </li>
          {user.role !== 'admin' ? (
            <li>
              <NavLink to="/briefing">
                <BriefingIcon />
                <span>Briefing</span>
              </NavLink>
            </li>
          ) : null}
          {user.role !== 'admin' ? (
            <li>
              <NavLink to="/wanted">
                <WantedIcon />
                <span>Wanted</span>
              </NavLink>
            </li>
          ) : null}
          {user.role === 'officer' || user.role === 'supervisor' ? (
            <li>
              <NavLink to="/checks">
                <CheckIcon />
                <span>Checks</span>
              </NavLink>
            </li>
          ) : null}
          {user.role === 'officer' || user.role === 'supervisor' ? (
            <li>
              <NavLink to="/notes">
                <NotesIcon />
                <span>Notes</span>
              </NavLink>
            </li>
          ) : null}
          {user.role === 'officer' || user.role === 'supervisor' ? (
            <li>
              <NavLink to="/curfews">
                <CurfewIcon />
                <span>Curfews</span>
              </NavLink>
            </li>
          ) : null}
          {/* Not in a phone's bottom bar either (it is full): there, the Today tile opens the map. */}
          {user.role !== 'admin' ? (
            <li className="app-nav__wide-only">
              <NavLink to="/map">
                <MapIcon />
                <span>Map</span>
              </NavLink>
            </li>
          ) : null}
          {user.role === 'analyst' || user.role === 'supervisor' ? (
            <li>
              <NavLink to="/write-briefing">
                <WriteIcon />
                <span>Write briefing</span>
              </NavLink>
            </li>
          ) : null}
          {/* Not in a phone's bottom bar (it is full): there, Checks links to the audit log. */}
          {user.role === 'supervisor' ? (
            <li className="app-nav__wide-only">
              <NavLink to="/audit">
                <AuditIcon />
                <span>Audit</span>
              </NavLink>
            </li>
          ) : null}
          <li>
            <NavLink to="/settings">
              <SettingsIcon />
              <span>Settings</span>
            </NavLink>
          </li>
          {user.role === 'admin' ? (
            <li>
              <NavLink to="/admin">
                <AccountsIcon />
                <span>Accounts</span>
              </NavLink>
            </li>
          ) : null}
        </ul>
      </nav>
      <main id="main" className="app-main">
        <GeofenceBanner />
        <PatrolBar />
        <OutboxAlert />
        <Outlet />
      </main>
      <ClaimAlerts />
      {user.role === 'supervisor' ? <CurfewBreachAlerts /> : null}
    </div>
  )
}
